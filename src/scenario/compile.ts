/**
 * Turns a validated scenario into the simulation's input: generates the procedural city, assigns
 * vendors to generated assets, joins explicit assets and dependencies, and checks every cross
 * reference (ids, vendors, districts, inject targets), reporting all problems at once.
 */
import {
  assetId,
  backupBufferMs,
  firmwareOf,
  edgeId,
  injectId,
  parseDuration,
  vendorId,
  HOUR,
  MINUTE,
  type AssetSpec,
  type CityModel,
  type Command,
  type EdgeSpec,
  type InjectSpec,
  type PowerInput,
  type SimInput,
  type VendorSpec,
} from '../sim';
import { generateCity } from './city/generate';
import type { GeneratedAsset } from './city/infrastructure';
import { compilePower } from './power';
import { compileCyber } from './cyber';
import { checkCyberCommand, rememberCyberRefs } from './cyber-check';
import { checkExerciseCommand, checkPowerCommand, type ExerciseRefs } from './check-refs';
import { compileBriefing, compileDecisions, compileExpected } from './exercise';
import { checkSeatRef, compileSeats } from './seats';
import { compileTraffic } from './traffic';
import { compileOsmCity, type CompiledOsmCity } from './osm';
import { assignVendors } from './vendors';
import { compilePopulation } from './population';
import { checkWaterCommand, compileWater, type WaterRefs } from './water';
import { article, issue, quote, suggest, unknownId, type ScenarioIssue } from './issues';
import type { ReadFile } from './referenced-file';
import type { Scenario, ScenarioCommand } from './schema';

export const DEFAULT_SEED = 1;
export const DEFAULT_DURATION = '6h';

const emptyCity = (size: [number, number]): CityModel => ({
  name: 'Unnamed city',
  sizeM: size,
  districts: [],
  buildings: {
    count: 0,
    x: new Float32Array(0),
    z: new Float32Array(0),
    w: new Float32Array(0),
    d: new Float32Array(0),
    h: new Float32Array(0),
    district: new Uint16Array(0),
    use: new Uint8Array(0),
  },
  roads: [],
  water: [],
  attribution: null,
});

export interface CompileOptions {
  /** Reads a file the scenario references, relative to the scenario; null when it cannot. */
  readonly readFile?: ReadFile;
}

export function compileScenario(s: Scenario, options: CompileOptions = {}): { input: SimInput; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const seed = s.seed ?? DEFAULT_SEED;
  const vendors: VendorSpec[] = (s.vendors ?? []).map((v) => ({
    id: vendorId(v.id),
    name: v.name,
    jurisdiction: v.jurisdiction,
    supplies: v.supplies,
    remoteMaintenance: v.remoteMaintenance,
    cloudJurisdiction: v.cloud?.jurisdiction ?? null,
    ...(v.firmware !== undefined ? { firmware: v.firmware } : {}),
  }));
  dupes(
    vendors.map((v) => v.id),
    (i, id) => issues.push(issue(`vendors[${i}].id`, `vendor id ${quote(id)} is used twice`, 'give each vendor its own id')),
  );
  const vendorIds = vendors.map((v) => v.id as string);

  // City: procedural when asked for, else an empty ground sized to the explicit assets.
  let city: CityModel;
  const assets: AssetSpec[] = [];
  const edges: EdgeSpec[] = [];
  const gen = s.city?.generator;
  let generated: readonly GeneratedAsset[] = [];
  let osmRoads: import('./city/osm-city').OsmRoad[] | null = null;
  let osm: CompiledOsmCity | null = null;
  if (gen && s.city?.osm !== undefined)
    issues.push(issue('city.osm', 'a city is either generated or read from OpenStreetMap, not both', 'remove "generator" or "osm"'));
  for (const key of ['infrastructure', 'population'] as const)
    if (s.city?.[key] !== undefined && s.city.osm === undefined)
      issues.push(
        issue(
          `city.${key}`,
          `"${key}" applies to a town read from OpenStreetMap`,
          gen ? `set it in "generator" instead` : 'add "osm": "FILE.osm", or remove it',
        ),
      );
  if (gen) {
    const remote = vendors.filter((v) => v.remoteMaintenance).map((v) => v.id as string);
    const g = generateCity(
      {
        name: s.city?.name ?? 'Riverford',
        seed: gen.seed ?? seed,
        buildings: gen.buildings ?? 8000,
        population: gen.population ?? 100_000,
        sizeM: gen.sizeM ?? [4800, 4000],
        infrastructure: gen.infrastructure ?? true,
      },
      remote,
    );
    city = g.city;
    generated = g.assets;
    assets.push(...assignVendors(g.assets, vendors));
    edges.push(...g.edges);
  } else if (s.city?.osm !== undefined) {
    osm = compileOsmCity({ ...s.city, osm: s.city.osm }, vendors, options.readFile, issues);
    city = osm?.city ?? emptyCity([1000, 1000]);
    if (osm) {
      assets.push(...osm.assets);
      edges.push(...osm.edges);
      generated = osm.generated;
    }
    osmRoads = osm ? [...osm.town.streets] : null;
  } else {
    const xs = (s.assets ?? []).map((a) => a.position[0]);
    const zs = (s.assets ?? []).map((a) => a.position[1]);
    city = emptyCity([Math.max(1000, ...xs.map((x) => x + 100)), Math.max(1000, ...zs.map((z) => z + 100))]);
    if (s.city?.name) city = { ...city, name: s.city.name };
  }

  const generatedIds = new Set(assets.map((a) => a.id as string));
  (s.assets ?? []).forEach((a, i) => {
    if (generatedIds.has(a.id)) issues.push(issue(`assets[${i}].id`, `${quote(a.id)} is already the id of a generated asset`, 'choose another id'));
    if (a.vendor && !vendorIds.includes(a.vendor)) issues.push(unknownId(`assets[${i}].vendor`, 'vendor', a.vendor, vendorIds, 'vendors'));
    const v = vendors.find((x) => x.id === a.vendor);
    assets.push({
      id: assetId(a.id),
      kind: a.kind,
      subsystem: a.subsystem,
      name: a.name ?? a.id,
      position: a.position,
      vendor: v?.id ?? null,
      remoteAccess: a.remoteAccess ?? v?.remoteMaintenance ?? false,
      ...(a.firmware !== undefined ? { firmware: a.firmware } : {}),
      district: a.district ?? null,
      population: a.population ?? 0,
      critical: a.critical ?? false,
    });
  });
  dupes(
    (s.assets ?? []).map((a) => a.id),
    (i, id) => issues.push(issue(`assets[${i}].id`, `asset id ${quote(id)} is used twice`, 'give each asset its own id')),
  );

  const grid = compilePower(s, { assets, edges, generated, city, readFile: options.readFile, issues, gridOptions: osm?.town.grid });
  const cyber = compileCyber(s, {
    assets,
    edges,
    vendors,
    city,
    readFile: options.readFile,
    issues,
    cameraViews: osm?.town.cameraViews,
    geo: osm ?? undefined,
  });
  rememberCyberRefs(assets, cyber?.refs ?? null);
  // Every asset records the firmware it runs: its vendor's release unless the scenario says otherwise
  // (after the cyber layer, which may have banned vendors or imported cameras).
  assets.forEach((a, i) => {
    if (a.firmware !== undefined) return;
    const v = vendors.find((x) => x.id === a.vendor);
    assets[i] = { ...a, firmware: v ? firmwareOf(v) : null };
  });
  const roads = compileTraffic(s, { assets, city, issues, osmRoads, readFile: options.readFile });
  const cameraAnalytics = cyber ? new Map(cyber.input.cctv.cameras.map((c) => [c.asset, c.analytics.map((an) => an.kind)])) : null;
  const people = compilePopulation(s.population, {
    assets,
    city,
    cityPopulation: gen ? assets.reduce((n, a) => n + a.population, 0) : (osm?.town.population ?? 0),
    issues,
    cameraAnalytics,
    cameraRoles: osm?.town.cameraRoles,
  });
  const waterNet = compileWater(s, { assets, edges, generated, city, readFile: options.readFile, issues, streets: osm?.town.streets });
  const roadIds = roads ? [...new Set(roads.linkIds.map((id) => (id.endsWith(':r') ? id.slice(0, -2) : id)))] : [];

  const allIds = assets.map((a) => a.id as string);
  const known = new Set(allIds);
  const edgeIds = new Set(edges.map((e) => e.id as string));
  (s.dependencies ?? []).forEach((d, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!known.has(d[end])) issues.push(unknownId(`dependencies[${i}].${end}`, 'asset', d[end], allIds, 'asset ids'));
    }
    if (d.from === d.to) issues.push(issue(`dependencies[${i}]`, 'an asset cannot depend on itself', 'point "from" at the supplier'));
    if (d.backup && d.bufferMin !== undefined)
      issues.push(
        issue(
          `dependencies[${i}].bufferMin`,
          'give either "bufferMin" or "backup", not both',
          'a backup sets the buffer itself: UPS minutes plus generator fuel',
        ),
      );
    if (d.backup?.generator && d.backup.generator.startS > d.backup.upsMin * 60) {
      issues.push(
        issue(
          `dependencies[${i}].backup.generator.startS`,
          `the generator takes ${d.backup.generator.startS} s to start but the UPS lasts ${d.backup.upsMin} min, so the site would drop in between`,
          `give the UPS at least ${Math.ceil(d.backup.generator.startS / 60)} min, or a faster-starting generator`,
        ),
      );
    }
    const backup = d.backup
      ? {
          upsMs: Math.round(d.backup.upsMin * MINUTE),
          generatorStartMs: d.backup.generator ? Math.round(d.backup.generator.startS * 1000) : null,
          fuelMs: d.backup.generator ? Math.round(d.backup.generator.fuelH * HOUR) : null,
        }
      : null;
    let id = `${d.to}<-${d.from}`;
    for (let n = 2; edgeIds.has(id); n++) id = `${d.to}<-${d.from}#${n}`;
    edgeIds.add(id);
    edges.push({
      id: edgeId(id),
      from: assetId(d.from),
      to: assetId(d.to),
      kind: d.kind,
      resource: d.resource,
      bufferMs: backup ? backupBufferMs(backup) : Math.round((d.bufferMin ?? 0) * MINUTE),
      effect: d.effect ?? 'down',
      group: d.group ?? null,
      note: d.note ?? null,
      backup,
    });
  });

  const injectIds = (s.injects ?? []).map((x) => x.id);
  dupes(injectIds, (i, id) => issues.push(issue(`injects[${i}].id`, `inject id ${quote(id)} is used twice`, 'give each inject its own id')));
  const districts = [...new Set([...city.districts.map((d) => d.id), ...assets.map((a) => a.district).filter((d): d is string => d !== null)])];
  const kinds = [...new Set(assets.map((a) => a.kind))];
  const durationMs = parseDuration(s.duration ?? DEFAULT_DURATION) ?? 6 * HOUR;
  const exercise: ExerciseRefs = { injectIds, decisions: new Map((s.decisions ?? []).map((d) => [d.id, d.options.map((o) => o.id)])) };
  const refs = () => ({ population: people !== null, vendorIds, injectIds, known, allIds, districts, kinds, assets, roadIds, grid, exercise, water: waterNet });
  const seats = compileSeats(s.seats, issues);
  const injects: InjectSpec[] = (s.injects ?? []).map((inj, i) => {
    const atMs = inj.at !== undefined ? parseDuration(inj.at) : null;
    if (atMs !== null && atMs > durationMs)
      issues.push(
        issue(`injects[${i}].at`, `fires at ${inj.at}, after the scenario ends (${s.duration ?? DEFAULT_DURATION})`, 'move it earlier or lengthen "duration"'),
      );
    inj.commands.forEach((c, j) => checkCommand(c, `injects[${i}].commands[${j}]`, refs(), issues));
    const expected = compileExpected(inj.expected, `injects[${i}].expected`, issues);
    return {
      id: injectId(inj.id),
      atMs,
      title: inj.title,
      description: inj.description ?? '',
      attack: inj.attack ?? null,
      commands: inj.commands as Command[],
      expected,
      seat: checkSeatRef(inj.seat, `injects[${i}].seat`, seats, issues),
    };
  });
  const briefing = compileBriefing(s.briefing ?? [], { assetIds: known, durationMs }, issues);
  const decisions = compileDecisions(s.decisions ?? [], { injectIds, durationMs }, issues, (c, path) => checkCommand(c, path, refs(), issues)).map((d, i) => ({
    ...d,
    seat: checkSeatRef(s.decisions![i]!.seat, `decisions[${i}].seat`, seats, issues),
  }));

  return {
    input: {
      id: s.meta?.id ?? 'untitled',
      title: s.meta?.title ?? 'Untitled scenario',
      seed,
      durationMs,
      city,
      vendors,
      assets,
      edges,
      injects,
      decisions,
      briefing,
      seats,
      power: grid,
      cyber: cyber?.input ?? null,
      traffic: roads,
      water: waterNet?.input ?? null,
      population: people,
    },
    issues,
  };
}

interface RefContext {
  population: boolean;
  grid: PowerInput | null;
  water: WaterRefs | null;
  exercise: ExerciseRefs;
  vendorIds: string[];
  injectIds: string[];
  known: Set<string>;
  allIds: string[];
  districts: string[];
  kinds: string[];
  assets: AssetSpec[];
  /** Road ids traffic commands may close; empty without traffic. */
  roadIds: string[];
}

function checkCommand(c: ScenarioCommand, path: string, ctx: RefContext, issues: ScenarioIssue[]): void {
  switch (c.type) {
    case 'power.breaker':
    case 'power.protection':
    case 'power.telemetry':
    case 'power.load.disconnect':
    case 'power.generator.trip':
    case 'power.crew.dispatch':
      return checkPowerCommand(c, path, ctx.grid, issues);
    case 'water.sensor.spoof':
    case 'water.plc.logic':
    case 'water.link.deny':
    case 'water.dosing':
      return checkWaterCommand(c, path, ctx.water, issues);
    case 'inject.hold':
    case 'inject.release':
    case 'inject.skip':
    case 'inject.pressure':
    case 'decision.open':
    case 'decision.take':
    case 'note.add':
      return checkExerciseCommand(c, path, ctx.exercise, issues);
    case 'traffic.signal.plan':
      c.signals.forEach((id, k) => {
        const a = ctx.assets.find((x) => x.id === id);
        if (!a)
          issues.push(
            unknownId(
              `${path}.signals[${k}]`,
              'asset',
              id,
              ctx.assets.filter((x) => x.kind === 'traffic-signal').map((x) => x.id),
              'traffic signals',
            ),
          );
        else if (a.kind !== 'traffic-signal')
          issues.push(
            issue(`${path}.signals[${k}]`, `${quote(id)} is ${article(a.kind)}, not a traffic signal`, 'name traffic-signal assets, such as "signal-4-8"'),
          );
      });
      return;
    case 'traffic.link':
      if (ctx.roadIds.length === 0) issues.push(issue(path, 'this scenario has no traffic model', 'add a city with roads, or a "traffic" section'));
      else c.links.forEach((id, k) => !ctx.roadIds.includes(id) && issues.push(unknownId(`${path}.links[${k}]`, 'road', id, ctx.roadIds, 'road ids')));
      return;
    case 'privacy.anonymise':
    case 'privacy.attacker.acquire':
    case 'privacy.attacker.release':
      if (!ctx.population) issues.push(issue(path, 'this scenario has no synthetic population, so no personal datasets', 'add a "population" section'));
      return;
    case 'traffic.emergency.dispatch':
      for (const end of ['from', 'to'] as const) if (!ctx.known.has(c[end])) issues.push(unknownId(`${path}.${end}`, 'asset', c[end], ctx.allIds, 'asset ids'));
      return;
    case 'comms.isolate':
    case 'comms.vendor-access':
    case 'comms.manual':
    case 'cctv.view':
    case 'threat.campaign':
    case 'threat.exfiltrate':
    case 'threat.botnet':
    case 'threat.disclose':
    case 'threat.ransomware':
    case 'threat.reflash':
    case 'policy.set':
    case 'policy.vendor.ban':
      return checkCyberCommand(c, path, ctx, issues);
    case 'inject.fire':
      if (!ctx.injectIds.includes(c.inject)) issues.push(unknownId(`${path}.inject`, 'inject', c.inject, ctx.injectIds, 'injects'));
      return;
    case 'vendor.compromise':
      if (!ctx.vendorIds.includes(c.vendor)) issues.push(unknownId(`${path}.vendor`, 'vendor', c.vendor, ctx.vendorIds, 'vendors'));
      return;
    case 'asset.disable':
    case 'asset.restore':
    case 'asset.secure': {
      const t = c.targets;
      const p = `${path}.targets`;
      let bad = false;
      t.ids?.forEach((id, k) => {
        if (!ctx.known.has(id)) {
          bad = true;
          issues.push(unknownId(`${p}.ids[${k}]`, 'asset', id, ctx.allIds, 'asset ids'));
        }
      });
      if (t.vendor !== undefined && !ctx.vendorIds.includes(t.vendor)) {
        bad = true;
        issues.push(unknownId(`${p}.vendor`, 'vendor', t.vendor, ctx.vendorIds, 'vendors'));
      }
      if (t.district !== undefined && !ctx.districts.includes(t.district)) {
        bad = true;
        issues.push(unknownId(`${p}.district`, 'district', t.district, ctx.districts, 'districts'));
      }
      if (t.kind !== undefined && !ctx.kinds.includes(t.kind)) {
        bad = true;
        issues.push(issue(`${p}.kind`, `no asset of kind ${quote(t.kind)} in this scenario`, suggest(t.kind, ctx.kinds, 'kinds present')));
      }
      if (
        !bad &&
        !ctx.assets.some(
          (a) =>
            (!t.ids || t.ids.includes(a.id)) &&
            (t.kind === undefined || a.kind === t.kind) &&
            (t.vendor === undefined || a.vendor === t.vendor) &&
            (t.district === undefined || a.district === t.district),
        )
      ) {
        issues.push(issue(p, 'selects no asset', 'loosen the selector: the ids, kind, vendor and district must all match one asset'));
      }
      return;
    }
    default: {
      const never: never = c;
      return never;
    }
  }
}

function dupes(ids: readonly string[], report: (index: number, id: string) => void): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) report(i, id);
    seen.add(id);
  });
}
