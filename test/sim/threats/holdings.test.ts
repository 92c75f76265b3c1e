/**
 * What the attacker holds is what it took, as it was when taken: a copy from one store has only
 * that store's cameras' records, oldest first and no more than were taken; a policy tightened after
 * a theft does not reach the copy already gone (tightened before, it does); and a vendor's
 * disclosure hands over exactly the records its cloud held.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, HOUR, MINUTE, population as pop, type Command } from '../../../src/sim';
import { kestrelCity, populationCity } from '../../support/scenarios';
import { twin } from '../../support/twin';

describe("the attacker's holdings", () => {
  it('holds only the records of the sensors feeding the store, oldest first, as many as were taken', () => {
    const sim = createSimulation(populationCity(1500, { history: '2d' }));
    sim.runUntil(HOUR);
    const P = sim.population!;
    const anpr = P.sensors.specs.map((s, i) => ((s.kinds & pop.SENSOR_ANPR) !== 0 ? i : -1)).filter((i) => i >= 0);
    expect(anpr.length).toBeGreaterThan(3);
    const mask = new Uint8Array(P.sensors.count);
    anpr.filter((_, j) => j % 2 === 0).forEach((i) => (mask[i] = 1));
    let taken = 150;
    P.acquireNamed('acme-cloud-plate', 'exfiltrated', sim.events[0]!.id, { sensors: mask, retentionS: 86_400, taken: () => taken });
    const h = P.holdings.find((x) => x.dataset === 'anpr')!;
    expect(h.parts).toHaveLength(1);
    // The expected copy, straight from the log: the store's sensors, within its retention, in the order recorded.
    const log = P.logs.anpr;
    const now = P.clockS();
    const eligible: number[] = [];
    for (let i = 0; i < log.count; i++) if (mask[log.sensor(i)] && log.t(i) >= now - 86_400 && log.t(i) <= now) eligible.push(log.id(i));
    expect(eligible.length).toBeGreaterThan(taken);
    const rel = P.releaseHolding(h, 'anpr', now);
    expect(rel.n).toBe(taken);
    expect([...rel.truth]).toEqual(eligible.slice(0, taken));
    // More taken than the store held: the copy is the whole store, never more.
    taken = 10 * eligible.length;
    expect(P.releaseHolding(h, 'anpr', now).n).toBe(eligible.length);
    expect(eligible.length).toBeLessThan(log.count);
  });

  it('keeps the anonymisation a copy was taken with: a policy tightened after the theft changes nothing, before it does', () => {
    const base = populationCity(1500, { history: '4d' });
    const take: Command = { type: 'privacy.attacker.acquire', datasets: ['anpr', 'wifi', 'meter'] };
    const tighten: Command[] = [
      { type: 'privacy.anonymise', dataset: 'anpr', rotation: 'per-record' },
      { type: 'privacy.anonymise', dataset: 'meter', k: 50, binS: 7200 },
    ];
    const run = (plan: [number, Command][]) => {
      const sim = createSimulation(base);
      for (const [t, c] of plan) {
        sim.runUntil(t);
        sim.apply(c);
      }
      sim.runUntil(40 * MINUTE);
      return sim.finalPrivacy()!.reidentified;
    };
    const stolen = run([[10 * MINUTE, take]]);
    expect(stolen.count).toBeGreaterThan(0);
    const tightenedAfter = run([[10 * MINUTE, take], ...tighten.map((c): [number, Command] => [20 * MINUTE, c])]);
    expect(tightenedAfter).toEqual(stolen);
    const tightenedBefore = run([...tighten.map((c): [number, Command] => [5 * MINUTE, c]), [10 * MINUTE, take]]);
    expect(tightenedBefore.count).toBeLessThan(stolen.count);
  });

  it("hands over, under a legal order, exactly the records the vendor's cloud held", () => {
    const t = twin(kestrelCity({ meta: { id: 'disclosure', title: 'disclosure' }, duration: '4h' }))
      .until('1h')
      .apply({ type: 'threat.disclose', vendor: 'kestrel', requestedBy: 'Calderra' })
      .until('3h1m');
    const P = t.sim.population!;
    const disclosed = (kind: string) =>
      t
        .events('data.disclosed')
        .filter((e) => e.data.dataset === `kestrel-cloud-${kind}`)
        .reduce((n, e) => n + e.data.records, 0);
    expect(disclosed('plate')).toBeGreaterThan(100);
    for (const [d, kind] of [
      ['anpr', 'plate'],
      ['face', 'face'],
    ] as const) {
      const h = P.holdings.find((x) => x.dataset === d)!;
      expect(h.how).toBe('compelled');
      expect(P.releaseHolding(h, d, P.clockS()).n).toBe(disclosed(kind));
    }
  });
});
