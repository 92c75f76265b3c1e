import { describe, expect, it } from 'vitest';
import { summarise, type RunRecord, type SummaryInput } from '../../src/sweep/summary';
import { readSummary, summaryCsv } from '../../src/sweep/summary-file';
import { changeText, rankedTableHtml, sweepReportHtml, verdict } from '../../src/sweep/report-html';
import { distributionSvg, ticks } from '../../src/sweep/plots';

const input: SummaryInput = {
  title: 'Test <sweep>',
  question: 'Which policy?',
  scenario: 's.json',
  baseline: 'base',
  seeds: [1, 2, 3, 4],
  untilS: 3600,
  figures: [
    { id: 'taken', label: 'Records taken', kpi: 'recordsExfiltrated', role: 'harm' },
    { id: 'cams', label: 'Cameras working', kpi: 'camerasWorking', role: 'service', better: 'higher' },
  ],
  variants: [
    { id: 'base', label: 'As is', description: '' },
    { id: 'ban', label: 'Ban the vendor', description: 'Replace its cameras' },
    { id: 'noisy', label: 'Noisy policy', description: '' },
  ],
};
const run = (variant: string, seed: number, taken: number, cams: number, error?: string): RunRecord => ({
  variant,
  seed,
  untilS: 3600,
  key: `${variant}-${seed}`,
  hash: error ? null : 'h',
  figures: error ? {} : { taken, cams },
  ...(error ? { error } : {}),
});
const runs: RunRecord[] = [
  run('base', 1, 100, 50),
  run('base', 2, 120, 50),
  run('base', 3, 90, 50),
  run('base', 4, 110, 50),
  run('ban', 1, 10, 48),
  run('ban', 2, 12, 47),
  run('ban', 3, 9, 48),
  run('ban', 4, 0, 0, 'boom'),
  run('noisy', 1, 90, 50),
  run('noisy', 2, 130, 50),
  run('noisy', 3, 80, 50),
  run('noisy', 4, 120, 50),
];

describe('sweep summary', () => {
  const s = summarise(input, runs);
  it('pairs each variant with the baseline seed by seed, leaving failed runs out', () => {
    const ban = s.variants.find((v) => v.id === 'ban')!;
    expect(ban.failed).toBe(1);
    expect(ban.figures.taken!.values).toEqual([10, 12, 9, null]);
    expect(ban.figures.taken!.n).toBe(3);
    // Differences 10−100, 12−120, 9−90 on seeds 1–3.
    expect(ban.figures.taken!.diff!.mean).toBeCloseTo(-93, 9);
    expect(ban.figures.taken!.diff!.n).toBe(3);
    expect(s.variants[0]!.figures.taken!.diff).toBeNull();
    expect(s.runs).toEqual({ total: 12, failed: 1 });
  });

  it('ranks by the first harm figure and says when a change is not clear', () => {
    expect(s.ranking).toEqual(['ban', 'base', 'noisy']);
    const ban = s.variants[1]!;
    const noisy = s.variants[2]!;
    expect(verdict(s, ban, s.figures[0]!)).toBe('better');
    expect(verdict(s, ban, s.figures[1]!)).toBe('worse');
    expect(verdict(s, noisy, s.figures[0]!)).toBe('unclear');
    expect(changeText(s, ban, s.figures[0]!)).toMatch(/^−93 \(−88\.6 %\); 95 % interval −\S+ to −\S+$/);
    expect(changeText(s, noisy, s.figures[0]!)).toContain('not clearly different');
    expect(changeText(s, noisy, s.figures[1]!)).toBe('no change in any run');
    expect(verdict(s, noisy, s.figures[1]!)).toBe('same');
    // A sure but tiny change (−0.5 of about 105) is not sold as a gain.
    const tiny = summarise(
      input,
      runs.map((r) =>
        r.variant === 'noisy' ? { ...r, figures: { taken: (r.seed === 1 ? 100 : r.seed === 2 ? 120 : r.seed === 3 ? 90 : 110) - 0.5, cams: 50 } } : r,
      ),
    );
    expect(verdict(tiny, tiny.variants[2]!, tiny.figures[0]!)).toBe('negligible');
  });

  it('writes a CSV row per variant and figure, and a page that escapes what the file says', () => {
    const csv = summaryCsv(s).trim().split('\n');
    expect(csv).toHaveLength(1 + 3 * 2);
    expect(csv[3]).toMatch(/^ban,Ban the vendor,taken,,harm,3,10\.3333,10,/);
    const html = sweepReportHtml(s);
    expect(html).toContain('Test &lt;sweep&gt;');
    expect(html).not.toContain('<sweep>');
    expect(html).not.toMatch(/<script/i);
    expect(rankedTableHtml(s).indexOf('Ban the vendor')).toBeLessThan(rankedTableHtml(s).indexOf('Noisy policy'));
    const svg = distributionSvg(s, s.figures[0]!);
    // 4 + 3 + 4 dots: one per run that has a value.
    expect(svg.match(/<circle/g)).toHaveLength(11);
    expect(ticks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('reads its own JSON back, and names what is wrong with anything else', () => {
    expect(readSummary(JSON.stringify(s))).toEqual({ ok: true, summary: JSON.parse(JSON.stringify(s)) });
    expect(readSummary('{')).toMatchObject({ ok: false, message: expect.stringContaining('not JSON') });
    expect(readSummary('{"version":1}')).toMatchObject({ ok: false, message: expect.stringContaining('not a sweep summary') });
    const broken = JSON.parse(JSON.stringify(s));
    delete broken.variants[1].figures.cams;
    expect(readSummary(JSON.stringify(broken))).toMatchObject({ ok: false, message: 'variants[1].figures.cams is missing or has no "values"' });
  });
});
