// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SignalInfo, VehicleInfo, WorldView } from '../../../src/worker/protocol';
import type { WorldIndex } from '../../../src/ui/store/world-index';
import { reactHost } from '../../support/dom';

const asked: string[] = [];
const info: SignalInfo = {
  mode: 'normal',
  stage: 1,
  next: 1,
  interval: 'green',
  stages: ['main', 'right-turn arrow', 'main'],
  movements: [
    { from: 'south', street: 'Mill Street', turn: 'ahead', now: 'red', stages: ['protected', 'red', 'red'] },
    { from: 'south', street: 'Mill Street', turn: 'right', now: 'green', stages: ['give way', 'protected', 'red'] },
    { from: 'west', street: null, turn: 'left', now: 'red', stages: ['red', 'red', 'protected'] },
  ],
  conflicts: 0,
};

const car: { -readonly [K in keyof VehicleInfo]: VehicleInfo[K] } = {
  emergency: false,
  speedKmh: 0.4,
  heldBy: 7,
  route: [
    { road: 'Mill Street', m: 240 },
    { road: 'Canal Way', m: 1400 },
  ],
  remainingM: 640,
  onRoadS: 95,
};

vi.mock('../../../src/ui/app/session', () => ({
  twinClient: () => ({
    vehicle: (slot: number) => {
      asked.push(`vehicle ${slot}`);
      return Promise.resolve(car);
    },
    signal: (id: string) => {
      asked.push(id);
      return Promise.resolve(info);
    },
  }),
}));

// Unit files share one module registry (vitest.config.ts): load the UI afresh, so it takes the mocked session.
vi.resetModules();
const { TrafficAssetSection, VehicleInspector } = await import('../../../src/ui/traffic/traffic-panels');
const { live } = await import('../../../src/ui/store/live');
const { uiStore } = await import('../../../src/ui/store/ui-store');

describe('signal inspector', () => {
  const dom = reactHost();
  afterEach(() => {
    asked.length = 0;
  });

  it('shows each movement of the controller with what it has now and in every stage', async () => {
    const plan = { kind: 'fixed' as const, greenS: 27, amberS: 3, allRedS: 2, minGreenS: 7, maxGreenS: 40 };
    const view = {
      assets: [{ id: 'signal-1' }],
      traffic: { links: new Float32Array(0), lanes: new Uint8Array(0), signals: [{ asset: 0, x: 0, z: 0, plan }] },
    } as unknown as WorldView;
    const index = { view } as unknown as WorldIndex;
    const { host, root } = dom;
    await act(async () => root.render(<TrafficAssetSection index={index} asset={0} />));
    expect(asked).toEqual(['signal-1']);
    const table = host.querySelector('[data-testid="signal-movements"]')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['From', 'Turn', 'Now', '1: main', '2: right-turn arrow', '3: main']);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    expect(rows[1]).toEqual(['south', 'right', 'green', 'give way', 'protected', '—']);
    // The approach's street, once per approach.
    expect(rows[0]![0]).toBe('southMill Street');
    expect(rows[2]![0]).toBe('west');
    expect(table.querySelector('th[aria-current="step"]')?.textContent).toBe('2: right-turn arrow');
    expect(host.textContent).toContain('Running stage 2: right-turn arrow.');
  });

  it('counts the approaches showing green, amber and red, however many arms the junction has', async () => {
    const plan = { kind: 'fixed' as const, greenS: 27, amberS: 3, allRedS: 2, minGreenS: 7, maxGreenS: 40 };
    // Signal 0 has five approaches (a five-arm junction); approach 5 belongs to another signal.
    const approaches = { signal: Int32Array.of(0, 0, 0, 0, 0, 1), link: new Int32Array(6), stop: new Float32Array(18) };
    const view = {
      assets: [{ id: 'signal-1' }],
      traffic: { links: new Float32Array(0), lanes: new Uint8Array(0), signals: [{ asset: 0, x: 0, z: 0, plan }], approaches },
    } as unknown as WorldView;
    // Lamps per approach (left, ahead, right): 2 green, 4 green-give-way, 1 amber, 0 red, 255 no such movement.
    const lamps = Uint8Array.of(2, 2, 4, 0, 0, 4, 1, 1, 255, 0, 0, 0, 0, 255, 0, 2, 2, 2);
    live.snapshot = { traffic: { signals: Uint8Array.of(0), approaches: lamps } } as unknown as typeof live.snapshot;
    const { host, root } = dom;
    await act(async () => root.render(<TrafficAssetSection index={{ view } as unknown as WorldIndex} asset={0} />));
    const facts = [...host.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling!.textContent}`);
    expect(facts.map((f) => f.replace(/\s+/g, ' '))).toContain('Showing: 2 approaches green, 1 approach amber, 2 approaches red');
    live.snapshot = null;
  });

  it('says why a car waits and which car it waits on, and opens that car', async () => {
    // Slot 3 (waiting to merge in turn, reason 11) and slot 7 beside it, as the worker's snapshot has them.
    live.snapshot = {
      traffic: { vehicles: new Float32Array([120, 40, 0, 122, 43, 0]), vehicleState: new Uint8Array([11, 12]), vehicleSlot: new Int32Array([3, 7]) },
    } as unknown as typeof live.snapshot;
    const { host, root } = dom;
    await act(async () => root.render(<VehicleInspector index={{} as WorldIndex} id="vehicle:3" />));
    expect(asked).toEqual(['vehicle 3']);
    const facts = [...host.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling!.textContent}`);
    expect(facts).toContain('Now: Merging in turn: waits for the gap behind the car alongside');
    expect(facts).toContain('Waiting on: car #7');
    expect([...host.querySelectorAll('.route-list li')].map((li) => li.textContent)).toEqual(['Mill Street · 240 m', 'Canal Way · 1.4 km']);
    await act(async () => (host.querySelector('[data-testid="held-by"]') as HTMLButtonElement).click());
    expect(uiStore.getState().selectedFeature).toEqual({ layer: 'traffic-network', id: 'vehicle:7' });
    // The car letting it in says so.
    car.heldBy = 3;
    await act(async () => root.render(<VehicleInspector index={{} as WorldIndex} id="vehicle:7" />));
    const facts7 = [...host.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling!.textContent}`);
    expect(facts7).toContain('Now: Letting a merging car in ahead of it');
    expect(facts7).toContain('Letting in: car #3');
    // A driver still rolling towards a red is slowing for it, not waiting at it.
    live.snapshot = {
      traffic: { vehicles: new Float32Array([120, 40, 0]), vehicleState: new Uint8Array([1]), vehicleSlot: new Int32Array([5]) },
    } as unknown as typeof live.snapshot;
    car.heldBy = null;
    car.speedKmh = 31.8;
    await act(async () => root.render(<VehicleInspector index={{} as WorldIndex} id="vehicle:5" />));
    expect(host.querySelector('dd')!.textContent).toBe('Slowing for a red signal');
    car.speedKmh = 0;
    await act(async () => root.render(<VehicleInspector index={{} as WorldIndex} id="vehicle:7" />));
    await act(async () => root.render(<VehicleInspector index={{} as WorldIndex} id="vehicle:5" />));
    expect(host.querySelector('dd')!.textContent).toBe('Waiting at a red signal');
    live.snapshot = null;
  });
});
