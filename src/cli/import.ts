/**
 * `twin import osm FILE.osm --out SCENARIO.json [--name NAME]`: checks an OpenStreetMap extract,
 * prints what the city will hold (buildings, roads, signals, civic places) and what was cleaned
 * or dropped, and writes a scenario that references
 * the file (by a path relative to the scenario) with city traffic demand. Exit 1 when the file
 * cannot be used, with the problem and how to fix it.
 */
import { basename, dirname, relative, resolve } from 'node:path';
import { buildOsmCity, formatIssue, parseOsm, quote } from '../scenario';
import { describeSignalNodes } from '../scenario/city/osm-signals';
import { UsageError, parseArgs } from './args';
import { checkOutput, writeOutput } from './files';
import { readTextFile } from './safe-read';

export function importCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const [kind, ...rest] = argv;
  if (kind !== 'osm') throw new UsageError(kind ? `cannot import ${quote(kind)} (only: osm)` : 'import needs a kind: osm');
  const { positionals, options } = parseArgs(rest, ['out', 'name']);
  if (positionals.length !== 1) throw new UsageError('import osm needs exactly one .osm file');
  if (!options.out) throw new UsageError('import osm needs --out SCENARIO.json');
  checkOutput(options.out);
  const file = positionals[0]!;
  const read = readTextFile(file, { roots: [] });
  if (!read.ok) {
    err(`${file}: cannot read it: ${read.why} (${read.hint})`);
    return 1;
  }
  const parsed = parseOsm(read.text, file);
  if (!parsed.ok) {
    for (const i of parsed.issues) err(formatIssue(i));
    return 1;
  }
  const name = options.name ?? basename(file).replace(/\.osm$/i, '');
  const built = buildOsmCity(parsed.data, name);
  if (built.roads.length === 0) {
    err(`${file}: no drivable roads (highway=residential, primary, ...) in the extract; export an area with streets`);
    return 1;
  }
  const outPath = resolve(options.out);
  const rel = relative(dirname(outPath), resolve(file)).split('\\').join('/');
  const id =
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'osm-city';
  const scenario = {
    $schema: './scenario.schema.json',
    version: 1,
    meta: {
      id,
      title: `${name} (OpenStreetMap)`,
      summary: `Buildings, roads and signals of ${name} from OpenStreetMap. Map data © OpenStreetMap contributors (ODbL).`,
    },
    seed: 1,
    duration: '2h',
    city: { name, osm: rel },
    traffic: { demand: { city: { peakTripsPerHour: 600, startClock: '07:30' } } },
  };
  writeOutput(outPath, `${JSON.stringify(scenario, null, 2)}\n`);
  const s = built.stats;
  const kinds = [...new Set(built.places.map((p) => p.kind))].sort();
  const places = kinds.map((k) => `${built.places.filter((p) => p.kind === k).length} ${k}`).join(', ');
  out(
    `${file}: ${s.buildings} buildings, ${s.roadWays} drivable ways → ${s.links} road links, ${built.signals.length} signalised junctions, civic places: ${places || 'none'}`,
  );
  out(
    `  cleaned: ${s.duplicateNodes} duplicate node(s) snapped together, ${s.mergedJunctions} junction(s) merged across very short pieces, ${s.waysCut} way(s) cut where they leave the extract, ${s.droppedDisconnected} piece(s) not connected to the main network dropped`,
  );
  out(`  signals: ${describeSignalNodes(built.signalNodes)}`);
  out(`wrote ${options.out} (city.osm = "${rel}"); © OpenStreetMap contributors`);
  return 0;
}
