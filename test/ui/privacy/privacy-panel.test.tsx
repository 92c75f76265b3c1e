// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrivacyView, PrivacyWhatIf } from '../../../src/worker/privacy-query';
import type { WorldView } from '../../../src/worker/protocol';
import { reactHost } from '../../support/dom';
import { sampleTrace } from '../../support/trace';

const calls: (PrivacyWhatIf | undefined)[] = [];
const commands: unknown[] = [];
const anon = { rotation: 'none' as const, cellM: 0, binS: 1, k: 1, epsilon: null, retentionS: null };
const view: PrivacyView = {
  tS: 3600,
  historyDays: 7,
  computeMs: 900,
  residents: 1000,
  households: 420,
  datasets: (['anpr', 'face', 'smartcard', 'meter', 'wifi', 'aggregates'] as const).map((id) => ({
    id,
    label: id,
    records: 100,
    anonymisation: 'stable pseudonyms',
    settings: anon,
    held: id === 'meter' ? { how: 'exfiltrated', atS: 10 } : null,
  })),
  unicity: [0, 500, 1000].flatMap((spatialM, r) =>
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((p) => ({
      dataset: 'wifi' as const,
      p,
      spatialM,
      temporalS: 3600 * (r + 1),
      epsilon: Math.min(1, p / (10 + r * 5)),
      sampled: 500,
      eligible: 2000 - 100 * p,
    })),
  ),
  aggregates: { cellM: 500, binS: 3600, published: 1200, suppressed: 30, smallCounts: 12, meanAbsError: 0 },
  reidentified: {
    count: 37,
    share: 0.037,
    wrong: 3,
    ties: 40,
    meanConfidence: 0.9,
    byConfidence: [
      { from: 0, to: 0.5, ties: 3, right: 1 },
      { from: 0.5, to: 0.8, ties: 5, right: 4 },
      { from: 0.8, to: 0.9, ties: 10, right: 10 },
      { from: 0.9, to: 0.95, ties: 0, right: 0 },
      { from: 0.95, to: 1, ties: 22, right: 22 },
    ],
    candidates: 300,
    byDatasets: [{ datasets: ['anpr', 'meter'], count: 37 }],
    links: [],
  },
  sensitiveSites: [
    {
      site: 'clinic',
      name: 'Sexual Health Clinic',
      kind: 'clinic',
      x: 500,
      z: 500,
      watchedBy: 'camera-001',
      visitors: 20,
      visitorHouseholds: 20,
      attributed: 2,
      correct: 2,
      precision: 1,
      recall: 0.1,
    },
    {
      site: 'party-office',
      name: 'Party Office',
      kind: 'party-office',
      x: 900,
      z: 300,
      watchedBy: null,
      visitors: 5,
      visitorHouseholds: 5,
      attributed: 0,
      correct: 0,
      precision: 0,
      recall: 0,
    },
  ],
  illustration: sampleTrace,
};

vi.mock('../../../src/ui/app/session', () => ({
  twinClient: () => ({
    privacy: (w?: PrivacyWhatIf) => {
      calls.push(w);
      return Promise.resolve(view);
    },
    command: (c: unknown) => commands.push(c),
  }),
}));

// Unit files share one module registry (vitest.config.ts): load the UI afresh, so it takes the mocked session.
vi.resetModules();
const { PrivacyPanel } = await import('../../../src/ui/privacy/privacy-panel');
const { uiStore } = await import('../../../src/ui/store/ui-store');

describe('privacy panel', () => {
  const dom = reactHost();
  beforeEach(() => {
    uiStore.setState({
      world: {
        city: {
          sizeM: [1000, 1000],
          districts: [
            {
              id: 'd',
              polygon: [
                [0, 0],
                [1000, 0],
                [1000, 1000],
              ],
            },
          ],
        },
      } as unknown as WorldView,
    });
  });
  afterEach(() => {
    calls.length = 0;
    commands.length = 0;
  });

  it('shows holdings, re-identification, unicity and sites after an analysis, and turns settings into a policy', async () => {
    const { host, root } = dom;
    await act(async () => root.render(<PrivacyPanel />));
    const analyse = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Analyse')!;
    await act(async () => analyse.click());
    expect(calls).toHaveLength(1);
    const text = host.textContent ?? '';
    expect(text).toContain('37 of 1,000 residents (3.7%) tied to their household');
    expect(text).toContain('held · stolen');
    expect(text).toContain('no camera at its door');
    expect(host.querySelectorAll('.unicity-chart polyline')).toHaveLength(3);
    // Calibration: the attacker's confidence against how often it is right, as counts.
    expect(text).toContain('When the attacker is 80% sure or more, it is right 32 of 32 times.');
    expect(host.querySelectorAll('.confidence-table tbody tr')).toHaveLength(5);
    expect(host.querySelector('.confidence-table tbody tr')?.textContent).toBe('0% to under 50%31 (33%)');
    expect(host.querySelector('.sampling-note')?.textContent).toContain('500 of 1,900 at p = 1');
    expect(host.querySelectorAll('.exposure-table tbody tr')).toHaveLength(2);
    // The one illustrative trace: its caption, a mark per record with a tooltip, the path, home and site, and a key.
    const trace = host.querySelector('.trace')!;
    expect(trace.querySelector('.trace-caption')?.textContent).toMatch(
      /^From the three datasets .* Resident R-0042 \(synthetic\) at home .* — right: they arrived at 10:35\.$/,
    );
    expect(trace.querySelectorAll('.trace-point')).toHaveLength(4);
    expect(trace.querySelector('.trace-point title')?.textContent).toBe('08:02 · ANPR plate read (plate hash a1b2c3)');
    expect(trace.querySelectorAll('.trace-path, .trace-home, .trace-site')).toHaveLength(3);
    expect(trace.querySelector('.trace-legend')?.textContent).toContain('Wi-Fi probe');
    expect(trace.querySelectorAll('.trace-records li')).toHaveLength(4);
    expect(trace.querySelector('.trace-joins')?.textContent).toContain(
      'MAC hash d4e5f6 ↔ plate hash a1b2c3: recorded at the same place and time 5 times (e.g. 08:02 near (400, 400))',
    );

    // A slider change re-runs the analysis as a what-if, then "Apply as policy" makes it a command.
    vi.useFakeTimers();
    const select = host.querySelector<HTMLSelectElement>('#anon-dataset')!;
    await act(async () => {
      select.value = 'anpr';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const k = host.querySelector<HTMLInputElement>('#anon-anpr-k')!;
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(k, '5');
      k.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => vi.advanceTimersByTime(600));
    vi.useRealTimers();
    expect(calls.at(-1)?.anonymisation?.anpr?.k).toBe(5);
    const apply = [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Apply as policy'))!;
    await act(async () => apply.click());
    expect(commands).toEqual([{ type: 'privacy.anonymise', dataset: 'anpr', rotation: 'none', cellM: 0, binS: 1, k: 5, epsilon: null, retentionS: null }]);
  });
});
