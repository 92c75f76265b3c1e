/**
 * The Markdown run report a facilitator reads after a headless run: decisions and the evaluation
 * of expected actions are in it; KPIs with nothing measured say "—"; KPIs of subsystems the
 * scenario does not have are left out.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, createSimulation, HOUR } from '../../src/sim';
import { renderMarkdown } from '../../src/cli/markdown';
import { shippedAsIs } from '../support/scenarios';
import { tinyWater } from '../support/water';

describe('twin run --format md', () => {
  it('lists the decisions and the evaluation of expected actions, and says "—" for a KPI with no data', () => {
    const sim = createSimulation(shippedAsIs('default'));
    sim.runUntil(HOUR);
    const report = buildReport(sim, 0);
    expect(report.decisions).toEqual([expect.objectContaining({ id: 'restore-or-isolate', outcome: 'expired', openedS: 600, atS: 600 + 15 * 60 })]);
    const md = renderMarkdown(report);
    expect(md).toContain('## Decisions');
    expect(md).toMatch(/\| 00:10:00 \| Re-close the breakers remotely now, or isolate the vendor first\? \| no decision in time \| 00:25:00 \|/);
    expect(md).toContain('## Evaluation of expected actions');
    expect(md).toMatch(/\| vendor-compromise \| Cut the vendor's remote access before restoring anything \| no \|/);
    // No ambulance has been sent in the first hour: the response time is not 0 minutes.
    expect(report.kpis.emergencyResponseMedian!.series).toEqual([]);
    expect(md).toMatch(/\| Emergency response \(median\) \| — \| — \| – \|/);
  });

  it('records who took a decision and why', () => {
    const sim = createSimulation(shippedAsIs('default'), {
      commands: [
        {
          tMs: 12 * 60_000,
          command: { type: 'decision.take', decision: 'restore-or-isolate', option: 'isolate-then-crews', by: 'Grid lead', rationale: 'cut the way in first' },
        },
      ],
    });
    sim.runUntil(HOUR);
    const md = renderMarkdown(buildReport(sim, 0));
    expect(md).toMatch(/\| Cut Aurora's access, then re-close the breakers from the control room \| 00:12:00 \| Grid lead \| cut the way in first \|/);
  });

  it('leaves out the KPIs of subsystems the scenario does not have', () => {
    const input = tinyWater({
      duration: '2h',
      assets: [
        { id: 'station', kind: 'pumping-station', subsystem: 'water', position: [100, 0] },
        { id: 'homes', kind: 'neighbourhood', subsystem: 'population', position: [300, 0], population: 1000 },
      ],
      water: { assets: [{ element: 'PU', asset: 'station' }], consumers: [{ node: 'C', asset: 'homes', tanks: ['TK'] }] },
    });
    const sim = createSimulation(input);
    sim.runUntil(HOUR);
    const md = renderMarkdown(buildReport(sim, 0));
    expect(md).toContain('| People without water |');
    for (const absent of ['Mean traffic speed', 'Cameras working', 'Records taken', 'Emergency response', 'Power not served', 'Personal datasets held'])
      expect(md).not.toContain(absent);
  });
});
