/**
 * Population and privacy figures for `npm run bench`: 100,000 synthetic residents of the default
 * city over 7 days (traces generated as the population steps minute by minute, trips routed on the
 * city's road network at free-flow times), unicity for
 * p = 1 to 10 at three resolutions, and linkage across four datasets (ANPR, face, smart card,
 * Wi-Fi) with homes from the smart meters. Speed is measured here and never asserted in tests;
 * the targets are printed beside the measurements.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadScenarioText } from '../scenario';
import { EventBus, NetworkTravel, population as pop, standaloneContext, traffic } from '../sim';
import { illustrativeTrace, matchHomes, mergeIdentities, unicityOf } from '../sim/analysis';

const DEFAULT_SCENARIO = fileURLToPath(new URL('../../scenarios/default.json', import.meta.url));
const DAY_MS = 86_400_000;
const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
const s2 = (ms: number) => Math.round(ms) / 1000;
/** CPU time of this process (user + system), ms: on a shared machine wall time also counts others' work. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function benchPopulation(residents = 100_000, days = 7): Record<string, unknown> {
  const scenario = JSON.parse(readFileSync(DEFAULT_SCENARIO, 'utf8')) as Record<string, unknown>;
  scenario.population = { residents };
  delete scenario.water;
  const r = loadScenarioText(JSON.stringify(scenario));
  if (!r.ok || !r.input.population) return { skipped: 'the default city does not load' };
  const input = r.input;
  const rss0 = process.memoryUsage().rss;
  let now = 0;
  const bus = new EventBus(() => now);
  const t0 = performance.now();
  const c0 = cpu();
  // Trips on the city's road network at free-flow travel times (no traffic model runs here).
  const net = input.traffic?.network;
  const travel = net ? (sensors: pop.SensorIndex) => new NetworkTravel(net, sensors, input.city.sizeM, new traffic.Router(net).cost) : undefined;
  const P = new pop.PopulationSubsystem(
    input.population!,
    standaloneContext(input, input.seed, () => now),
    { travel },
  );
  const t1 = performance.now();
  const c1 = cpu();
  for (now = 60_000; now <= days * DAY_MS; now += 60_000) P.step(now);
  const t2 = performance.now();
  const c2 = cpu();
  const rssTraces = process.memoryUsage().rss;
  const endS = days * 86400;

  const wifi = P.releaseRecords('wifi', endS);
  const t3 = performance.now();
  const c3 = cpu();
  const unicity = unicityOf(wifi, 1000);
  const t4 = performance.now();
  const c4 = cpu();

  const held = (['anpr', 'face', 'smartcard', 'wifi'] as const).map((d) => P.releaseRecords(d, endS));
  const meters = P.releaseMeters(endS);
  const t5 = performance.now();
  const c5 = cpu();
  const ids = mergeIdentities(held);
  const t6 = performance.now();
  const c6 = cpu();
  const homes = matchHomes(ids, meters, P.input.startHour);
  const t7 = performance.now();
  const c7 = cpu();
  let tied = 0;
  for (let e = 0; e < ids.entities; e++) if (homes.household[e]! >= 0) tied++;
  // The privacy panel's one illustrative trace, built from the linkage just run.
  const t8 = performance.now();
  const trace = illustrativeTrace(P, ids, homes, meters);
  const t9 = performance.now();
  const L = P.logs;
  const maxRss = Math.max(process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  return {
    residents: P.people.count,
    households: P.people.households,
    days,
    traces: {
      setupS: s2(t1 - t0),
      generateS: s2(t2 - t1),
      generateCpuS: s2(c2 - c1),
      target: '≤ 10 s for 100,000 residents over 7 days',
      trips: P.movement.trips,
      records: {
        anpr: L.anpr.count,
        face: L.face.count,
        smartcard: L.smartcard.count,
        wifi: L.wifi.count,
        meterReadings: P.recordCount('meter'),
        sensitiveVisits: L.visits.count,
      },
      recordBytesMB: mb(L.anpr.bytes + L.face.bytes + L.smartcard.bytes + L.wifi.bytes + L.visits.bytes),
      rssGrowthMB: mb(rssTraces - rss0),
    },
    unicity: {
      dataset: 'wifi',
      releaseS: s2(t3 - t2),
      computeS: s2(t4 - t3),
      computeCpuS: s2(c4 - c3),
      target: '≤ 2 s for p = 1..10 at three resolutions',
      samplesPerPoint: 1000,
      epsilon: unicity
        .filter((u) => u.p === 1 || u.p === 4 || u.p === 10)
        .map((u) => ({ p: u.p, spatialM: u.spatialM, temporalS: u.temporalS, epsilon: Math.round(u.epsilon * 1000) / 1000 })),
    },
    linkage: {
      datasets: ['anpr', 'face', 'smartcard', 'wifi', 'meter'],
      releaseS: s2(t5 - t4),
      mergeS: s2(t6 - t5),
      homesS: s2(t7 - t6),
      totalS: s2(t7 - t5),
      totalCpuS: s2(c7 - c5),
      mergeCpuS: s2(c6 - c5),
      homesCpuS: s2(c7 - c6),
      target: '≤ 5 s across four datasets; peak memory ≤ 1.5 GB',
      identities: ids.entities,
      links: ids.links,
      tiedToHomes: tied,
    },
    illustrativeTrace: {
      ms: Math.round((t9 - t8) * 10) / 10,
      status: trace.status,
      points: trace.points.length,
      joins: trace.joins.length,
      records: trace.records,
    },
    peakRssMB: mb(maxRss),
    loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
  };
}
