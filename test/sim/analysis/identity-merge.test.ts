/**
 * The merge of linked pseudonyms into identities refuses contradictions: one person carries one
 * pseudonym of a dataset a day (rotated daily) or one overall (never rotated), so a weaker link
 * that would put a second one into an identity is left out — where the connected components of
 * the links (chaining) would pull two people into one identity. And so coarsening Wi-Fi, which
 * only removes links, no longer re-identifies more residents.
 */
import { describe, expect, it } from 'vitest';
import { NetworkTravel, population as pop, standaloneContext, traffic } from '../../../src/sim';
import { denseTraces, linkPair, mergeIdentities, privacyAnalysis, type Identities } from '../../../src/sim/analysis';
import { released, type Row } from '../../support/released';
import { shipped } from '../../support/scenarios';

const DAY = 86400;
// Four camera junctions on a 400 m grid, passed a minute apart from `t0`.
const route = (pid: number, t0: number, truth: number, stops = 4): Row[] =>
  Array.from({ length: stops }, (_, k): Row => [pid, 409 + 400 * k, 409, t0 + 60 * k, truth]);

/** The connected components of the links linkPair accepts: what chaining merged. */
function chained(A: pop.ReleasedRecords, B: pop.ReleasedRecords): Set<number>[] {
  const a = denseTraces(A.pid, A.n);
  const b = denseTraces(B.pid, B.n);
  const people: Set<number>[] = [];
  const truthOf = (rel: pop.ReleasedRecords, trace: Int32Array, k: number) => rel.truth[trace.indexOf(k)]!;
  // Every link here goes to one pseudonym of B: its component is it and all of A's linked to it.
  linkPair(A, a.trace, a.count, B, b.trace, b.count, (x, y) => {
    (people[y] ??= new Set([truthOf(B, b.trace, y)])).add(truthOf(A, a.trace, x));
  });
  return people.filter(Boolean);
}

const entityOfPid = (ids: Identities, k: number, pid: number) => {
  const d = ids.datasets[k]!;
  return ids.entityOf[d.offset + d.trace[d.rel.pid.indexOf(pid)]!]!;
};

describe('merging linked pseudonyms without contradictions', () => {
  // Plate 11 is resident 1's. On day 0 resident 1's phone (MAC 21) rides along past all four
  // cameras, and resident 2's (MAC 22), cycling the same way just behind, is heard at three of
  // them; on day 1 resident 1's phone has rotated to MAC 23.
  const anpr = released('anpr', [...route(11, 1000, 1), ...route(11, DAY + 1000, 1)], 'none');
  const wifi = released('wifi', [...route(21, 1000, 1), ...route(22, 1000, 2, 3), ...route(23, DAY + 1000, 1, 3)], 'daily');

  it('keeps a second MAC of the same day out of an identity, where chaining merged two people', () => {
    // Each MAC on its own is linked to the plate: chaining made one identity of residents 1 and 2.
    expect(chained(wifi, anpr).map((s) => [...s].sort())).toEqual([[1, 2]]);
    const ids = mergeIdentities([anpr, wifi]);
    // The strongest link (four meetings) stands; MAC 22, also of day 0, would contradict it.
    expect(entityOfPid(ids, 1, 21)).toBe(entityOfPid(ids, 0, 11));
    expect(entityOfPid(ids, 1, 22)).not.toBe(entityOfPid(ids, 0, 11));
    // Day 1's MAC is the same phone a day later: no contradiction.
    expect(entityOfPid(ids, 1, 23)).toBe(entityOfPid(ids, 0, 11));
    expect(ids.entities).toBe(2);
    expect(ids.links).toEqual([{ a: 'wifi', b: 'anpr', links: 2 }]);
  });

  it('lets an identity hold one pseudonym overall of a dataset that never rotates', () => {
    // Wi-Fi MACs that never change: resident 1's phone (MAC 31) is heard in resident 1's car on day
    // 0, and on day 1 in resident 2's car (plate 12), which gave resident 1 a lift.
    const stable = released('wifi', [...route(31, 1000, 1), ...route(31, DAY + 1000, 1)], 'none');
    const plates = released('anpr', [...route(11, 1000, 1), ...route(12, DAY + 1000, 2, 3)], 'none');
    // Each plate on its own is linked to the MAC (both never rotate, so plates ask the hub).
    expect(chained(plates, stable).map((s) => [...s].sort())).toEqual([[1, 2]]);
    const ids = mergeIdentities([plates, stable]);
    expect(entityOfPid(ids, 0, 11)).toBe(entityOfPid(ids, 1, 31));
    expect(entityOfPid(ids, 0, 12)).not.toBe(entityOfPid(ids, 1, 31));
    expect(ids.links).toEqual([{ a: 'anpr', b: 'wifi', links: 1 }]);
  });

  it('links nothing to pseudonyms that change every record', () => {
    const perRecord = released(
      'wifi',
      [...route(41, 1000, 1), ...route(42, 1000, 1)].map((r, i): Row => [100 + i, r[1], r[2], r[3], r[4]]),
      'per-record',
    );
    const a = denseTraces(perRecord.pid, perRecord.n);
    const b = denseTraces(anpr.pid, anpr.n);
    const joins: number[][] = [];
    expect(linkPair(anpr, b.trace, b.count, perRecord, a.trace, a.count, (x, y) => joins.push([x, y]))).toBe(0);
    expect(joins).toEqual([]);
    const ids = mergeIdentities([anpr, perRecord]);
    expect(ids.entities).toBe(1 + perRecord.n);
    expect(ids.links).toEqual([]);
  });
});

describe('coarsening Wi-Fi on a generated city', () => {
  // The default scenario's city with 3,000 residents and its week of history; the attacker holds
  // what the scenario hands over (plates, faces, Wi-Fi, meters).
  const input = shipped(
    'default',
    (s) => {
      s.population = { ...s.population, residents: 3000 };
      delete s.water;
    },
    { keepDecisions: true },
  );
  const net = input.traffic!.network;
  const P = new pop.PopulationSubsystem(
    input.population!,
    standaloneContext(input, input.seed, () => 0),
    { travel: (sensors) => new NetworkTravel(net, sensors, input.city.sizeM, new traffic.Router(net).cost) },
  );
  const now = P.clockS();
  const holds: pop.DatasetId[] = ['anpr', 'face', 'wifi', 'meter'];
  const W = P.anonymisation.wifi;
  const reidentified = (wifi: pop.Anonymisation) => privacyAnalysis(P, now, { holds, samples: 20, anonymisation: { wifi } }).reidentified;

  it('re-identifies no more residents with Wi-Fi on 500 m cells, in 1 h bins or rotated every record', () => {
    const base = reidentified(W);
    expect(base.count).toBeGreaterThan(100);
    expect(base.wrong).toBeLessThan(base.count / 10);
    // Chaining re-identified 147 here, and 192, 204 and 216 with Wi-Fi coarsened so.
    for (const coarse of [
      { ...W, cellM: 500 },
      { ...W, binS: 3600 },
      { ...W, rotation: 'per-record' as const },
    ])
      expect(reidentified(coarse).count).toBeLessThanOrEqual(base.count);
  });

  it('puts one plate and one face at most into an identity, and few people', () => {
    const ids = mergeIdentities((['anpr', 'face', 'wifi'] as const).map((d) => P.releaseRecords(d, now)));
    const people = new Map<number, Set<number>>();
    const pseudonyms = new Map<string, Set<number>>();
    ids.datasets.forEach((d) => {
      for (let i = 0; i < d.rel.n; i++) {
        const e = ids.entityOf[d.offset + d.trace[i]!]!;
        if (!people.has(e)) people.set(e, new Set());
        people.get(e)!.add(d.rel.truth[i]!);
        if (d.rel.settings.rotation !== 'none') continue;
        const key = `${d.rel.dataset}/${e}`;
        if (!pseudonyms.has(key)) pseudonyms.set(key, new Set());
        pseudonyms.get(key)!.add(d.rel.pid[i]!);
      }
    });
    expect(Math.max(...[...pseudonyms.values()].map((s) => s.size))).toBe(1);
    // Chaining put up to 17 people into one identity here.
    expect(Math.max(...[...people.values()].map((s) => s.size))).toBeLessThanOrEqual(4);
  });
});
