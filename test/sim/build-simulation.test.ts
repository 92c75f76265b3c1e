/**
 * buildSimulation: the simulation in steps, so the worker can send the city to the page before the
 * residents' history has run. The steps are the same work in the same order as createSimulation,
 * so the run is the same; a build dropped half-way frees what it built.
 */
import { describe, expect, it } from 'vitest';
import { buildSimulation, createSimulation, SUBSYSTEMS, population as pop, standaloneContext, type BuildStep } from '../../src/sim';
import { populationCity } from '../support/scenarios';
import { asset, edge, input } from '../support/world';
import { OutageCounter, outageEntry } from './toy/outage-counter';

const city = populationCity(400, { history: '1d' });

describe('building a simulation in steps', () => {
  it('says first when the city can be drawn, with the KPIs the run will have, then how far the history has got', () => {
    const build = buildSimulation(city);
    const steps: BuildStep[] = [];
    let r = build.next();
    for (; !r.done; r = build.next()) steps.push(r.value);
    const sim = r.value;
    expect(steps[0]).toMatchObject({ kind: 'drawable', seed: sim.seed });
    expect(steps[0]!.kind === 'drawable' && steps[0]!.water).toBe(sim.water);
    expect(steps[0]!.kind === 'drawable' && steps[0]!.kpiDefs.map((d) => d.id)).toEqual(sim.kpiDefs.map((d) => d.id));
    const history = steps.slice(1);
    // One day of history, an hour a step.
    expect(history).toHaveLength(24);
    expect(history.every((s) => s.kind === 'prepare' && s.part === 'population')).toBe(true);
    const fractions = history.map((s) => (s.kind === 'prepare' ? s.fraction : NaN));
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThan(fractions[i - 1]!);
  });

  it('gives the same run as createSimulation', () => {
    const build = buildSimulation(city, { seed: 9 });
    let r = build.next();
    while (!r.done) r = build.next();
    const stepped = r.value;
    const whole = createSimulation(city, { seed: 9 });
    expect(stepped.nowMs).toBe(0);
    stepped.runUntil(3 * 3600_000);
    whole.runUntil(3 * 3600_000);
    expect(stepped.hash()).toBe(whole.hash());
    expect(stepped.population!.recordCount('anpr')).toBe(whole.population!.recordCount('anpr'));
  });

  it('runs the history in the constructor of a population built on its own, and in prepare() when deferred', () => {
    const ctx = () => standaloneContext(city, 1, () => 0);
    const atOnce = new pop.PopulationSubsystem(city.population!, ctx());
    const deferred = new pop.PopulationSubsystem(city.population!, ctx(), { deferHistory: true });
    expect([...atOnce.prepare()]).toEqual([]);
    expect(deferred.logs.wifi.count).toBe(0);
    expect([...deferred.prepare()]).toHaveLength(24);
    for (const d of ['anpr', 'face', 'smartcard', 'wifi', 'visits'] as const) expect(deferred.logs[d].count).toBe(atOnce.logs[d].count);
  });

  it('frees the parts it built when dropped before the end', () => {
    const world = input([asset('sub', { kind: 'substation', subsystem: 'power' }), asset('pump', { kind: 'pump' })], [edge('sub', 'pump')]);
    let toy: OutageCounter | null = null;
    const entry = {
      ...outageEntry,
      create: (...args: Parameters<typeof outageEntry.create>) => {
        const made = outageEntry.create(...args) as OutageCounter;
        toy = made;
        // A preparation of three pieces, so the build can be dropped in the middle of it.
        (made as { prepare?: () => Iterator<number, void, void> }).prepare = function* () {
          yield 1 / 3;
          yield 2 / 3;
          yield 1;
        };
        return made;
      },
    };
    const build = buildSimulation(world, { subsystems: [...SUBSYSTEMS, entry] });
    expect(build.next().value).toMatchObject({ kind: 'drawable' });
    expect(build.next().value).toEqual({ kind: 'prepare', part: 'outages', fraction: 1 / 3 });
    build.return(undefined as never);
    expect(toy!.disposed).toBe(1);
  });
});
