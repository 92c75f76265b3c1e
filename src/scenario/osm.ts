/**
 * `"city": { "osm": "FILE.osm" }`: reads the OpenStreetMap extract the scenario references (relative
 * to the scenario file) and builds the town from it (city/osm-town.ts): what OSM maps, and — unless
 * `"infrastructure": false` — what it lacks, laid out by the generated city's rules and marked
 * synthetic. Assets get their vendors the way generated assets do (vendors.ts).
 */
import type { AssetSpec, CityModel, EdgeSpec, VendorSpec } from '../sim';
import type { GeneratedAsset } from './city/infrastructure';
import { buildOsmCity } from './city/osm-city';
import { buildOsmTown, type OsmTown } from './city/osm-town';
import { parseOsm } from './import/osm';
import { issue, quote, type ScenarioIssue } from './issues';
import { readReferenced, type ReadFile } from './referenced-file';
import { assignVendors } from './vendors';

export interface OsmSection {
  readonly osm: string;
  readonly name?: string;
  readonly infrastructure?: boolean;
  readonly population?: number;
}

export interface CompiledOsmCity {
  readonly city: CityModel;
  readonly assets: AssetSpec[];
  readonly edges: EdgeSpec[];
  /** The town's assets before vendors, for the grid and water builders. */
  readonly generated: readonly GeneratedAsset[];
  readonly town: OsmTown;
  /** Ground coordinates (x east, z south, metres) of a latitude and longitude, by the extract's own projection. */
  readonly project: (lat: number, lon: number) => [number, number];
  /** Whether a ground point lies in the imported area. */
  readonly inside: (p: readonly [number, number]) => boolean;
}

export function compileOsmCity(c: OsmSection, vendors: readonly VendorSpec[], readFile: ReadFile | undefined, issues: ScenarioIssue[]): CompiledOsmCity | null {
  const file = c.osm;
  const text = readReferenced(file, 'city.osm', readFile, issues);
  if (text === null) return null;
  const parsed = parseOsm(text, 'city.osm');
  if (!parsed.ok) {
    issues.push(...parsed.issues);
    return null;
  }
  const name = c.name ?? file.replace(/^.*[\\/]/, '').replace(/\.osm$/i, '');
  const built = buildOsmCity(parsed.data, name);
  if (built.roads.length === 0) {
    issues.push(issue('city.osm', `${quote(file)} has no drivable roads`, 'export an area with streets (highway=residential, primary, ...)'));
    return null;
  }
  const town = buildOsmTown(parsed.data, built, {
    name,
    infrastructure: c.infrastructure ?? true,
    ...(c.population !== undefined ? { residents: c.population } : {}),
    remoteVendors: vendors.filter((v) => v.remoteMaintenance).map((v) => v.id as string),
  });
  const { project, inside } = built.frame;
  return {
    city: town.city,
    assets: assignVendors(town.assets, vendors),
    edges: town.edges,
    generated: town.assets,
    town,
    project: (lat, lon) => project({ lat, lon, tags: null }),
    inside,
  };
}
