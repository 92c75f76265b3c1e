/**
 * The generated city's water network as an EPANET model (.inp text, SI: L/s and metres): the
 * service reservoir fed by the treatment works, trunk mains to each pumping station, a pump per
 * station lifting into its district's mains, the water towers floating on the station they are
 * nearest to, and a demand node per neighbourhood and for the hospital. Each station's district is
 * its own pressure zone: where a tower floats on it, the tower carries the zone through a pump
 * stoppage for hours; a zone without one is directly pumped and loses pressure when its pump stops.
 *
 * Sources for the numbers: 150 L per person per day (UK household consumption is about 140–150
 * L/p/d, Waterwise / Environment Agency); a 300-bed hospital at 500 L per bed per day (NHS Estates
 * HTM 04-01 planning figures are 400–600 L/bed/day); a residential diurnal pattern with morning
 * and evening peaks (EPANET Net1/Net3 style); Hazen–Williams C = 120 for lined ductile iron (EPANET
 * 2.2 manual, Table 3.2); mains sized for about 1 m/s at peak; towers holding about 3 hours of
 * their station's average demand; 20 m as the pressure for full service (Wagner et al. 1988).
 *
 * Given a town's streets (from OpenStreetMap), the mains follow them instead (street-mains.ts):
 * each station feeds the streets nearer to it along the network than to any other station, the
 * pipes between two such zones stay closed as boundary valves, and each consumer and tower is
 * served from its nearest street; pipes are sized by the same rule, for the flow each carries.
 */
import type { EdgeSpec } from '../../sim';
import type { GeneratedAsset } from './infrastructure';
import { nearestIndex, type Pt } from './geometry';
import { StreetMains, type Street } from './street-mains';

export interface CityWaterNetwork {
  readonly inp: string;
  readonly linkAssets: { link: string; asset: string }[];
  readonly nodeAssets: { node: string; asset: string }[];
  readonly consumers: { node: string; asset: string; storageMin: number; tanks: string[]; pumps: string[] }[];
  /** Ground position per node id, for the map. */
  readonly positions: Record<string, [number, number]>;
  /** Ids of the dependency edges the hydraulic model replaces (water to modelled consumers). */
  readonly replacedEdges: Set<string>;
  /** A PLC in each station that has towers (driving its pump by their level) and one in each tower (measuring it). */
  readonly plcs: { id: string; asset: string; sensors: string[]; actuators: string[] }[];
  readonly plcLinks: { from: string; to: string; sensors: string[] }[];
  readonly controls: number;
}

const LPCD = 150;
const HOSPITAL_LPS = (300 * 500) / 86_400;
const HOSPITAL_STORAGE_MIN = 45;
const RES_HEAD_M = 10;
const PUMP_HEAD_M = 38;
const TOWER_BASE_M = 22;
const TOWER_MAX_M = 12;
const DIAMETERS_MM = [100, 150, 200, 250, 300, 400, 500, 600, 750];
const PATTERN = [0.5, 0.45, 0.4, 0.4, 0.45, 0.7, 1.2, 1.6, 1.5, 1.2, 1.1, 1.0, 1.0, 1.0, 0.95, 0.95, 1.05, 1.2, 1.4, 1.4, 1.2, 1.0, 0.8, 0.6];
const PEAK = Math.max(...PATTERN);

const pumpId = (stationId: string) => `PU_${id(stationId).replace(/^PUMPING_STATION_/, '')}`;
const dist = (a: readonly [number, number], b: readonly [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const id = (s: string) =>
  s
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .slice(0, 31);

/** Smallest standard diameter carrying `lps` at about 1 m/s. */
function diameterFor(lps: number): number {
  const need = Math.sqrt((4 * Math.max(lps, 1) * 1e-3) / Math.PI) * 1000;
  return DIAMETERS_MM.find((d) => d >= need) ?? DIAMETERS_MM[DIAMETERS_MM.length - 1]!;
}

export function makeCityWaterNetwork(generated: readonly GeneratedAsset[], edges: readonly EdgeSpec[], streets?: readonly Street[]): CityWaterNetwork | null {
  const of = (kind: string) => generated.filter((a) => a.kind === kind);
  const reservoir = of('reservoir')[0];
  const stations = of('pumping-station');
  if (!reservoir || stations.length === 0) return null;
  const towers = of('water-tower');
  const mains =
    streets && streets.length > 0
      ? new StreetMains(
          streets,
          stations.map((s) => s.position as Pt),
        )
      : null;
  const stationFor = (p: Pt) =>
    mains
      ? stations[mains.stationOf(p)]!
      : stations[
          nearestIndex(
            stations.map((s) => s.position as Pt),
            p,
          )
        ]!;
  // A station's nodes are its id with "_IN" and "_OUT": EPANET ids hold 31 characters, so longer station ids are cut and numbered.
  const sids = new Map(stations.map((s, k) => [s.id as string, id(s.id).length <= 27 ? id(s.id) : `${id(s.id).slice(0, 24)}_${k + 1}`]));
  const sidOf = (stationId: string) => sids.get(stationId)!;
  const nodeIds = new Set<string>();
  const unique = (n: string) => {
    let u = n;
    for (let k = 2; nodeIds.has(u); k++) u = `${n.slice(0, 28)}_${k}`;
    nodeIds.add(u);
    return u;
  };

  const J: string[] = [];
  const P: string[] = [];
  const positions: Record<string, [number, number]> = {};
  const linkAssets: { link: string; asset: string }[] = [];
  const nodeAssets: { node: string; asset: string }[] = [];
  const consumers: CityWaterNetwork['consumers'] = [];
  const replacedEdges = new Set<string>();
  let pipeN = 0;
  const pipe = (a: string, b: string, lengthM: number, lps: number) => {
    P.push(`P${++pipeN}\t${a}\t${b}\t${Math.max(50, Math.round(lengthM * 1.2))}\t${diameterFor(lps)}\t120\t0\tOpen`);
  };

  // Demand per station: its neighbourhoods (and the hospital), average L/s.
  const demand = new Map<string, number>(stations.map((s) => [s.id as string, 0]));
  const consumerSites = generated.filter((a) => a.kind === 'neighbourhood' || a.kind === 'hospital');
  for (const c of consumerSites) {
    const lps = c.kind === 'hospital' ? HOSPITAL_LPS : (c.population * LPCD) / 86_400;
    const st = stationFor(c.position as Pt);
    demand.set(st.id, demand.get(st.id)! + lps);
    const node = unique(id(c.kind === 'hospital' ? c.id : c.id.replace(/^nbhd-/, 'N-')));
    J.push(`${node}\t0\t${lps.toFixed(4)}\tDIURNAL`);
    positions[node] = [c.position[0], c.position[1]];
    if (mains) pipe(node, mains.serve(c.position as Pt, lps * PEAK), mains.distance(c.position as Pt), lps * PEAK);
    else pipe(`${sidOf(st.id)}_OUT`, node, dist(st.position, c.position), lps * PEAK);
    const stTowers = towers.filter((t) => stationFor(t.position as Pt).id === st.id).map((t) => id(t.id));
    consumers.push({ node, asset: c.id, storageMin: c.kind === 'hospital' ? HOSPITAL_STORAGE_MIN : 0, tanks: stTowers, pumps: [pumpId(st.id)] });
    for (const e of edges) if (e.to === c.id && e.resource === 'water') replacedEdges.add(e.id);
  }
  const total = [...demand.values()].reduce((a, b) => a + b, 0);

  // Stations: suction on a trunk main from the reservoir, a pump, and the district outlet.
  const R = id(reservoir.id);
  positions[R] = [reservoir.position[0], reservoir.position[1]];
  nodeAssets.push({ node: R, asset: reservoir.id });
  const pumps: string[] = [];
  const curves: string[] = [];
  for (const s of stations) {
    const sid = sidOf(s.id);
    const q = demand.get(s.id)!;
    J.push(`${sid}_IN\t0\t0\t`, `${sid}_OUT\t0\t0\t`);
    positions[`${sid}_IN`] = [s.position[0] - 8, s.position[1]];
    positions[`${sid}_OUT`] = [s.position[0] + 8, s.position[1]];
    pipe(R, `${sid}_IN`, dist(reservoir.position, s.position), total);
    // Design point: twice the station's peak draw at the design head, so it can refill its towers.
    const designLps = Math.max(5, 2 * q * PEAK);
    curves.push(`C_${sid}\t${designLps.toFixed(2)}\t${PUMP_HEAD_M}`);
    const pu = pumpId(s.id);
    pumps.push(`${pu}\t${sid}_IN\t${sid}_OUT\tHEAD C_${sid}`);
    linkAssets.push({ link: pu, asset: s.id });
    if (mains) pipe(`${sid}_OUT`, mains.root(stations.indexOf(s)), mains.distance(s.position as Pt), designLps);
  }
  // Towers float on their station's outlet; about 3 h of its average demand between floor and top.
  // The station's PLC runs its pump by the tower's level (on below 40%, off near the top), which
  // the tower's own PLC measures and sends over the comms network.
  const T: string[] = [];
  const controls: string[] = [];
  const plcs: CityWaterNetwork['plcs'] = [];
  const plcLinks: CityWaterNetwork['plcLinks'] = [];
  for (const t of towers) {
    const st = stationFor(t.position as Pt);
    const vol = Math.max(200, demand.get(st.id)! * 3 * 3.6);
    const diam = Math.sqrt((4 * vol) / (Math.PI * TOWER_MAX_M));
    const tid = id(t.id);
    T.push(`${tid}\t${TOWER_BASE_M}\t${(TOWER_MAX_M * 0.6).toFixed(1)}\t0\t${TOWER_MAX_M}\t${diam.toFixed(2)}\t0\t`);
    positions[tid] = [t.position[0], t.position[1]];
    nodeAssets.push({ node: tid, asset: t.id });
    if (mains) pipe(tid, mains.serve(t.position as Pt, demand.get(st.id)! * PEAK), mains.distance(t.position as Pt), demand.get(st.id)! * PEAK);
    else pipe(`${sidOf(st.id)}_OUT`, tid, dist(st.position, t.position), demand.get(st.id)! * PEAK);
    const pu = pumpId(st.id);
    controls.push(
      `LINK ${pu} OPEN IF NODE ${tid} BELOW ${(TOWER_MAX_M * 0.4).toFixed(1)}`,
      `LINK ${pu} CLOSED IF NODE ${tid} ABOVE ${(TOWER_MAX_M * 0.95).toFixed(1)}`,
    );
    const stationPlc = `PLC_${id(st.id).replace(/^PUMPING_STATION_/, '')}`;
    if (!plcs.some((p) => p.id === stationPlc)) plcs.push({ id: stationPlc, asset: st.id, sensors: [`F_${pu}`], actuators: [pu] });
    const towerPlc = `PLC_${tid.replace(/^WATER_TOWER_/, 'TOWER_')}`;
    plcs.push({ id: towerPlc, asset: t.id, sensors: [`P_${tid}`], actuators: [] });
    plcLinks.push({ from: towerPlc, to: stationPlc, sensors: [`P_${tid}`] });
  }
  if (mains) {
    for (const n of mains.junctions()) {
      J.push(`${n.id}\t0\t0\t`);
      positions[n.id] = [n.position[0], n.position[1]];
    }
    P.push(...mains.pipes(() => `P${++pipeN}`, diameterFor));
  }

  const inp = [
    '[TITLE]',
    'Generated city water network (citytwin)',
    '',
    '[JUNCTIONS]',
    ';ID\tElev\tDemand\tPattern',
    ...J,
    '',
    '[RESERVOIRS]',
    ';ID\tHead',
    `${R}\t${RES_HEAD_M}`,
    '',
    '[TANKS]',
    ';ID\tElev\tInitLvl\tMinLvl\tMaxLvl\tDiam\tMinVol\tVolCurve',
    ...T,
    '',
    '[PIPES]',
    ';ID\tNode1\tNode2\tLength\tDiam\tRough\tMLoss\tStatus',
    ...P,
    '',
    '[PUMPS]',
    ...pumps,
    '',
    '[CURVES]',
    ...curves,
    '',
    '[PATTERNS]',
    `DIURNAL\t${PATTERN.join('\t')}`,
    '',
    '[CONTROLS]',
    ...controls,
    '',
    '[TIMES]',
    'Duration\t24:00',
    'Hydraulic Timestep\t0:05',
    'Pattern Timestep\t1:00',
    '',
    '[OPTIONS]',
    'Units\tLPS',
    'Headloss\tH-W',
    'Demand Model\tPDA',
    'Minimum Pressure\t0',
    'Required Pressure\t20',
    'Pressure Exponent\t0.5',
    '',
    '[END]',
    '',
  ].join('\n');
  return { inp, linkAssets, nodeAssets, consumers, positions, replacedEdges, plcs, plcLinks, controls: controls.length };
}
