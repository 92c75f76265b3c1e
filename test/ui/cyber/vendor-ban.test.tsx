// @vitest-environment jsdom
/**
 * The vendor panel's "Ban from…" control says what a ban costs before it is sent (units, how long
 * each is down, how long the programme takes with the crews chosen) and sends policy.vendor.ban;
 * the panel's supply counts follow the kit swapped during the run.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reactHost } from '../../support/dom';
import { vendorId, type VendorSpec } from '../../../src/sim';
import type { WorldIndex } from '../../../src/ui/store/world-index';
import { KESTREL } from '../../support/network';

const commands: unknown[] = [];
/** What the worker answers to the next command (refused when it names unknown ids). */
let outcome: { applied: boolean; refused: { kind: string; id: string; path: string }[] } = { applied: true, refused: [] };
vi.mock('../../../src/ui/app/session', () => ({
  twinClient: () => ({
    command: (c: unknown) => {
      commands.push(c);
      return Promise.resolve(outcome);
    },
  }),
}));

// Unit files share one module registry (vitest.config.ts): load the UI afresh, so it takes the mocked session.
vi.resetModules();
const { BanControl, suppliedNow } = await import('../../../src/ui/cyber/vendor-ban');
const { VendorPanel } = await import('../../../src/ui/cyber/cyber-panels');
const { uiStore } = await import('../../../src/ui/store/ui-store');
const { live } = await import('../../../src/ui/store/live');

const kestrel = KESTREL;
const meridian: VendorSpec = {
  id: vendorId('meridian'),
  name: 'Meridian',
  jurisdiction: 'United Kingdom',
  supplies: ['traffic-signal'],
  remoteMaintenance: false,
  cloudJurisdiction: null,
};
const units = [...[1, 2, 3, 4, 5, 6].map((k) => ({ id: `camera-${k}`, kind: 'camera' })), { id: 'nvr-1', kind: 'nvr' }];

/** Opens the control as a click on its summary would (the form is made only while open). */
function openControl(): void {
  const d = dom.host.querySelector('details')!;
  act(() => {
    d.open = true;
    d.dispatchEvent(new Event('toggle'));
  });
}

beforeEach(() => {
  commands.length = 0;
  outcome = { applied: true, refused: [] };
});
const dom = reactHost();

describe('the Ban from… control', () => {
  it('shows the cost with the crews chosen, then sends the ban', async () => {
    act(() => dom.root.render(<BanControl vendor={kestrel} vendors={[kestrel, meridian]} units={units} queuedKinds={new Set()} />));
    const summary = dom.host.querySelector('summary')!;
    expect(summary.textContent).toMatch(/Ban from/);
    expect(summary.getAttribute('title')).toMatch(/out of service while it is swapped/);
    expect(dom.host.querySelector('form')).toBeNull();
    openControl();
    // Six cameras at 1.5 h and a recorder at 6 h, four crews in id order: the recorder waits for a crew until 1.5 h, done at 7.5 h.
    expect(dom.host.querySelector('.ban-cost')!.textContent).toMatch(/7 unit\(s\).*6 camera \(1 h 30 min each\), 1 nvr \(6 h each\).*takes 7 h 30 min/);
    const nvr = [...dom.host.querySelectorAll('label')].find((l) => l.textContent?.includes('nvr'))!.querySelector('input')!;
    act(() => nvr.click());
    const crews = dom.host.querySelector<HTMLInputElement>('input[type="number"]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    act(() => {
      setter.call(crews, '2');
      crews.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(dom.host.querySelector('.ban-cost')!.textContent).toMatch(/6 unit\(s\).*takes 4 h 30 min/);
    await act(async () => dom.host.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    expect(commands).toEqual([{ type: 'policy.vendor.ban', vendor: 'kestrel', kinds: ['camera'], replacement: 'meridian', crews: 2 }]);
    expect(dom.host.querySelector('[role="status"]')?.textContent).toMatch(/Ban issued/);
  });

  it('does not say the ban was issued when the worker refused it', async () => {
    outcome = { applied: false, refused: [{ kind: 'vendor', id: 'meridian', path: 'replacement' }] };
    act(() => dom.root.render(<BanControl vendor={kestrel} vendors={[kestrel, meridian]} units={units} queuedKinds={new Set()} />));
    openControl();
    await act(async () => dom.host.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    expect(commands).toHaveLength(1);
    expect(dom.host.querySelector('.ban-cost')).not.toBeNull();
    expect(dom.host.textContent).not.toMatch(/Ban issued/);
  });

  it('offers no vendor as the replacement, and has nothing to do for kinds already being replaced', () => {
    act(() => dom.root.render(<BanControl vendor={kestrel} vendors={[kestrel, meridian]} units={units} queuedKinds={new Set(['camera', 'nvr'])} />));
    openControl();
    expect(dom.host.querySelector('.ban-cost')!.textContent).toBe('Nothing to replace.');
    expect(dom.host.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(true);
    expect([...dom.host.querySelectorAll('option')].map((o) => o.value)).toEqual(['meridian', '']);
  });
});

describe('supply now', () => {
  it('lays the kit swapped during the run over the loaded assets', () => {
    const assets = [
      ...units.map((u) => ({ ...u, vendor: kestrel.id, remoteAccess: true })),
      { id: 'gateway-kestrel', kind: 'vendor-gateway', vendor: kestrel.id, remoteAccess: true },
    ];
    const index = { view: { assets, vendors: [kestrel, meridian] } } as unknown as WorldIndex;
    const supply = { changed: new Map([['camera-1', { vendor: 'meridian', remoteAccess: false }]]), bans: [], nowMs: 0, datasetsAdded: [], reach: new Map() };
    const k = suppliedNow(index, supply, 'kestrel');
    expect(k.kinds).toEqual([
      { kind: 'camera', count: 5 },
      { kind: 'nvr', count: 1 },
      { kind: 'vendor-gateway', count: 1 },
    ]);
    expect(k.remote).toBe(7);
    expect(k.units.map((u) => u.id)).not.toContain('gateway-kestrel');
    expect(suppliedNow(index, supply, 'meridian')).toMatchObject({ kinds: [{ kind: 'camera', count: 1 }], remote: 0 });
  });
});

describe('the vendor panel during a ban', () => {
  it('counts what each vendor supplies now, the cloud the new kit writes to, and the ban under way', () => {
    vi.useFakeTimers();
    const assets = [
      ...units.map((u) => ({ ...u, vendor: kestrel.id, remoteAccess: true })),
      { id: 'gateway-kestrel', kind: 'vendor-gateway', vendor: kestrel.id, remoteAccess: true },
    ];
    const merCloud = { ...meridian, cloudJurisdiction: 'United Kingdom' };
    const exposure = (v: VendorSpec, datasets: string[]) => ({
      vendor: v.id,
      name: v.name,
      jurisdiction: v.jurisdiction,
      supplies: [],
      remoteAccessAssets: 0,
      vpnZones: v === kestrel ? ['cctv', 'network'] : [],
      cloudJurisdiction: v.cloudJurisdiction,
      cloudDatasets: datasets,
    });
    const index = {
      view: {
        assets,
        vendors: [kestrel, merCloud],
        cyber: {
          zones: ['cctv'],
          homeJurisdiction: 'United Kingdom',
          attribution: null,
          vendors: [exposure(kestrel, ['kestrel-cloud-plate']), exposure(merCloud, [])],
        },
      },
    } as unknown as WorldIndex;
    uiStore.setState({ index });
    live.snapshot = {
      tMs: 3 * 3_600_000,
      cyber: {
        recordsExfiltrated: 0,
        zoneIsolated: new Uint8Array(1),
        policies: {},
        resupplied: [
          { asset: 'camera-1', vendor: 'meridian', remoteAccess: false },
          { asset: 'camera-2', vendor: 'meridian', remoteAccess: false },
        ],
        bans: [{ vendor: 'kestrel', kinds: ['camera'], replacement: 'meridian', assets: 6, done: 2, startMs: 0, endMs: 4.5 * 3_600_000 }],
        datasetsAdded: [{ id: 'meridian-cloud-plate', kind: 'plate', jurisdiction: 'United Kingdom', cloudVendor: 'meridian' }],
        // The scenario gave Kestrel's VPN the cctv and network zones; cctv is isolated now.
        vendorReach: [{ vendor: 'kestrel', enabled: true, zones: ['network'] }],
      },
    } as never;
    act(() => dom.root.render(<VendorPanel />));
    act(() => vi.advanceTimersByTime(1100));
    const rows = [...dom.host.querySelectorAll('.vendor-card')].map((r) => r.textContent ?? '');
    expect(rows[0]).toMatch(/4 cameras, 1 nvr, 1 vendor gateway/);
    expect(rows[0]).toMatch(/6 assets · VPN reaches networkCloud data/);
    expect(rows[1]).toMatch(/2 cameras/);
    expect(rows[1]).toMatch(/1 dataset\(s\) in United Kingdom/);
    expect(dom.host.querySelector('.ban-progress')!.textContent).toBe('Kestrel banned from cameras: 2 of 6 unit(s) replaced by Meridian, finished by 04:30:00');
    expect(dom.host.querySelectorAll('summary')).toHaveLength(2);
    // Cutting the vendor's access shows at the next poll.
    (live.snapshot as unknown as { cyber: { vendorReach: unknown } }).cyber.vendorReach = [{ vendor: 'kestrel', enabled: false, zones: [] }];
    act(() => vi.advanceTimersByTime(1100));
    expect(dom.host.querySelector('.vendor-card')!.textContent).toMatch(/VPN access cut/);
    live.snapshot = null;
    vi.useRealTimers();
  });
});
