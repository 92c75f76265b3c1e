/**
 * The `twin` command line: validate and run scenarios headless, and measure the simulation.
 * Exit codes: 0 success, 1 a problem with the files named (an invalid scenario, a file that may not
 * be read, an --out folder that does not exist), 2 usage error, 3 internal error.
 */
import { fileURLToPath } from 'node:url';
import { UsageError, UserError } from './args';
import { quote } from '../scenario';
import { loadWaterEngine, water } from '../sim';
import { COMMAND_USAGE, isCommand, USAGE } from './usage';
import { validateCommand } from './validate';
import { runCommand } from './run';
import { benchCommand } from './bench';
import { importCommand } from './import';
import { reportCommand } from './report';
import { sweepCommand, workerCommand } from './sweep/command';
import { serveCommand } from './serve';

export function main(
  argv: readonly string[],
  out: (s: string) => void = (s) => void process.stdout.write(`${s}\n`),
  err: (s: string) => void = (s) => void process.stderr.write(`${s}\n`),
): number | Promise<number> {
  const [cmd, ...rest] = argv;
  // `twin run --help`, and `twin help run`: a command's own page, before any other argument is checked.
  if (isCommand(cmd) && (rest.includes('--help') || rest.includes('-h'))) {
    out(COMMAND_USAGE[cmd]);
    return 0;
  }
  try {
    switch (cmd) {
      case 'validate':
        return validateCommand(rest, out, err);
      case 'run':
        return runCommand(rest, out, err);
      case 'bench':
        return benchCommand(rest, out, err).catch((e: unknown) => failure(e, cmd, err));
      case 'import':
        return importCommand(rest, out, err);
      case 'report':
        return reportCommand(rest, out, err);
      case 'sweep':
        return sweepCommand(rest, out, err).catch((e: unknown) => failure(e, cmd, err));
      case 'worker':
        return workerCommand(rest, out, err).catch((e: unknown) => failure(e, cmd, err));
      case 'serve':
        return serveCommand(rest, out, err).catch((e: unknown) => failure(e, cmd, err));
      case 'help':
      case '--help':
      case '-h':
        out(isCommand(rest[0]) ? COMMAND_USAGE[rest[0]] : USAGE);
        return 0;
      default:
        err(cmd ? `twin: unknown command ${quote(cmd)}\n\n${USAGE}` : USAGE);
        return 2;
    }
  } catch (e) {
    return failure(e, cmd, err);
  }
}

/** A thrown problem as an exit code and a plain message: usage (2), the user's files (1), anything else internal (3). */
function failure(e: unknown, cmd: string | undefined, err: (s: string) => void): number {
  if (e instanceof UsageError) {
    err(`twin: ${e.message}\n\n${isCommand(cmd) ? COMMAND_USAGE[cmd] : USAGE}`);
    return 2;
  }
  if (e instanceof UserError) {
    err(`twin: ${e.message}`);
    return 1;
  }
  // Validation opens every network in EPANET first, so this should not happen; if a file still
  // fails to open at run time, it is the file's problem, said as such, not a crash to report.
  if (e instanceof water.WaterModelError) {
    err(`twin: the water network could not be opened: ${e.message}`);
    return 1;
  }
  err(`twin: internal error: ${e instanceof Error ? e.message : String(e)}`);
  if (process.env.TWIN_DEBUG) err(e instanceof Error ? (e.stack ?? '') : '');
  else err('(set TWIN_DEBUG=1 to see where; please report it with the scenario file)');
  return 3;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // EPANET (WASM) loads asynchronously; load it once up front so every command can run water networks.
  loadWaterEngine().then(
    async () => {
      process.exitCode = await main(process.argv.slice(2));
      // A sweep's or worker's Redis connections and threads are closed by now; nothing else should keep the process.
      if (process.argv[2] === 'sweep' || process.argv[2] === 'worker' || process.argv[2] === 'bench') process.exit();
    },
    (e: unknown) => {
      process.stderr.write(`twin: could not load the EPANET engine: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
