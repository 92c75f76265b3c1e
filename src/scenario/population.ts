/**
 * Compiles the `population` section: the residents' count and clock, the sensitive sites (the
 * generated clinic, place of worship and job centre, plus a party office and a support centre
 * taken from office buildings, since those are not infrastructure assets), schools, transit
 * stations (the central station and every other arterial junction, 800 m apart), and the
 * sensors — every camera asset, with ANPR, face analytics and a Wi-Fi probe as the settings say
 * (ANPR and face matching only where the CCTV section's analytics run them on that camera).
 */
import { fnv1a32, parseDuration, population as pop, type AssetSpec, type CityModel } from '../sim';
import { issue, quote, type ScenarioIssue } from './issues';
import type { PopulationSection } from './population-schema';
import type { CameraRole } from './city/infrastructure';

const ARTERIAL_M = 400;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export interface PopulationContext {
  readonly assets: readonly AssetSpec[];
  readonly city: CityModel;
  /** Residents of the generated city, the default count. */
  readonly cityPopulation: number;
  readonly issues: ScenarioIssue[];
  /**
   * The CCTV section's analytics per camera asset id ('plate', 'face', 'count'), when there is one:
   * a camera reads plates or matches faces for the population only if its analytics do.
   */
  readonly cameraAnalytics?: ReadonlyMap<string, readonly string[]> | null;
  /**
   * What each camera of a town from OpenStreetMap is for, where its streets are not the generated
   * grid: reading plates off a junction, or faces off a junction's other corner or at a site.
   */
  readonly cameraRoles?: ReadonlyMap<string, CameraRole> | undefined;
}

export function compilePopulation(p: PopulationSection | undefined, ctx: PopulationContext): pop.PopulationInput | null {
  if (!p) return null;
  const b = ctx.city.buildings;
  let homes = 0;
  for (let i = 0; i < b.count; i++) if (b.use[i] === 0) homes++;
  if (homes === 0) {
    ctx.issues.push(issue('population', 'the city has no homes for residents to live in', 'add "city": { "generator": {} } so buildings are generated'));
    return null;
  }
  const nearest = (x: number, z: number, use: number): number => {
    let best = -1;
    let bd = Infinity;
    for (let i = 0; i < b.count; i++) {
      if (b.use[i] !== use) continue;
      const d = (b.x[i]! - x) ** 2 + (b.z[i]! - z) ** 2;
      if (d < bd) {
        bd = d;
        best = i;
      }
    }
    return best;
  };
  const ofKind = (k: string) => ctx.assets.filter((a) => a.kind === k);
  const sensitive: pop.SensitiveSiteSpec[] = [];
  const siteKinds: [string, pop.SensitiveKind][] = [
    ['clinic', 'clinic'],
    ['place-of-worship', 'place-of-worship'],
    ['job-centre', 'job-centre'],
    ['support-centre', 'support-centre'],
  ];
  for (const [kind, sk] of siteKinds) {
    for (const a of ofKind(kind)) {
      const bi = nearest(a.position[0], a.position[1], 3);
      if (bi >= 0) sensitive.push({ id: a.id, name: a.name, kind: sk, building: bi });
    }
  }
  // Not infrastructure, so not assets: offices chosen near the council and in a residential district.
  const council = ofKind('council-office')[0];
  if (council) {
    const bi = nearest(council.position[0] + 250, council.position[1] + 50, 1);
    if (bi >= 0) sensitive.push({ id: 'party-office', name: 'Party Office', kind: 'party-office', building: bi });
  }
  const district = ctx.city.districts.find((d) => d.id === 'westbrook') ?? ctx.city.districts.find((d) => d.kind === 'residential');
  if (district && district.polygon.length > 0) {
    const cx = district.polygon.reduce((s, q) => s + q[0], 0) / district.polygon.length;
    const cz = district.polygon.reduce((s, q) => s + q[1], 0) / district.polygon.length;
    const bi = nearest(cx + 150, cz - 150, 1);
    if (bi >= 0) sensitive.push({ id: 'support-centre', name: 'Support Centre', kind: 'support-centre', building: bi });
  }
  const schools = ofKind('school')
    .map((a) => nearest(a.position[0], a.position[1], 3))
    .filter((i) => i >= 0);

  const s = p.sensors ?? {};
  const anprShare = s.anprShare ?? 1;
  const wifiShare = s.wifiShare ?? 1;
  const face = s.faceAnalytics ?? 'sites-and-centre';
  // A deterministic share of a fleet: by a hash of the camera's id, not by a random draw.
  const inShare = (id: string, salt: string, share: number) => fnv1a32(`${salt}:${id}`) / 4294967296 < share;
  const sensors: pop.SensorSpec[] = [];
  for (const a of ofKind('camera')) {
    const [x, z] = a.position;
    const dx = x - Math.round(x / ARTERIAL_M) * ARTERIAL_M;
    const dz = z - Math.round(z / ARTERIAL_M) * ARTERIAL_M;
    // On the generated grid a camera's place says what it is for; a town's cameras say it themselves.
    const role = ctx.cameraRoles ? ctx.cameraRoles.get(a.id) : undefined;
    const atJunction = role ? role !== 'site' : !ctx.cameraRoles && Math.abs(dx) <= 15 && Math.abs(dz) <= 15;
    const anpr = role ? role === 'junction-anpr' : atJunction && dx > 0;
    const junctionFace = role ? role === 'junction-face' : atJunction && dx < 0;
    const runs = ctx.cameraAnalytics?.get(a.id) ?? ['plate', 'face'];
    let kinds = 0;
    if (anpr && inShare(a.id, 'anpr', anprShare) && runs.includes('plate')) kinds |= pop.SENSOR_ANPR;
    if (((!atJunction && face !== 'none') || (junctionFace && face === 'sites-and-centre')) && runs.includes('face')) kinds |= pop.SENSOR_FACE;
    if (inShare(a.id, 'wifi', wifiShare)) kinds |= pop.SENSOR_WIFI;
    if (kinds) sensors.push({ id: a.id, x, z, kinds });
  }
  for (const a of ofKind('transit-hub')) sensors.push({ id: a.id, x: a.position[0], z: a.position[1], kinds: pop.SENSOR_STATION | pop.SENSOR_WIFI });
  for (const a of ofKind('traffic-signal')) {
    const m = /^signal-(\d+)-(\d+)$/.exec(a.id);
    if (!m || Number(m[1]) % 8 !== 0 || Number(m[2]) % 8 !== 0) continue;
    sensors.push({ id: `station-${m[1]}-${m[2]}`, x: a.position[0] + 20, z: a.position[1] - 20, kinds: pop.SENSOR_STATION | pop.SENSOR_WIFI });
  }

  // A town's cameras stand anywhere along its streets: each belongs to the street node nearest it.
  const junctions = ctx.cameraRoles ? streetNodesNear(ofKind('camera'), ctx.city) : null;

  const anonymisation = { ...pop.DEFAULT_ANONYMISATION };
  for (const d of pop.DATASET_IDS) {
    const a = p.datasets?.[d];
    if (!a) continue;
    const base = anonymisation[d];
    const bin = a.bin !== undefined ? parseDuration(a.bin) : null;
    const retention = a.retention === undefined ? undefined : a.retention === null ? null : parseDuration(a.retention);
    if (bin !== null && bin < 1000) ctx.issues.push(issue(`population.datasets.${d}.bin`, `a bin of ${quote(a.bin!)} is under a second`, 'use "1s" or more'));
    anonymisation[d] = {
      rotation: a.rotation ?? base.rotation,
      cellM: a.cellM ?? base.cellM,
      binS: bin !== null ? Math.max(1, Math.round(bin / 1000)) : base.binS,
      k: a.k ?? base.k,
      epsilon: a.epsilon === undefined ? base.epsilon : a.epsilon,
      retentionS: retention === undefined ? base.retentionS : retention === null ? null : Math.round(retention / 1000),
    };
  }
  const historyMs = p.history !== undefined ? parseDuration(p.history) : 0;
  const history = historyMs !== null ? Math.round(historyMs / 86_400_000) : 0;
  if (historyMs !== null && historyMs % 86_400_000 !== 0)
    ctx.issues.push(issue('population.history', `history ${quote(p.history!)} is not a whole number of days`, 'use whole days, such as "7d"'));
  return {
    residents: p.residents ?? ctx.cityPopulation,
    startHour: p.startHour ?? 0,
    historyDays: history,
    // The named day is the run's first day; the history runs up to it.
    startWeekday: (((WEEKDAYS.indexOf(p.startDay ?? 'monday') - history) % 7) + 7) % 7,
    schools,
    sensitive,
    sensors,
    arterialM: ARTERIAL_M,
    ...(junctions ? { junctions } : {}),
    anonymisation,
    attackerHolds: (p.attacker?.holds ?? []).map((h) => ({ dataset: h.dataset, how: h.how ?? 'what-if' })),
  };
}

/** The street node (road end) nearest each camera within 60 m, each node once, in camera order. */
function streetNodesNear(cameras: readonly AssetSpec[], city: CityModel): [number, number][] {
  const nodes = [...new Map(city.roads.flatMap((r) => [r.a, r.b]).map((p) => [`${p[0]},${p[1]}`, p])).values()];
  const out = new Map<string, [number, number]>();
  for (const c of cameras) {
    let best: readonly [number, number] | null = null;
    let bd = 60;
    for (const p of nodes) {
      const d = Math.hypot(p[0] - c.position[0], p[1] - c.position[1]);
      if (d < bd) [best, bd] = [p, d];
    }
    if (best) out.set(`${best[0]},${best[1]}`, [best[0], best[1]]);
  }
  return [...out.values()];
}
