/**
 * The architecture as a check that fails: imports run one way (ui → worker → sim, scenario → sim,
 * cli → scenario and sim), subsystems meet only through sim/core, and the simulation stays free
 * of anything that would make a run differ between machines or need a browser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

const IMPORT_RE =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"]([^'"]+\.tsx?)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function imports(file: string): { spec: string; target: string | null }[] {
  const text = readFileSync(file, 'utf8');
  const out: { spec: string; target: string | null }[] = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4]!;
    out.push({ spec, target: spec.startsWith('.') ? resolve(dirname(file), spec) : null });
  }
  return out;
}

/** Top-level area of a path under src: sim/<part>, scenario, worker, ui, cli. */
function area(p: string): string {
  const parts = relative(SRC, p).split(sep);
  if (parts[0] !== 'sim') return parts[0]!;
  const folder = parts.length > 2 || (parts.length === 2 && isDir(join(SRC, 'sim', parts[1]!)));
  return folder ? `sim/${parts[1]}` : 'sim';
}

const SUBSYSTEMS = ['power', 'water', 'traffic', 'cctv', 'comms', 'population'];
const ALLOWED: Record<string, (to: string) => boolean> = {
  'sim/core': (to) => to === 'sim/core',
  'sim/threats': (to) => to.startsWith('sim/'),
  'sim/analysis': (to) => to.startsWith('sim/'),
  'sim/exercise': (to) => to.startsWith('sim/'),
  // The joins between subsystems (camera sightings, travel on the road network, the cyber layer).
  'sim/couplings': (to) => to.startsWith('sim/'),
  sim: (to) => to.startsWith('sim'),
  scenario: (to) => to === 'scenario' || to.startsWith('sim'),
  worker: (to) => to === 'worker' || to === 'scenario' || to.startsWith('sim'),
  ui: (to) => to === 'ui' || to === 'worker' || to.startsWith('sim'),
  cli: (to) => to === 'cli' || to === 'scenario' || to.startsWith('sim'),
};
for (const s of SUBSYSTEMS) ALLOWED[`sim/${s}`] = (to) => to === `sim/${s}` || to === 'sim/core';

describe('architecture', () => {
  const all = files(SRC);

  it('keeps imports flowing one way between layers and subsystems', () => {
    const bad: string[] = [];
    for (const f of all) {
      const from = area(f);
      const rule = ALLOWED[from];
      for (const { spec, target } of imports(f)) {
        if (!target) continue;
        const to = area(target.startsWith(SRC) ? target : join(SRC, '..'));
        if (!target.startsWith(SRC) || !rule || !rule(to)) bad.push(`${relative(ROOT, f)} (${from}) imports ${spec} (${to})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('lets threats, analysis, exercise, couplings and the sim root reach subsystems only through their index.ts', () => {
    const bad: string[] = [];
    const outsideSubsystems = (x: string) => /sim[\\/](threats|analysis|exercise|couplings)[\\/]/.test(x) || area(x) === 'sim';
    for (const f of all.filter(outsideSubsystems)) {
      for (const { spec, target } of imports(f)) {
        if (!target) continue;
        const to = area(target);
        if (SUBSYSTEMS.some((s) => to === `sim/${s}`) && !/[\\/](power|water|traffic|cctv|comms|population)(?:[\\/]index)?$/.test(target))
          bad.push(`${relative(ROOT, f)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps the simulation free of the DOM, React, three, fetch, Date and Math.random', () => {
    const bad: string[] = [];
    for (const f of all.filter((x) => x.startsWith(join(SRC, 'sim')))) {
      const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      // The one package the simulation may load: EPANET (epanet-js), and only inside the water subsystem.
      for (const { spec, target } of imports(f))
        if (!target && !(spec === 'epanet-js' && area(f) === 'sim/water')) bad.push(`${relative(ROOT, f)} imports package ${spec}`);
      for (const banned of [/Math\.random/, /\bDate\b/, /\bfetch\(/, /\bdocument\./, /\bwindow\./, /\bperformance\./, /\bsetTimeout\(/, /\bprocess\./]) {
        if (banned.test(text)) bad.push(`${relative(ROOT, f)} uses ${banned.source}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps zod and the scenario loader out of the UI bundle (they run in the worker)', () => {
    const bad = all
      .filter((f) => area(f) === 'ui')
      .flatMap((f) =>
        imports(f)
          .filter((i) => i.spec === 'zod' || (i.target && area(i.target) === 'scenario'))
          .map((i) => `${relative(ROOT, f)} imports ${i.spec}`),
      );
    expect(bad).toEqual([]);
  });

  it('gives every folder index.ts a module comment', () => {
    const missing = all.filter((f) => f.endsWith(`${sep}index.ts`) && !readFileSync(f, 'utf8').trimStart().startsWith('/**')).map((f) => relative(ROOT, f));
    expect(missing).toEqual([]);
  });
});
