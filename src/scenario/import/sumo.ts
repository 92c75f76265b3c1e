/**
 * Readers for Eclipse SUMO's files (https://sumo.dlr.de/docs/Networks/SUMO_Road_Networks.html,
 * https://sumo.dlr.de/docs/Definition_of_Vehicles%2C_Vehicle_Types%2C_and_Routes.html): a network
 * (`.net.xml`: junctions, edges with their lanes, connections between lanes, and traffic-light
 * programs) and demand (`.rou.xml` vehicles with routes, and `.trips.xml` trips from one edge to
 * another). Parsed as text in one linear pass, like the OpenStreetMap reader: the files are
 * regular, attributes come in any order, and a damaged file costs no more than a sound one.
 * Problems are values naming the file, the line and the element, with a hint; never exceptions.
 */
import { issue, lineCol, quote, type ScenarioIssue } from '../issues';

export interface SumoLane {
  readonly index: number;
  readonly speed: number;
  readonly length: number;
}

export interface SumoEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** Lanes by index (0 is the kerb lane: rightmost on a right-hand network). */
  readonly lanes: readonly SumoLane[];
  readonly priority: number;
}

export interface SumoJunction {
  readonly id: string;
  readonly type: string;
  readonly x: number;
  readonly y: number;
}

export interface SumoConnection {
  readonly from: string;
  readonly to: string;
  readonly fromLane: number;
  readonly toLane: number;
  /** The traffic light that controls it and its index in the light's state strings, or null / -1. */
  readonly tl: string | null;
  readonly linkIndex: number;
}

export interface SumoPhase {
  readonly durationS: number;
  /** One character per controlled link: G, g, y, r, u, o, O, s (SUMO's signal states). */
  readonly state: string;
}

export interface SumoTlLogic {
  readonly id: string;
  readonly offsetS: number;
  readonly phases: readonly SumoPhase[];
}

export interface SumoNet {
  /** `lefthand="true"` on <net>: traffic keeps left. SUMO networks keep right unless they say so. */
  readonly leftHand: boolean;
  readonly junctions: readonly SumoJunction[];
  readonly edges: readonly SumoEdge[];
  readonly connections: readonly SumoConnection[];
  readonly tlLogics: readonly SumoTlLogic[];
}

export interface SumoVType {
  readonly id: string;
  readonly accel?: number;
  readonly decel?: number;
  readonly tau?: number;
  readonly minGap?: number;
  readonly length?: number;
}

/** A vehicle with its route (a list of edges) or a trip (from and to, routed by the twin). */
export interface SumoDemandItem {
  readonly id: string;
  readonly departS: number;
  readonly from: string;
  readonly to: string;
  /** The whole route when the file gives one (a <vehicle> with a route); null for a trip. */
  readonly edges: readonly string[] | null;
}

export interface SumoDemand {
  readonly items: readonly SumoDemandItem[];
  readonly vTypes: readonly SumoVType[];
}

type Result<T> = { ok: true; data: T } | { ok: false; issues: ScenarioIssue[] };

const ATTR = /(?<![\w:-])([\w:.-]+)="([^"]*)"/g;
const ENTITY = /&(lt|gt|quot|apos|amp);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
/** Issues beyond this many are summed up in one: a file broken everywhere says so once. */
const MAX_ISSUES = 20;

interface Element {
  readonly name: string;
  readonly closing: boolean;
  readonly attrs: Record<string, string>;
  readonly at: number;
  readonly selfClosing: boolean;
}

/** The elements named in `names`, in order, with their attributes; a start tag cut short is skipped. */
function* elements(text: string, names: readonly string[]): Generator<Element> {
  const re = new RegExp(`<(/?)(${names.join('|')})(?=[\\s/>])`, 'g');
  let gt = -1;
  let lt = -1;
  for (const m of text.matchAll(re)) {
    const at = m.index;
    const closing = m[1] === '/';
    if (gt !== -2 && gt < at) gt = text.indexOf('>', at);
    if (gt === -1) gt = -2;
    if (lt !== -2 && lt <= at) lt = text.indexOf('<', at + 1);
    if (lt === -1) lt = -2;
    if (gt < 0 || (lt >= 0 && lt < gt)) continue;
    const selfClosing = text.charCodeAt(gt - 1) === 47;
    const body = text.slice(at + m[0].length, selfClosing ? gt - 1 : gt);
    const attrs: Record<string, string> = {};
    if (!closing) for (const a of body.matchAll(ATTR)) attrs[a[1]!] = a[2]!.includes('&') ? a[2]!.replace(ENTITY, (_w, e: string) => NAMED[e]!) : a[2]!;
    yield { name: m[2]!, closing, attrs, at, selfClosing };
  }
}

class Reporter {
  readonly issues: ScenarioIssue[] = [];
  private dropped = 0;
  constructor(
    private readonly text: string,
    private readonly path: string,
  ) {}
  add(at: number, el: string, message: string, hint: string): void {
    if (this.issues.length >= MAX_ISSUES) {
      this.dropped++;
      return;
    }
    const { line } = lineCol(this.text, at);
    this.issues.push(issue(`${this.path}:${line}`, `<${el}> ${message}`, hint));
  }
  finish(): ScenarioIssue[] {
    if (this.dropped > 0) this.issues.push(issue(this.path, `and ${this.dropped} more problems like these`, 'is the file whole? regenerate it with SUMO'));
    return this.issues;
  }
}

function num(r: Reporter, e: Element, key: string, opts: { required: boolean; min?: number; fallback?: number }): number | null {
  const s = e.attrs[key];
  if (s === undefined) {
    if (!opts.required) return opts.fallback ?? null;
    r.add(e.at, e.name, `has no "${key}"`, `give ${key}="…" (a number), as SUMO writes it`);
    return null;
  }
  const v = Number(s);
  if (s.trim() === '' || !Number.isFinite(v) || (opts.min !== undefined && v < opts.min)) {
    r.add(
      e.at,
      e.name,
      `has ${key}=${quote(s)}, which is not a number${opts.min !== undefined ? ` of at least ${opts.min}` : ''}`,
      `write ${key} as a number, e.g. ${key}="13.89"`,
    );
    return null;
  }
  return v;
}

function str(r: Reporter, e: Element, key: string): string | null {
  const s = e.attrs[key];
  if (s === undefined || s === '') {
    r.add(e.at, e.name, `has no "${key}"`, `give ${key}="…", as SUMO writes it`);
    return null;
  }
  return s;
}

const STATE = /^[GgyrRuoOsY]*$/;

/** Reads a SUMO network. `path` names the file in messages. */
export function parseSumoNet(text: string, path: string): Result<SumoNet> {
  const netAt = /<net[\s>]/.exec(text);
  if (!netAt) return { ok: false, issues: [issue(path, 'is not a SUMO network (no <net> element)', 'give a .net.xml written by netconvert or netgenerate')] };
  const r = new Reporter(text, path);
  const netEl = elements(text.slice(netAt.index, text.indexOf('>', netAt.index) + 1), ['net']).next().value;
  const leftHand = netEl?.attrs.lefthand === 'true' || netEl?.attrs.lefthand === '1';
  const junctions: SumoJunction[] = [];
  const edges: SumoEdge[] = [];
  const connections: SumoConnection[] = [];
  const tlLogics: SumoTlLogic[] = [];
  let edge: { id: string; from: string; to: string; priority: number; lanes: SumoLane[]; at: number } | null = null;
  let skipEdge = false;
  let tl: { id: string; offsetS: number; phases: SumoPhase[]; at: number } | null = null;
  const closeEdge = () => {
    if (edge) {
      if (edge.lanes.length === 0) r.add(edge.at, 'edge', `id=${quote(edge.id)} has no <lane>`, 'every edge needs at least one lane');
      else edges.push({ id: edge.id, from: edge.from, to: edge.to, priority: edge.priority, lanes: edge.lanes.sort((a, b) => a.index - b.index) });
    }
    edge = null;
    skipEdge = false;
  };
  const closeTl = () => {
    if (tl) {
      if (tl.phases.length === 0) r.add(tl.at, 'tlLogic', `id=${quote(tl.id)} has no <phase>`, 'a traffic-light program needs at least one phase');
      else tlLogics.push({ id: tl.id, offsetS: tl.offsetS, phases: tl.phases });
    }
    tl = null;
  };
  for (const e of elements(text, ['edge', 'lane', 'junction', 'connection', 'tlLogic', 'phase'])) {
    if (e.closing) {
      if (e.name === 'edge') closeEdge();
      else if (e.name === 'tlLogic') closeTl();
      continue;
    }
    switch (e.name) {
      case 'edge': {
        closeEdge();
        // Internal edges (inside junctions) are not roads: the twin's junctions are points.
        if (e.attrs.function === 'internal' || e.attrs.id?.startsWith(':')) {
          skipEdge = !e.selfClosing;
          break;
        }
        const id = str(r, e, 'id');
        const from = str(r, e, 'from');
        const to = str(r, e, 'to');
        const priority = num(r, e, 'priority', { required: false, fallback: -1 });
        if (id && from && to && priority !== null && !e.selfClosing) edge = { id, from, to, priority, lanes: [], at: e.at };
        else if (id && e.selfClosing) r.add(e.at, 'edge', `id=${quote(id)} has no <lane>`, 'every edge needs at least one lane');
        break;
      }
      case 'lane': {
        if (skipEdge) break;
        if (!edge) break; // a lane outside an edge (or of one refused above): already reported or harmless
        const index = num(r, e, 'index', { required: true, min: 0 });
        const speed = num(r, e, 'speed', { required: true, min: 0.1 });
        const length = num(r, e, 'length', { required: true, min: 0.1 });
        if (index === null || speed === null || length === null) break;
        if (edge.lanes.some((l) => l.index === index))
          r.add(e.at, 'lane', `index=${index} appears twice on edge ${quote(edge.id)}`, 'give each lane of an edge its own index 0, 1, …');
        else edge.lanes.push({ index, speed, length });
        break;
      }
      case 'junction': {
        if (e.attrs.type === 'internal') break;
        const id = str(r, e, 'id');
        const x = num(r, e, 'x', { required: true });
        const y = num(r, e, 'y', { required: true });
        if (id && x !== null && y !== null) junctions.push({ id, type: e.attrs.type ?? 'priority', x, y });
        break;
      }
      case 'connection': {
        const from = str(r, e, 'from');
        const to = str(r, e, 'to');
        if (!from || !to) break;
        if (from.startsWith(':') || to.startsWith(':')) break; // via internal lanes
        const fromLane = num(r, e, 'fromLane', { required: true, min: 0 });
        const toLane = num(r, e, 'toLane', { required: true, min: 0 });
        const tlId = e.attrs.tl ?? null;
        const linkIndex = tlId !== null ? num(r, e, 'linkIndex', { required: true, min: 0 }) : -1;
        if (fromLane === null || toLane === null || linkIndex === null) break;
        connections.push({ from, to, fromLane, toLane, tl: tlId, linkIndex });
        break;
      }
      case 'tlLogic': {
        closeTl();
        const id = str(r, e, 'id');
        const offsetS = num(r, e, 'offset', { required: false, fallback: 0 });
        if (id && offsetS !== null && !e.selfClosing) tl = { id, offsetS, phases: [], at: e.at };
        else if (id && e.selfClosing) r.add(e.at, 'tlLogic', `id=${quote(id)} has no <phase>`, 'a traffic-light program needs at least one phase');
        break;
      }
      case 'phase': {
        if (!tl) break;
        const durationS = num(r, e, 'duration', { required: true, min: 0.1 });
        const state = str(r, e, 'state');
        if (durationS === null || state === null) break;
        if (!STATE.test(state)) {
          r.add(
            e.at,
            'phase',
            `has state=${quote(state)}, which holds a character that is no signal state`,
            'use only G g y r u o O s, one per controlled link',
          );
          break;
        }
        if (tl.phases.length > 0 && tl.phases[0]!.state.length !== state.length) {
          r.add(
            e.at,
            'phase',
            `has ${state.length} signal states where the program's first phase has ${tl.phases[0]!.state.length}`,
            'give every phase one state per controlled link',
          );
          break;
        }
        tl.phases.push({ durationS, state });
        break;
      }
    }
  }
  closeEdge();
  closeTl();
  // Cross-references: edges join known junctions, connections join known edges and lanes, lights exist.
  const jIds = new Set(junctions.map((j) => j.id));
  const eById = new Map(edges.map((x) => [x.id, x]));
  const tlById = new Map(tlLogics.map((x) => [x.id, x]));
  const edgeAt = (id: string) => text.indexOf(`id="${id}"`);
  for (const x of edges) {
    for (const j of [x.from, x.to])
      if (!jIds.has(j))
        r.add(
          edgeAt(x.id),
          'edge',
          `id=${quote(x.id)} joins junction ${quote(j)}, which the file does not have`,
          'add the <junction>, or regenerate the network',
        );
    if (x.from === x.to)
      r.add(edgeAt(x.id), 'edge', `id=${quote(x.id)} starts and ends at the same junction`, 'the twin needs edges between two junctions; split the loop');
  }
  for (const c of connections) {
    const f = eById.get(c.from);
    const t = eById.get(c.to);
    const where = text.indexOf(`from="${c.from}" to="${c.to}"`);
    if (!f || !t) {
      r.add(
        where,
        'connection',
        `from=${quote(c.from)} to=${quote(c.to)} names an edge the file does not have`,
        'check the edge ids, or regenerate the network',
      );
      continue;
    }
    if (c.fromLane >= f.lanes.length || c.toLane >= t.lanes.length)
      r.add(
        where,
        'connection',
        `from=${quote(c.from)} to=${quote(c.to)} names lane ${c.fromLane}→${c.toLane}, which those edges do not have`,
        'lanes are numbered from 0 at the kerb',
      );
    if (c.tl !== null) {
      const logic = tlById.get(c.tl);
      if (!logic)
        r.add(
          where,
          'connection',
          `from=${quote(c.from)} to=${quote(c.to)} is controlled by tl=${quote(c.tl)}, which has no <tlLogic>`,
          'add the program, or drop tl and linkIndex',
        );
      else if (c.linkIndex >= logic.phases[0]!.state.length)
        r.add(
          where,
          'connection',
          `from=${quote(c.from)} to=${quote(c.to)} has linkIndex=${c.linkIndex}, past the ${logic.phases[0]!.state.length} states of tl ${quote(c.tl)}`,
          'give each controlled link an index into the phase states',
        );
    }
  }
  if (edges.length === 0 && r.issues.length === 0) r.add(netAt.index, 'net', 'has no edges', 'give a network with roads');
  const issues = r.finish();
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, data: { leftHand, junctions, edges, connections, tlLogics } };
}

/** Reads SUMO demand: <trip>s, <vehicle>s with a <route> inside or a route id, and <vType>s. */
export function parseSumoDemand(text: string, path: string): Result<SumoDemand> {
  if (!/<(routes|trips)[\s>]/.test(text))
    return { ok: false, issues: [issue(path, 'is not SUMO demand (no <routes> element)', 'give a .rou.xml or .trips.xml, e.g. from randomTrips.py')] };
  const r = new Reporter(text, path);
  const items: SumoDemandItem[] = [];
  const vTypes: SumoVType[] = [];
  const routes = new Map<string, string[]>();
  const ids = new Set<string>();
  let vehicle: { id: string; departS: number; at: number; route: string[] | null } | null = null;
  const parseEdges = (e: Element): string[] | null => {
    const s = str(r, e, 'edges');
    if (s === null) return null;
    const list = s.trim().split(/\s+/);
    return list.length > 0 && list[0] !== '' ? list : (r.add(e.at, e.name, 'has an empty "edges"', 'list the edges of the route, separated by spaces'), null);
  };
  const add = (id: string, departS: number, edges: string[] | null, from: string | null, to: string | null, at: number, el: string) => {
    if (ids.has(id)) {
      r.add(at, el, `id=${quote(id)} appears twice`, 'give every vehicle and trip its own id');
      return;
    }
    ids.add(id);
    if (edges) items.push({ id, departS, from: edges[0]!, to: edges[edges.length - 1]!, edges });
    else if (from && to) items.push({ id, departS, from, to, edges: null });
  };
  const depart = (e: Element) => {
    const s = e.attrs.depart;
    if (s === 'triggered' || s === 'containerTriggered' || s === 'begin') return s === 'begin' ? 0 : null;
    return num(r, e, 'depart', { required: true, min: 0 });
  };
  const closeVehicle = () => {
    if (vehicle) {
      if (vehicle.route) add(vehicle.id, vehicle.departS, vehicle.route, null, null, vehicle.at, 'vehicle');
      else r.add(vehicle.at, 'vehicle', `id=${quote(vehicle.id)} has no route`, 'give route="ID" of a <route>, or a <route edges="…"/> inside it');
    }
    vehicle = null;
  };
  for (const e of elements(text, ['vehicle', 'trip', 'route', 'vType', 'flow'])) {
    if (e.closing) {
      if (e.name === 'vehicle') closeVehicle();
      continue;
    }
    switch (e.name) {
      case 'vType': {
        const id = str(r, e, 'id');
        if (!id) break;
        const o = (k: string) => num(r, e, k, { required: false, min: 0 }) ?? undefined;
        vTypes.push({ id, accel: o('accel'), decel: o('decel'), tau: o('tau'), minGap: o('minGap'), length: o('length') });
        break;
      }
      case 'route': {
        const list = parseEdges(e);
        if (!list) break;
        if (vehicle && !e.attrs.id) vehicle.route = list;
        else if (e.attrs.id) {
          routes.set(e.attrs.id, list);
          if (vehicle && !vehicle.route) vehicle.route = list;
        } else r.add(e.at, 'route', 'outside a vehicle has no "id"', 'give the route an id and name it in route="…" of a vehicle');
        break;
      }
      case 'trip': {
        const id = str(r, e, 'id');
        const d = depart(e);
        const from = str(r, e, 'from');
        const to = str(r, e, 'to');
        if (id && d !== null && from && to) add(id, d, null, from, to, e.at, 'trip');
        break;
      }
      case 'vehicle': {
        closeVehicle();
        const id = str(r, e, 'id');
        const d = depart(e);
        if (!id || d === null) break;
        const rid = e.attrs.route;
        const known = rid !== undefined ? (routes.get(rid) ?? null) : null;
        if (rid !== undefined && !known) {
          r.add(
            e.at,
            'vehicle',
            `id=${quote(id)} names route=${quote(rid)}, which no earlier <route> defines`,
            'define the <route id="…" edges="…"/> before the vehicle',
          );
          break;
        }
        vehicle = { id, departS: d, at: e.at, route: known };
        if (e.selfClosing) closeVehicle();
        break;
      }
      case 'flow':
        r.add(e.at, 'flow', 'is not read by the twin', 'expand flows into vehicles or trips (e.g. with duarouter), or use randomTrips.py');
        break;
    }
  }
  closeVehicle();
  if (items.length === 0 && r.issues.length === 0)
    r.add(0, 'routes', 'has no trips or vehicles', 'give <trip> or <vehicle> elements, e.g. from randomTrips.py');
  const issues = r.finish();
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, data: { items, vTypes } };
}
