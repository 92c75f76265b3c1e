import { describe, expect, it } from 'vitest';
import { createSimulation, HOUR } from '../../src/sim';
import { formatIssue, loadScenarioText } from '../../src/scenario';
import { dailyProfile } from '../../src/sim/traffic';

const load = (s: Record<string, unknown>) => loadScenarioText(JSON.stringify({ version: 1, ...s }));

describe('traffic scenario section', () => {
  it('builds the benchmark grid with random trips', () => {
    const r = load({
      traffic: { grid: { rows: 4, cols: 5, blockLengthM: 150, lanes: 2, signals: true }, demand: { randomTrips: { periodS: 2, untilS: 600 } } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.input.traffic!;
    expect(t.network.nodeCount).toBe(20);
    // Two-way roads: 4·4 horizontal + 3·5 vertical segments, two links each.
    expect(t.network.linkCount).toBe(2 * (4 * 4 + 3 * 5));
    // Every junction where three or more roads meet has a signal: all but the 4 corners.
    expect(t.signals.length).toBe(16);
    const sim = createSimulation(r.input);
    sim.runUntil(HOUR);
    const f = sim.finalTraffic()!;
    expect(f.tripsStarted).toBe(300);
    expect(f.tripsCompleted).toBe(300);
  });

  it('reports mistakes with their path and a hint', () => {
    const r = load({ traffic: { grid: { rows: 1, cols: 5, blockLengthM: 150, lanes: 2 }, demand: { randomTrips: { periodS: 0, untilS: 10 } }, speed: 3 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.issues.map(formatIssue).join('\n');
    expect(text).toMatch(/traffic\.grid\.rows/);
    expect(text).toMatch(/traffic\.demand\.randomTrips\.periodS/);
    expect(text).toMatch(/traffic\.speed/);
  });

  it('checks traffic commands against the city: signals must be signals, roads must exist', () => {
    const r = load({
      city: { generator: { buildings: 400, sizeM: [1600, 1600] } },
      injects: [
        {
          id: 'x',
          at: '5m',
          title: 'x',
          commands: [
            { type: 'traffic.signal.plan', signals: ['hospital'], plan: 'all-red' },
            { type: 'traffic.link', action: 'close', links: ['no-such-road'] },
            { type: 'traffic.emergency.dispatch', from: 'hospital', to: 'nowhere' },
          ],
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.issues.map(formatIssue).join('\n');
    expect(text).toMatch(/commands\[0\]\.signals\[0\].*not a traffic signal/);
    expect(text).toMatch(/commands\[1\]\.links\[0\].*unknown road "no-such-road"/);
    expect(text).toMatch(/commands\[2\]\.to.*unknown asset "nowhere"/);
  });

  it('has morning and evening peaks in the daily demand profile', () => {
    expect(dailyProfile(8)).toBeGreaterThan(3 * dailyProfile(12));
    expect(dailyProfile(17.5)).toBeGreaterThan(3 * dailyProfile(12));
    expect(dailyProfile(3)).toBeLessThan(dailyProfile(12));
  });

  it('keeps the default city free of gridlock for its whole run', () => {
    const r = load({ seed: 42, duration: '3h', city: { generator: { buildings: 3000, population: 40000, sizeM: [3200, 2800] } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sim = createSimulation(r.input);
    sim.runUntil(3 * HOUR);
    const f = sim.finalTraffic()!;
    expect(f.tripsCompleted).toBeGreaterThan(500);
    expect(f.maxVehiclesStuck).toBe(0);
  });
});
