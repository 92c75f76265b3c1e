import { describe, expect, it } from 'vitest';
import { createSimulation, MINUTE } from '../../src/sim';
import { signalInfo } from '../../src/worker/signal-query';
import { compile } from '../support/scenarios';

describe('signal inspector query', () => {
  it('lists a controller’s stages and, per approach and turn, what it shows now and in each stage', () => {
    const input = compile({
      seed: 3,
      city: { generator: { buildings: 1200, population: 20000, sizeM: [2400, 2000] } },
      traffic: { demand: { city: { peakTripsPerHour: 1500 } } },
    });
    const sim = createSimulation({ ...input, water: null, population: null } as typeof input);
    sim.runUntil(2 * MINUTE);
    const ids = sim.traffic!.input.signals.map((s) => s.asset!);
    const infos = ids.map((id) => signalInfo(sim, id)!);
    const info = infos[0]!;
    expect(info.mode).toBe('normal');
    expect(info.stages.length).toBeGreaterThanOrEqual(2);
    expect(info.stage).toBeLessThan(info.stages.length);
    for (const mv of info.movements) {
      // Each approach by compass point and street.
      expect(mv.from).toMatch(/^(north|south|east|west)(-(east|west))?$/);
      expect(mv.street).toMatch(/^[A-Z][a-z]+ (Street|Road|Lane|Way)( \d+)?$/);
      expect(mv.stages).toHaveLength(info.stages.length);
      expect(['ahead', 'left', 'right', 'U-turn']).toContain(mv.turn);
      // Every movement gets a green in some stage.
      expect(mv.stages.some((p) => p !== 'red')).toBe(true);
    }
    // Right turns give way in their main stage; the arterials' two-lane junctions add a protected arrow.
    const all = infos.flatMap((i) => i.movements);
    expect(all.some((m) => m.turn === 'right' && m.stages.includes('give way'))).toBe(true);
    const arrow = infos.find((i) => i.stages.includes('right-turn arrow'))!;
    expect(arrow).toBeDefined();
    const k = arrow.stages.indexOf('right-turn arrow');
    expect(arrow.movements.filter((m) => m.stages[k] === 'protected').every((m) => m.turn === 'right')).toBe(true);
    // Ahead movements are protected in their stage, never give way.
    expect(all.filter((m) => m.turn === 'ahead').every((m) => !m.stages.includes('give way'))).toBe(true);
    expect(signalInfo(sim, 'no-such-signal')).toBeNull();
  });
});
