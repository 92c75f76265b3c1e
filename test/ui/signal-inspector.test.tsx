// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignalInfo, WorldView } from '../../src/worker/protocol';
import type { WorldIndex } from '../../src/ui/store/world-index';

const asked: string[] = [];
const info: SignalInfo = {
  mode: 'normal',
  stage: 1,
  next: 1,
  interval: 'green',
  stages: ['main', 'right-turn arrow', 'main'],
  movements: [
    { from: 'south', turn: 'ahead', now: 'red', stages: ['protected', 'red', 'red'] },
    { from: 'south', turn: 'right', now: 'green', stages: ['give way', 'protected', 'red'] },
    { from: 'west', turn: 'left', now: 'red', stages: ['red', 'red', 'protected'] },
  ],
  conflicts: 0,
};

vi.mock('../../src/ui/app/session', () => ({
  twinClient: () => ({
    signal: (id: string) => {
      asked.push(id);
      return Promise.resolve(info);
    },
  }),
}));

const { TrafficAssetSection } = await import('../../src/ui/traffic/traffic-panels');

describe('signal inspector', () => {
  let host: HTMLDivElement;
  beforeEach(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => {
    host.remove();
    asked.length = 0;
  });

  it('shows each movement of the controller with what it has now and in every stage', async () => {
    const plan = { kind: 'fixed' as const, greenS: 27, amberS: 3, allRedS: 2, minGreenS: 7, maxGreenS: 40 };
    const view = { assets: [{ id: 'signal-1' }], traffic: { links: new Float32Array(0), lanes: new Uint8Array(0), signals: [{ asset: 0, x: 0, z: 0, plan }] } } as unknown as WorldView;
    const index = { view } as unknown as WorldIndex;
    const root = createRoot(host);
    await act(async () => root.render(<TrafficAssetSection index={index} asset={0} />));
    expect(asked).toEqual(['signal-1']);
    const table = host.querySelector('[data-testid="signal-movements"]')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['From', 'Turn', 'Now', '1: main', '2: right-turn arrow', '3: main']);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    expect(rows[1]).toEqual(['south', 'right', 'green', 'give way', 'protected', '—']);
    expect(table.querySelector('th[aria-current="step"]')?.textContent).toBe('2: right-turn arrow');
    expect(host.textContent).toContain('Running stage 2: right-turn arrow.');
    await act(async () => root.unmount());
  });
});
