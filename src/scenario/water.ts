/**
 * The scenario's water network: an EPANET .inp file the scenario references (with PLCs from an
 * epanetCPA .cpa file or written by hand), or the generated city's network. Pumps, valves, tanks,
 * reservoirs and PLCs of an imported file become assets (unless the scenario maps them onto its
 * own), laid out from the file's coordinates, so they can be powered, inspected and attacked like
 * the rest. Every reference (elements, PLCs, rules, sensors) is checked here, all problems at once.
 */
import { assetId, edgeId, water as simWater, type AssetSpec, type CityModel, type EdgeSpec, type WaterInput } from '../sim';
import type { GeneratedAsset } from './city/infrastructure';
import { makeCityWaterNetwork } from './city/water-network';
import type { Street } from './city/street-mains';
import { checkWithEngine, readInp, type InpSummary } from './import/epanet-inp';
import { issue, quote, suggest, unknownId, type ScenarioIssue } from './issues';
import { readReferenced, type ReadFile } from './referenced-file';
import type { Scenario, ScenarioCommand } from './schema';

export interface WaterContext {
  readonly assets: AssetSpec[];
  readonly edges: EdgeSpec[];
  readonly generated: readonly GeneratedAsset[];
  readonly city: CityModel;
  readonly readFile: ReadFile | undefined;
  readonly issues: ScenarioIssue[];
  /** A town's streets, which its mains follow. */
  readonly streets?: readonly Street[] | undefined;
}

/** What commands may name: the model's elements, PLCs, their rules and sensors. */
export interface WaterRefs {
  readonly input: WaterInput;
  readonly nodes: ReadonlySet<string>;
  readonly links: ReadonlySet<string>;
  readonly plcs: ReadonlySet<string>;
  readonly controls: number;
}

/** EPANET 2.2's PDA defaults as used by epanetCPA's scenario02 ("pda_options 0.5 0 20 Wagner"). */
const DEFAULT_PDA = { minM: 0, requiredM: 20, exponent: 0.5 };

export function compileWater(s: Scenario, ctx: WaterContext): WaterRefs | null {
  const w = s.water;
  if (w?.inp !== undefined) return fromInp(w.inp, s, ctx);
  if (w?.generate !== false && ctx.generated.some((a) => a.kind === 'pumping-station')) return fromCity(s, ctx);
  if (w?.generate === true)
    ctx.issues.push(
      issue(
        'water.generate',
        'there is no generated city infrastructure to build a water network for',
        'add "city": { "generator": {} } or reference an EPANET file with "inp"',
      ),
    );
  for (const key of ['cpa', 'plcs', 'consumers', 'assets', 'quality'] as const) {
    if (w?.[key] !== undefined) ctx.issues.push(issue(`water.${key}`, 'these settings need a water network', 'reference an EPANET file with "inp"'));
  }
  return null;
}

function common(s: Scenario): Pick<WaterInput, 'pda' | 'hydStepS' | 'commsLoss'> {
  const dm = s.water?.demandModel;
  return {
    pda:
      dm?.type === 'DDA'
        ? null
        : {
            minM: dm?.minPressureM ?? DEFAULT_PDA.minM,
            requiredM: dm?.requiredPressureM ?? DEFAULT_PDA.requiredM,
            exponent: dm?.exponent ?? DEFAULT_PDA.exponent,
          },
    hydStepS: s.water?.stepS ?? null,
    commsLoss: s.water?.commsLoss ?? 'hold',
  };
}

function fromCity(s: Scenario, ctx: WaterContext): WaterRefs | null {
  const net = makeCityWaterNetwork(ctx.generated, ctx.edges, ctx.streets);
  if (!net) return null;
  // The hydraulic model now decides these consumers' water; their storage edges would count it twice.
  for (let i = ctx.edges.length - 1; i >= 0; i--) if (net.replacedEdges.has(ctx.edges[i]!.id)) ctx.edges.splice(i, 1);
  // A tower's level reaches its station's PLC over the street-cabinet network: without it the PLC
  // holds the last reading (or fails safe, per "commsLoss").
  const switches = ctx.generated.filter((a) => a.kind === 'access-switch');
  for (const p of net.plcs) {
    const a = ctx.generated.find((g) => g.id === p.asset);
    if (!a || a.kind !== 'water-tower' || switches.length === 0) continue;
    const sw = switches.reduce((best, x) =>
      Math.hypot(x.position[0] - a.position[0], x.position[1] - a.position[1]) < Math.hypot(best.position[0] - a.position[0], best.position[1] - a.position[1])
        ? x
        : best,
    );
    ctx.edges.push({
      id: edgeId(`${a.id}<-${sw.id}`),
      from: sw.id,
      to: a.id,
      kind: 'cyber',
      resource: 'comms',
      bufferMs: 0,
      effect: 'degraded',
      group: null,
      note: "level telemetry to the pumping station's PLC",
      backup: null,
    });
  }
  const input: WaterInput = {
    ...common(s),
    inp: net.inp,
    fileName: ctx.streets ? 'mains along the streets (synthesised)' : 'generated city network',
    linkAssets: net.linkAssets,
    nodeAssets: net.nodeAssets,
    consumers: net.consumers,
    plcs: net.plcs,
    plcLinks: net.plcLinks,
    quality: null,
    initialLevels: [],
    patterns: [],
    litresPerPersonDay: null,
    positions: net.positions,
  };
  const nodes = new Set(Object.keys(net.positions));
  return { input, nodes, links: new Set(net.linkAssets.map((l) => l.link)), plcs: new Set(net.plcs.map((p) => p.id)), controls: net.controls };
}

function read(file: string, path: string, ctx: WaterContext): string | null {
  return readReferenced(
    file,
    path,
    ctx.readFile,
    ctx.issues,
    "check the path; it is resolved from the scenario file's own folder (the shipped C-Town and Net1 live in assets/water)",
  );
}

function fromInp(file: string, s: Scenario, ctx: WaterContext): WaterRefs | null {
  const w = s.water!;
  const text = read(file, 'water.inp', ctx);
  if (text === null) return null;
  const r = readInp(text, file, 'water.inp');
  if (!r.ok) {
    ctx.issues.push(...r.issues);
    return null;
  }
  const engineIssues = checkWithEngine(text, file, 'water.inp');
  if (engineIssues.length > 0) {
    ctx.issues.push(...engineIssues);
    return null;
  }
  const sum = r.summary;
  const nodes = new Set([...sum.junctions, ...sum.reservoirs, ...sum.tanks]);
  const links = new Set([...sum.pipes, ...sum.pumps, ...sum.valves]);

  // PLCs: from the .cpa file, then any written in the scenario (which win on the same id).
  const plcs = new Map<string, simWater.PlcSpec>();
  let plcLinks: simWater.PlcLinkSpec[] = [];
  let initialLevels: { node: string; levelM: number }[] = [];
  if (w.cpa !== undefined) {
    const cpa = read(w.cpa, 'water.cpa', ctx);
    if (cpa !== null) {
      const parsed = simWater.parseCpa(cpa);
      for (const p of parsed.problems) ctx.issues.push(issue(`water.cpa (${w.cpa} line ${p.line})`, p.message, 'see README-epanetCPA.md for the .cpa format'));
      for (const p of parsed.plcs) plcs.set(p.id, p);
      plcLinks = parsed.links;
      if (parsed.initialLevels) {
        if (parsed.initialLevels.length !== sum.tanks.length)
          ctx.issues.push(
            issue(
              'water.cpa',
              `initial_conditions gives ${parsed.initialLevels.length} tank levels but ${file} has ${sum.tanks.length} tanks`,
              'give one level per tank, in the order of [TANKS]',
            ),
          );
        else initialLevels = sum.tanks.map((node, k) => ({ node, levelM: parsed.initialLevels![k]! }));
      }
    }
  }
  (w.plcs ?? []).forEach((p) => plcs.set(p.id, { id: p.id, asset: p.asset ?? null, sensors: p.sensors ?? [], actuators: p.actuators ?? [] }));
  [...plcs.values()].forEach((p) => {
    p.actuators.forEach((a) => {
      if (!sum.pumps.includes(a) && !sum.valves.includes(a))
        ctx.issues.push(
          issue(
            `water.plcs`,
            `${p.id} drives ${quote(a)}, which is not a pump or valve of ${file}`,
            suggest(a, [...sum.pumps, ...sum.valves], 'pumps and valves'),
          ),
        );
    });
    p.sensors.forEach((x) => checkSensor(x, `water.plcs (${p.id})`, nodes, links, ctx.issues));
  });

  const known = new Set(ctx.assets.map((a) => a.id as string));
  const mapped = new Map<string, string>();
  (w.assets ?? []).forEach((m, k) => {
    const isElement =
      sum.pumps.includes(m.element) ||
      sum.valves.includes(m.element) ||
      sum.tanks.includes(m.element) ||
      sum.reservoirs.includes(m.element) ||
      plcs.has(m.element);
    if (!isElement)
      ctx.issues.push(
        issue(
          `water.assets[${k}].element`,
          `${quote(m.element)} is not a pump, valve, tank, reservoir or PLC of ${file}`,
          suggest(m.element, [...sum.pumps, ...sum.valves, ...sum.tanks, ...plcs.keys()], 'elements'),
        ),
      );
    if (!known.has(m.asset)) ctx.issues.push(unknownId(`water.assets[${k}].asset`, 'asset', m.asset, [...known], 'asset ids'));
    else mapped.set(m.element, m.asset);
  });

  // Lay the file's coordinates into the middle 80% of the city.
  const [W, H] = ctx.city.sizeM;
  const xs = [...sum.coordinates.values()].map((c) => c[0]);
  const ys = [...sum.coordinates.values()].map((c) => c[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = xs.length ? Math.min((0.8 * W) / Math.max(1e-9, x1 - x0), (0.8 * H) / Math.max(1e-9, y1 - y0)) : 1;
  const place = (id: string): [number, number] => {
    const c = sum.coordinates.get(id);
    if (!c) return [W / 2, H / 2];
    // EPANET's y grows north; the ground's z grows south.
    return [Math.round(0.1 * W + (c[0] - x0) * scale), Math.round(0.9 * H - (c[1] - y0) * scale)];
  };
  const positions: Record<string, [number, number]> = {};
  for (const id of nodes) positions[id] = place(id);

  const slugOf = (prefix: string, id: string) => `${prefix}-${id.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`;
  const makeAsset = (element: string, prefix: string, kind: string, name: string, pos: [number, number]): string => {
    const have = mapped.get(element);
    if (have) return have;
    let id = slugOf(prefix, element);
    for (let n = 2; known.has(id); n++) id = `${slugOf(prefix, element)}-${n}`;
    known.add(id);
    ctx.assets.push({
      id: assetId(id),
      kind,
      subsystem: 'water',
      name,
      position: pos,
      vendor: null,
      remoteAccess: false,
      district: null,
      population: 0,
      critical: kind === 'reservoir',
    });
    return id;
  };
  // A pump or valve sits halfway between its end nodes.
  const ends = linkEnds(text);
  const mid = (k: string): [number, number] => {
    const e = ends.get(k);
    if (!e) return [W / 2, H / 2];
    const a = positions[e[0]] ?? [W / 2, H / 2];
    const b = positions[e[1]] ?? a;
    return [Math.round((a[0] + b[0]) / 2), Math.round((a[1] + b[1]) / 2)];
  };
  const linkAssets = [
    ...sum.pumps.map((p) => ({ link: p, asset: makeAsset(p, 'pump', 'water-pump', `Pump ${p}`, mid(p)) })),
    ...sum.valves.map((v) => ({ link: v, asset: makeAsset(v, 'valve', 'water-valve', `Valve ${v}`, mid(v)) })),
  ];
  const nodeAssets = [
    ...sum.tanks.map((t) => ({ node: t, asset: makeAsset(t, 'tank', 'water-tank', `Tank ${t}`, positions[t]!) })),
    ...sum.reservoirs.map((r) => ({ node: r, asset: makeAsset(r, 'reservoir', 'reservoir', `Reservoir ${r}`, positions[r]!) })),
  ];
  const assetOfLink = new Map(linkAssets.map((l) => [l.link, l.asset]));
  const plcList = [...plcs.values()].map((p) => {
    const at = p.actuators.map(mid).concat(p.sensors.filter((x) => x.startsWith('P_')).map((x) => positions[x.slice(2)] ?? [W / 2, H / 2]));
    const pos: [number, number] = at.length
      ? [Math.round(at.reduce((a, b) => a + b[0], 0) / at.length) + 25, Math.round(at.reduce((a, b) => a + b[1], 0) / at.length) - 25]
      : [W / 2, H / 2];
    const asset = p.asset ?? makeAsset(p.id, 'plc', 'plc', `PLC ${p.id}`, pos);
    // A PLC drives its pumps and valves: without it they keep their last command (shown as degraded).
    for (const a of p.actuators) {
      const to = assetOfLink.get(a);
      if (to)
        ctx.edges.push({
          id: edgeId(`${to}<-${asset}`),
          from: assetId(asset),
          to: assetId(to),
          kind: 'cyber',
          resource: 'control',
          bufferMs: 0,
          effect: 'degraded',
          group: null,
          note: `${p.id} drives it; without it the last command holds`,
          backup: null,
        });
    }
    return { ...p, asset };
  });

  const consumers = (w.consumers ?? []).map((c, k) => {
    if (!sum.junctions.includes(c.node))
      ctx.issues.push(issue(`water.consumers[${k}].node`, `${quote(c.node)} is not a junction of ${file}`, suggest(c.node, sum.junctions, 'junctions')));
    if (!known.has(c.asset)) ctx.issues.push(unknownId(`water.consumers[${k}].asset`, 'asset', c.asset, [...known], 'asset ids'));
    (c.tanks ?? []).forEach((t, j) => {
      if (!sum.tanks.includes(t))
        ctx.issues.push(issue(`water.consumers[${k}].tanks[${j}]`, `${quote(t)} is not a tank of ${file}`, suggest(t, sum.tanks, 'tanks')));
    });
    (c.pumps ?? []).forEach((p, j) => {
      if (!sum.pumps.includes(p))
        ctx.issues.push(issue(`water.consumers[${k}].pumps[${j}]`, `${quote(p)} is not a pump of ${file}`, suggest(p, sum.pumps, 'pumps')));
    });
    return { node: c.node, asset: c.asset, storageMin: c.storageMin ?? 0, tanks: c.tanks ?? [], pumps: c.pumps ?? [] };
  });
  const q = w.quality;
  if (q && !nodes.has(q.sourceNode))
    ctx.issues.push(issue('water.quality.sourceNode', `${quote(q.sourceNode)} is not a node of ${file}`, suggest(q.sourceNode, [...nodes], 'nodes')));
  const input: WaterInput = {
    ...common(s),
    inp: text,
    fileName: file,
    linkAssets,
    nodeAssets,
    consumers,
    plcs: plcList,
    plcLinks,
    initialLevels,
    patterns: readPatterns(w.patterns, text, ctx),
    litresPerPersonDay: w.litresPerPersonDay ?? null,
    quality: q ? { chemical: q.chemical, units: q.units ?? 'mg/L', sourceNode: q.sourceNode, baselineMgL: q.baselineMgL, limitMgL: q.limitMgL } : null,
    positions,
  };
  return { input, nodes, links, plcs: new Set(plcs.keys()), controls: sum.controls };
}

/** Patterns from a CSV (one row per step, a column per pattern), checked against the file's [PATTERNS]. */
function readPatterns(spec: { csv: string; columns: string[] } | undefined, inp: string, ctx: WaterContext): { id: string; values: number[] }[] {
  if (!spec) return [];
  const text = read(spec.csv, 'water.patterns.csv', ctx);
  if (text === null) return [];
  const ids = new Set<string>();
  let inPatterns = false;
  for (const raw of inp.split(/\r?\n/)) {
    const line = raw.replace(/;.*$/, '').trim();
    if (line.startsWith('[')) inPatterns = line.toUpperCase() === '[PATTERNS]';
    else if (inPatterns && line) ids.add(line.split(/\s+/)[0]!);
  }
  spec.columns.forEach((c, k) => {
    if (!ids.has(c)) ctx.issues.push(issue(`water.patterns.columns[${k}]`, `${quote(c)} is not a pattern of the .inp file`, suggest(c, [...ids], 'patterns')));
  });
  const cols = spec.columns.map((): number[] => []);
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const f = raw.split(',').map((x) => Number(x.trim()));
    if (f.length < cols.length || f.some((x) => !Number.isFinite(x))) {
      ctx.issues.push(
        issue(
          `water.patterns.csv (${spec.csv} line ${i + 1})`,
          `needs ${cols.length} numbers separated by commas`,
          'one row per pattern step, one column per pattern',
        ),
      );
      return;
    }
    cols.forEach((c, k) => c.push(f[k]!));
  });
  return spec.columns.map((id, k) => ({ id, values: cols[k]! }));
}

/** Each link's two end nodes, read from [PIPES], [PUMPS] and [VALVES]. */
function linkEnds(text: string): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/;.*$/, '').trim();
    if (!line) continue;
    if (line.startsWith('[')) {
      section = line.toUpperCase();
      continue;
    }
    if (section !== '[PIPES]' && section !== '[PUMPS]' && section !== '[VALVES]') continue;
    const f = line.split(/\s+/);
    if (f.length >= 3) out.set(f[0]!, [f[1]!, f[2]!]);
  }
  return out;
}

function checkSensor(sensor: string, path: string, nodes: ReadonlySet<string>, links: ReadonlySet<string>, issues: ScenarioIssue[]): void {
  const kind = sensor.slice(0, 2);
  const id = sensor.slice(2);
  if (kind === 'P_' && !nodes.has(id))
    issues.push(issue(path, `sensor ${sensor} reads node ${quote(id)}, which is not in the network`, suggest(id, [...nodes], 'nodes')));
  else if (kind === 'F_' && !links.has(id))
    issues.push(issue(path, `sensor ${sensor} reads link ${quote(id)}, which is not in the network`, suggest(id, [...links], 'links')));
  else if (kind !== 'P_' && kind !== 'F_')
    issues.push(issue(path, `${quote(sensor)} is not a sensor name`, 'write P_<node> for a level or pressure, F_<link> for a flow'));
}

type WaterCommand = Extract<ScenarioCommand, { type: `water.${string}` }>;

export function checkWaterCommand(c: WaterCommand, path: string, refs: WaterRefs | null, issues: ScenarioIssue[]): void {
  if (!refs) {
    issues.push(issue(path, 'this scenario has no water network', 'add a city generator, or reference an EPANET file with "water": { "inp": … }'));
    return;
  }
  const plc = (id: string, p: string, scada: boolean) => {
    if (!refs.plcs.has(id) && !(scada && id === 'SCADA'))
      issues.push(issue(p, `unknown PLC ${quote(id)}`, suggest(id, [...refs.plcs, ...(scada ? ['SCADA'] : [])], 'PLCs')));
  };
  switch (c.type) {
    case 'water.sensor.spoof':
      checkSensor(c.sensor, `${path}.sensor`, refs.nodes, refs.links, issues);
      if (c.to !== undefined) plc(c.to, `${path}.to`, true);
      if (c.mode !== 'clear' && c.mode !== 'freeze' && c.value === undefined)
        issues.push(issue(`${path}.value`, `mode ${quote(c.mode)} needs a value`, 'give the constant (m or L/s), the offset, or the scale factor'));
      return;
    case 'water.plc.logic':
      plc(c.plc, `${path}.plc`, false);
      (c.rules ?? []).forEach((r, k) => {
        const n = Number(r.rule.slice(4));
        if (n < 1 || n > refs.controls)
          issues.push(
            issue(
              `${path}.rules[${k}].rule`,
              `${r.rule} is not a control of the file (it has ${refs.controls})`,
              'CTRL<n> is the n-th line of [CONTROLS], counting from 1',
            ),
          );
      });
      if (!c.restore && !(c.rules ?? []).length) issues.push(issue(path, 'changes nothing', 'give "rules" to change, or "restore": true'));
      return;
    case 'water.link.deny':
      plc(c.from, `${path}.from`, false);
      plc(c.to, `${path}.to`, true);
      return;
    case 'water.dosing':
      if (!refs.input.quality)
        issues.push(issue(path, 'the water network tracks no chemical', 'add "water": { "quality": { "chemical": …, "sourceNode": …, … } }'));
      if (c.node !== undefined && !refs.nodes.has(c.node))
        issues.push(issue(`${path}.node`, `${quote(c.node)} is not a node of the network`, suggest(c.node, [...refs.nodes], 'nodes')));
      return;
    default: {
      const never: never = c;
      return never;
    }
  }
}

export type { InpSummary };
