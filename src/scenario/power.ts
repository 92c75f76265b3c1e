/**
 * The scenario's grid: a MATPOWER case referenced by the file (parsed, never executed), or the
 * generated city's grid. Buses of a case that no asset stands for become assets of kind
 * "power-bus", laid out on a circle, so they can be seen, inspected and targeted like the rest.
 */
import { assetId, power, type AssetSpec, type CityModel, type EdgeSpec, type PowerInput } from '../sim';
import { makeCityGrid, type GridOptions } from './city/grid';
import type { GeneratedAsset } from './city/infrastructure';
import { issue, quote, suggest, unknownId, type ScenarioIssue } from './issues';
import { readReferenced, type ReadFile } from './referenced-file';
import { parseMatpower } from './import/matpower';
import type { Scenario } from './schema';

export interface PowerContext {
  readonly assets: AssetSpec[];
  readonly edges: readonly EdgeSpec[];
  readonly generated: readonly GeneratedAsset[];
  readonly city: CityModel;
  readonly readFile: ReadFile | undefined;
  readonly issues: ScenarioIssue[];
  /** What a town from OpenStreetMap maps of its grid: lines, industry, power stations. */
  readonly gridOptions?: GridOptions | undefined;
}

export function compilePower(s: Scenario, ctx: PowerContext): PowerInput | null {
  const p = s.power;
  let grid: PowerInput | null = null;
  if (p?.matpower !== undefined) grid = fromMatpower(p.matpower, s, ctx);
  else if (p?.generate !== false && ctx.generated.some((a) => a.kind === 'grid-supply-point')) {
    grid = makeCityGrid(ctx.generated, ctx.edges, [ctx.city.sizeM[0] / 2, ctx.city.sizeM[1] / 2], ctx.gridOptions);
  } else if (p?.generate === true) {
    ctx.issues.push(
      issue(
        'power.generate',
        'there is no generated city infrastructure to build a grid for',
        'add "city": { "generator": {} } or reference a MATPOWER case with "matpower"',
      ),
    );
  }
  if (!grid) {
    if (p?.buses) ctx.issues.push(issue('power.buses', 'bus settings need a grid', 'reference a MATPOWER case with "matpower"'));
    return null;
  }
  const prot = p?.protection;
  return {
    ...grid,
    relay: { curve: prot?.curve ?? grid.relay.curve, tms: prot?.tms ?? grid.relay.tms, pickup: prot?.pickup ?? grid.relay.pickup },
    protection: prot?.enabled ?? true,
    manualRestoreMin: p?.restoration?.manualMin ?? grid.manualRestoreMin,
    remoteRestoreMin: p?.restoration?.remoteMin ?? grid.remoteRestoreMin,
  };
}

function fromMatpower(file: string, s: Scenario, ctx: PowerContext): PowerInput | null {
  const text = readReferenced(file, 'power.matpower', ctx.readFile, ctx.issues);
  if (text === null) return null;
  const parsed = parseMatpower(text, { fileName: file, path: 'power.matpower' });
  if (!parsed.ok) {
    ctx.issues.push(...parsed.issues);
    return null;
  }
  const net = parsed.network;
  const busIds = parsed.busIds.map(String);
  const busAsset: (string | null)[] = busIds.map(() => null);
  const known = new Set(ctx.assets.map((a) => a.id as string));
  (s.power?.buses ?? []).forEach((b, k) => {
    const i = busIds.indexOf(String(b.id));
    if (i < 0) {
      ctx.issues.push(issue(`power.buses[${k}].id`, `the case has no bus ${String(b.id)}`, suggest(String(b.id), busIds, 'buses')));
      return;
    }
    if (b.asset !== undefined) {
      if (!known.has(b.asset)) ctx.issues.push(unknownId(`power.buses[${k}].asset`, 'asset', b.asset, [...known], 'asset ids'));
      else busAsset[i] = b.asset;
    }
    const pd = net.buses.pdMW[i]!;
    const crit = b.criticalMW ?? net.buses.criticalMW[i]!;
    const def = b.deferrableMW ?? net.buses.deferrableMW[i]!;
    if (crit + def > pd + 1e-9)
      ctx.issues.push(
        issue(`power.buses[${k}]`, `critical (${crit} MW) and deferrable (${def} MW) load exceed the bus's ${pd} MW`, 'lower them so they fit within the load'),
      );
    net.buses.criticalMW[i] = crit;
    net.buses.deferrableMW[i] = def;
  });
  // Buses no asset stands for become "power-bus" assets on a circle around the city centre.
  const [w, h] = ctx.city.sizeM;
  const r = Math.min(w, h) * 0.35;
  busIds.forEach((id, i) => {
    if (busAsset[i] !== null) return;
    const a = (2 * Math.PI * i) / busIds.length;
    const aid = `bus-${id}`;
    if (known.has(aid)) {
      ctx.issues.push(issue('power.matpower', `asset id ${quote(aid)} for bus ${id} is taken`, 'rename that asset, or map the bus to it in "power.buses"'));
      return;
    }
    ctx.assets.push({
      id: assetId(aid),
      kind: 'power-bus',
      subsystem: 'power',
      name: `Bus ${id}`,
      position: [Math.round(w / 2 + r * Math.cos(a)), Math.round(h / 2 + r * Math.sin(a))],
      vendor: null,
      remoteAccess: false,
      district: null,
      population: 0,
      critical: false,
    });
    busAsset[i] = aid;
  });
  return {
    network: net,
    busIds,
    branchIds: parsed.branchIds.map(String),
    genIds: parsed.genIds.map(String),
    busAsset,
    relay: { ...power.DEFAULT_RELAY },
    protection: true,
    manualRestoreMin: 60,
    remoteRestoreMin: 2,
  };
}
