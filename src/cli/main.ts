/**
 * The `twin` command line: validate and run scenarios headless, and measure the simulation.
 * Exit codes: 0 success, 1 invalid scenario, 2 usage error, 3 internal error.
 */
import { fileURLToPath } from 'node:url';
import { UsageError } from './args';
import { quote } from '../scenario';
import { loadWaterEngine } from '../sim';
import { validateCommand } from './validate';
import { runCommand } from './run';
import { benchCommand } from './bench';
import { importCommand } from './import';
import { reportCommand } from './report';

const USAGE = `usage: twin <command> [options]

commands:
  validate FILE...                     check scenario files; one line per problem
  run FILE [--until DURATION] [--seed N] [--format json|md] [--out PATH]
                                       run a scenario headless and print a report
  report SESSION [--out report.html] [--format html|md|json]
                                       rebuild a saved session and write its after-action report
  bench [--out PATH]                   measure speed and memory; prints JSON
  import osm FILE.osm --out SCENARIO.json [--name NAME]
                                       make a scenario of an OpenStreetMap extract

DURATION is like 90s, 30m, 6h or 2d.`;

export function main(
  argv: readonly string[],
  out: (s: string) => void = (s) => void process.stdout.write(`${s}\n`),
  err: (s: string) => void = (s) => void process.stderr.write(`${s}\n`),
): number {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'validate':
        return validateCommand(rest, out, err);
      case 'run':
        return runCommand(rest, out, err);
      case 'bench':
        return benchCommand(rest, out, err);
      case 'import':
        return importCommand(rest, out, err);
      case 'report':
        return reportCommand(rest, out, err);
      case 'help':
      case '--help':
      case '-h':
        out(USAGE);
        return 0;
      default:
        err(cmd ? `twin: unknown command ${quote(cmd)}\n\n${USAGE}` : USAGE);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`twin: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    err(`twin: internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.TWIN_DEBUG) err(e instanceof Error ? (e.stack ?? '') : '');
    else err('(set TWIN_DEBUG=1 to see where; please report it with the scenario file)');
    return 3;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // EPANET (WASM) loads asynchronously; load it once up front so every command can run water networks.
  loadWaterEngine().then(
    () => (process.exitCode = main(process.argv.slice(2))),
    (e: unknown) => {
      process.stderr.write(`twin: could not load the EPANET engine: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
