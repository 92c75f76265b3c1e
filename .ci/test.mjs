#!/usr/bin/env node
/**
 * `npm test` after the formatting check: the type check and the unit tests on one side, the
 * browser tests on the other, at the same time. The browser tests spend much of their time waiting
 * on Chromium and on simulated time, so on two cores the unit tests fit in beside them; one Vitest
 * run would take the browser project's files (one at a time) only after every unit file.
 *
 * The unit side's output is shown as it comes; the browser side's is held back until the unit side
 * is done, then shown, so the two do not interleave. Exits non-zero if either side fails.
 * With CI set, each side writes its JSON results to .tmp/vitest-<side>.json (read by .ci/run).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const t0 = Date.now();
const secs = () => `${Math.round((Date.now() - t0) / 1000)} s`;

mkdirSync(join(root, '.tmp'), { recursive: true });
for (const side of ['unit', 'e2e']) rmSync(join(root, '.tmp', `vitest-${side}.json`), { force: true });
const vitestArgs = (side) => ['run', '--project', side, ...(process.env.CI ? [`--outputFile.json=.tmp/vitest-${side}.json`] : [])];
const env = { ...process.env, ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}) };

/**
 * Runs a command; `out` null shows its output as it comes, an array collects it; `nice` lowers its
 * priority (the browser tests play simulated time against the clock: they come first when the cores
 * are busy, and the unit tests take what is left). Resolves to its exit code.
 */
function run(cmd, args, out, nice = 0) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: out ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (nice && child.pid) {
      try {
        setPriority(child.pid, Math.min(19, (getPriority() ?? 0) + nice));
      } catch {
        // not permitted here: run at the same priority
      }
    }
    if (out) {
      child.stdout.on('data', (d) => out.push(d));
      child.stderr.on('data', (d) => out.push(d));
    }
    child.on('error', (e) => {
      (out ?? []).push(Buffer.from(`${cmd}: ${e.message}\n`));
      if (!out) console.error(`${cmd}: ${e.message}`);
      done(1);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

// The browser side starts first: its Vite build and Chromium start overlap the type check.
const e2eOut = [];
let e2eLive = false;
const e2e = run(bin('vitest'), vitestArgs('e2e'), { push: (chunk) => (e2eLive ? process.stdout.write(chunk) : e2eOut.push(chunk)) });

const tsc = await run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'], null, 5);
const unit = tsc === 0 ? await run(bin('vitest'), vitestArgs('unit'), null, 5) : 1;
const unitAt = secs();
if (tsc !== 0) console.error('\ntest: the type check failed; unit tests not run.');

console.log(`\n── browser tests (e2e)${e2eOut.length ? '' : ', still running'} ──`);
for (const chunk of e2eOut.splice(0)) process.stdout.write(chunk);
e2eLive = true;
const browser = await e2e;

const word = (code) => (code === 0 ? 'passed' : 'FAILED');
console.log(`\ntest: type check ${word(tsc)}, unit ${tsc === 0 ? word(unit) : 'not run'} (done at ${unitAt}), e2e ${word(browser)}; ${secs()} in all`);
process.exit(tsc === 0 && unit === 0 && browser === 0 ? 0 : 1);
