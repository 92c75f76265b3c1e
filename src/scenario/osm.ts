/**
 * `"city": { "osm": "FILE.osm" }`: reads the OpenStreetMap extract the scenario references (relative
 * to the scenario file), builds the city from it, and gives its assets — signals, and the civic
 * places OSM maps (hospitals, police and fire stations, schools) — their vendors the way generated
 * assets get theirs (several vendors for one kind share the fleet in turn).
 */
import type { AssetSpec, CityModel, VendorSpec } from '../sim';
import { buildOsmCity, type OsmRoad } from './city/osm-city';
import { parseOsm } from './import/osm';
import { issue, quote, type ScenarioIssue } from './issues';
import { readReferenced, type ReadFile } from './referenced-file';

export function compileOsmCity(
  file: string,
  name: string | undefined,
  vendors: readonly VendorSpec[],
  readFile: ReadFile | undefined,
  issues: ScenarioIssue[],
): { city: CityModel; assets: AssetSpec[]; roads: OsmRoad[] } | null {
  const text = readReferenced(file, 'city.osm', readFile, issues);
  if (text === null) return null;
  const parsed = parseOsm(text, 'city.osm');
  if (!parsed.ok) {
    issues.push(...parsed.issues);
    return null;
  }
  const built = buildOsmCity(parsed.data, name ?? file.replace(/^.*[\\/]/, '').replace(/\.osm$/i, ''));
  if (built.roads.length === 0)
    issues.push(issue('city.osm', `${quote(file)} has no drivable roads`, 'export an area with streets (highway=residential, primary, ...)'));
  const counters = new Map<string, number>();
  const assets: AssetSpec[] = [...built.signals, ...built.places].map((a) => {
    const suppliers = vendors.filter((v) => v.supplies.includes(a.kind));
    const n = counters.get(a.kind) ?? 0;
    counters.set(a.kind, n + 1);
    const v = suppliers.length > 0 ? suppliers[n % suppliers.length]! : null;
    return { ...a, vendor: v?.id ?? null, remoteAccess: v?.remoteMaintenance ?? false };
  });
  return { city: built.city, assets, roads: built.roads };
}
