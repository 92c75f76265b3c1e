/**
 * `"traffic": { "sumo": { "net": "grid.net.xml", "routes": "trips.xml" } }`: a SUMO network and
 * its demand as the twin's traffic. Junctions become nodes (SUMO's y runs north, the twin's z
 * south), edges become links with their lanes' length and speed, SUMO's connections become the
 * turns (with the lanes that may take each), traffic lights run their own tlLogic programs, and
 * the network drives on the side it says (right unless `lefthand="true"`). Trips are routed by the
 * twin; a vehicle's route is driven as given. Vehicles are SUMO's default passenger car unless the
 * demand gives one vType.
 */
import { traffic, type TrafficInput } from '../sim';
import { parseSumoDemand, parseSumoNet, type SumoDemand, type SumoNet, type SumoVType } from './import/sumo';
import { issue, quote, type ScenarioIssue } from './issues';
import { readReferenced, type ReadFile } from './referenced-file';

export interface SumoSection {
  readonly net: string;
  readonly routes?: string | undefined;
}

/**
 * SUMO's default passenger car ("Vehicle Type Parameter Defaults", sumo.dlr.de/docs/Vehicle_Type_Parameter_Defaults.html):
 * accel 2.6 m/s², decel 4.5 m/s², tau 1 s, minGap 2.5 m, length 5 m — as IDM's a, b, T, s0 and
 * length (Treiber, Hennecke & Helbing 2000), so both programs drive the same car.
 */
export const SUMO_DEFAULT_CAR: traffic.IdmParams = { T: 1.0, s0: 2.5, a: 2.6, b: 4.5, delta: 4, length: 5 };

/** SUMO signal state → the twin's aspect (https://sumo.dlr.de/docs/Simulation/Traffic_Lights.html#signal_state_definitions). */
function aspectOf(c: string): number {
  switch (c) {
    case 'G':
    case 'O':
      return traffic.GREEN;
    case 'g':
    case 'o':
      return traffic.GREEN_YIELD;
    case 'y':
    case 'Y':
      return traffic.AMBER;
    default:
      return traffic.RED;
  }
}
/** Which aspect wins when several lanes of one movement show different ones: the most permissive. */
const RANK = (a: number) => (a === traffic.GREEN ? 3 : a === traffic.GREEN_YIELD ? 2 : a === traffic.AMBER ? 1 : 0);

export interface CompiledSumo {
  readonly input: Pick<TrafficInput, 'network' | 'linkIds' | 'linkStreets' | 'signals' | 'trips' | 'idm'>;
}

export function compileSumo(section: SumoSection, plan: traffic.SignalPlan, readFile: ReadFile | undefined, issues: ScenarioIssue[]): CompiledSumo | null {
  const netText = readReferenced(section.net, 'traffic.sumo.net', readFile, issues);
  if (netText === null) return null;
  const parsedNet = parseSumoNet(netText, section.net);
  if (!parsedNet.ok) {
    issues.push(...parsedNet.issues);
    return null;
  }
  let demand: SumoDemand | null = null;
  if (section.routes !== undefined) {
    const text = readReferenced(section.routes, 'traffic.sumo.routes', readFile, issues);
    if (text === null) return null;
    const parsed = parseSumoDemand(text, section.routes);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      return null;
    }
    demand = parsed.data;
  }
  return build(parsedNet.data, demand, section, plan, issues);
}

function build(net: SumoNet, demand: SumoDemand | null, section: SumoSection, plan: traffic.SignalPlan, issues: ScenarioIssue[]): CompiledSumo | null {
  const nodeOf = new Map<string, number>();
  const xs: number[] = [];
  const zs: number[] = [];
  for (const j of net.junctions) {
    if (nodeOf.has(j.id)) continue;
    nodeOf.set(j.id, xs.length);
    xs.push(j.x);
    zs.push(-j.y);
  }
  const linkOf = new Map<string, number>();
  const links: traffic.LinkSpec[] = [];
  const seenPair = new Set<string>();
  for (const e of net.edges) {
    const a = nodeOf.get(e.from)!;
    const b = nodeOf.get(e.to)!;
    // The twin keeps one link per ordered pair of junctions; a second parallel edge is dropped.
    if (seenPair.has(`${a}>${b}`)) {
      issues.push(
        issue(
          `${section.net}`,
          `edge ${quote(e.id)} runs between the same junctions as another edge`,
          'the twin keeps the first; merge parallel edges in netconvert',
        ),
      );
      continue;
    }
    seenPair.add(`${a}>${b}`);
    linkOf.set(e.id, links.length);
    links.push({
      from: a,
      to: b,
      lengthM: Math.max(...e.lanes.map((l) => l.length)),
      speedMps: Math.max(...e.lanes.map((l) => l.speed)),
      lanes: e.lanes.length,
      rank: e.priority >= 7 ? 2 : e.priority >= 3 ? 1 : 0,
      name: e.id,
    });
  }
  const turns: { from: number; to: number; laneLo: number; laneHi: number }[] = [];
  for (const c of net.connections) {
    const f = linkOf.get(c.from);
    const t = linkOf.get(c.to);
    if (f === undefined || t === undefined) continue;
    turns.push({ from: f, to: t, laneLo: c.fromLane, laneHi: c.fromLane });
  }
  const network = traffic.buildLinkNetwork(xs, zs, links, turns, !net.leftHand);
  const turnOf = (from: string, to: string) => {
    const f = linkOf.get(from);
    const t = linkOf.get(to);
    return f === undefined || t === undefined ? -1 : traffic.turnOf(network, f, t);
  };
  // Signals: each tlLogic at the junction its connections lead into, its phases as per-turn aspects.
  const signals: traffic.SignalSpec[] = [];
  const byTl = new Map<string, typeof net.connections>();
  for (const c of net.connections) if (c.tl !== null) byTl.set(c.tl, [...(byTl.get(c.tl) ?? []), c]);
  for (const tl of net.tlLogics) {
    const conns = byTl.get(tl.id) ?? [];
    if (conns.length === 0) continue;
    const f = linkOf.get(conns[0]!.from);
    if (f === undefined) continue;
    const node = network.linkTo[f]!;
    if (signals.some((s) => s.node === node)) {
      issues.push(
        issue(
          section.net,
          `traffic light ${quote(tl.id)} controls a junction another light controls`,
          'the twin runs one program per junction; join the programs in netconvert',
        ),
      );
      continue;
    }
    const phases = tl.phases.map((ph) => {
      const best = new Map<number, number>();
      for (const c of conns) {
        const k = turnOf(c.from, c.to);
        if (k < 0) continue;
        const a = aspectOf(ph.state[c.linkIndex]!);
        const had = best.get(k);
        if (had === undefined || RANK(a) > RANK(had)) best.set(k, a);
      }
      return { durationS: ph.durationS, aspects: [...best.entries()] as [number, number][] };
    });
    signals.push({ node, asset: null, plan, program: { offsetS: tl.offsetS, phases } });
  }
  let trips: traffic.TripList | null = null;
  if (demand) {
    const order = demand.items.map((_, i) => i).sort((a, b) => demand.items[a]!.departS - demand.items[b]!.departS || a - b);
    const ids: string[] = [];
    const departMs: number[] = [];
    const origin: number[] = [];
    const dest: number[] = [];
    const routes: (Int32Array | null)[] = [];
    let unknown = 0;
    for (const i of order) {
      const it = demand.items[i]!;
      const route = it.edges ? it.edges.map((e) => linkOf.get(e) ?? -1) : null;
      const o = linkOf.get(it.from);
      const d = linkOf.get(it.to);
      if (o === undefined || d === undefined || (route && route.includes(-1))) {
        if (unknown++ < 5)
          issues.push(
            issue(
              `${section.routes}`,
              `${quote(it.id)} uses an edge the network ${quote(section.net)} does not have`,
              'make the demand for this network (randomTrips.py -n NET)',
            ),
          );
        continue;
      }
      ids.push(it.id);
      departMs.push(Math.round(it.departS * 1000));
      origin.push(o);
      dest.push(d);
      routes.push(route ? Int32Array.from(route) : null);
    }
    if (unknown > 0) return null;
    trips = { ids, departMs: Float64Array.from(departMs), origin: Int32Array.from(origin), dest: Int32Array.from(dest), routes };
  }
  return { input: { network, linkIds: network.linkName.slice(), linkStreets: null, signals, trips, idm: idmOf(demand?.vTypes ?? []) } };
}

function idmOf(vTypes: readonly SumoVType[]): traffic.IdmParams {
  const d = SUMO_DEFAULT_CAR;
  const t = vTypes.length === 1 ? vTypes[0]! : null;
  if (!t) return d;
  return { T: t.tau ?? d.T, s0: t.minGap ?? d.s0, a: t.accel ?? d.a, b: t.decel ?? d.b, delta: d.delta, length: t.length ?? d.length };
}
