/**
 * `twin import osm FILE.osm --out SCENARIO.json [--name NAME] [--no-infrastructure]`: imports an
 * OpenStreetMap extract as a whole twin (src/scenario/osm-import.ts), prints what the town holds —
 * kind by kind, from OpenStreetMap and synthesised — and what was cleaned or dropped, and writes a
 * scenario that references the file (by a path relative to the scenario), with vendors, an inject
 * and a decision. Exit 1 when the file cannot be used, with the problem and how to fix it.
 */
import { basename, dirname, relative, resolve } from 'node:path';
import { formatIssue, quote } from '../scenario';
import { importOsm } from '../scenario/osm-import';
import { UsageError, parseArgs } from './args';
import { checkOutput, writeOutput } from './files';
import { readTextFile } from './safe-read';

export function importCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const [kind, ...rest] = argv;
  if (kind !== 'osm') throw new UsageError(kind ? `cannot import ${quote(kind)} (only: osm)` : 'import needs a kind: osm');
  const { positionals, options } = parseArgs(rest, ['out', 'name'], ['no-infrastructure']);
  if (positionals.length !== 1) throw new UsageError('import osm needs exactly one .osm file');
  if (!options.out) throw new UsageError('import osm needs --out SCENARIO.json');
  checkOutput(options.out);
  const file = positionals[0]!;
  const read = readTextFile(file, { roots: [] });
  if (!read.ok) {
    err(`${file}: cannot read it: ${read.why} (${read.hint})`);
    return 1;
  }
  const outPath = resolve(options.out);
  const rel = relative(dirname(outPath), resolve(file)).split('\\').join('/');
  const r = importOsm(read.text, {
    fileName: file,
    osmPath: rel,
    name: options.name ?? basename(file).replace(/\.osm$/i, ''),
    infrastructure: options['no-infrastructure'] !== 'true',
  });
  if (!r.ok) {
    for (const i of r.issues) err(formatIssue(i));
    return 1;
  }
  writeOutput(outPath, `${JSON.stringify(r.scenario, null, 2)}\n`);
  for (const line of r.report) out(line);
  out(`wrote ${options.out} (city.osm = "${rel}"); © OpenStreetMap contributors`);
  return 0;
}
