/**
 * The architecture as a check that fails: imports run one way (ui → worker → sim, scenario → sim,
 * cli → scenario and sim), subsystems meet only through sim/core, and the simulation stays free
 * of anything that would make a run differ between machines or need a browser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
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

/**
 * Every module a file depends on, by TypeScript's own scanner (so nothing in comments or strings):
 * `import`, `import type`, `export … from`, side-effect imports, dynamic `import()` and type-level
 * `import('…').T` alike. A type-only import is a dependency too: the types still have to be read in
 * order. Relative specifiers resolve as the bundler does: `./x` → x.ts, x.tsx, x/index.ts(x).
 */
function moduleDeps(file: string): string[] {
  const found = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
  const out = new Set<string>();
  for (const { fileName } of found) {
    if (!fileName.startsWith('.')) continue;
    const base = resolve(dirname(file), fileName);
    const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((c) => /\.tsx?$/.test(c) && existsSync(c));
    if (hit) out.add(hit);
  }
  return [...out].sort();
}

/** Strongly connected components of a graph (Tarjan), as lists of nodes. */
function stronglyConnected(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      out.push(scc);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/**
 * The import cycles of a graph as chains `a.ts → b.ts → a.ts`: in every strongly connected
 * component, a shortest cycle through each import not yet on a listed cycle, so that together the
 * chains show every import that keeps the component tangled.
 */
function importCycles(graph: Map<string, string[]>, name: (f: string) => string): string[] {
  const chains: string[] = [];
  for (const scc of stronglyConnected(graph)) {
    const inside = new Set(scc);
    const edges = scc.sort().flatMap((u) => (graph.get(u) ?? []).filter((v) => inside.has(v)).map((v) => [u, v] as const));
    if (edges.length === 0) continue;
    const covered = new Set<string>();
    for (const [u, v] of edges) {
      if (covered.has(`${u}\0${v}`)) continue;
      // Shortest path v → … → u inside the component, breadth first.
      const prev = new Map<string, string>([[v, v]]);
      const queue = [v];
      while (queue.length > 0 && !prev.has(u)) {
        const x = queue.shift()!;
        for (const y of graph.get(x) ?? []) if (inside.has(y) && !prev.has(y)) (prev.set(y, x), queue.push(y));
      }
      const cycle = [u];
      for (let x = u; x !== v; x = prev.get(x)!) cycle.splice(1, 0, x);
      cycle.splice(1, 0, v);
      for (let i = 0; i + 1 < cycle.length; i++) covered.add(`${cycle[i]}\0${cycle[i + 1]}`);
      chains.push(cycle.map(name).join(' → '));
    }
  }
  return chains;
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
  ui: (to) => to === 'ui' || to === 'worker' || to === 'sweep' || to === 'hosted' || to.startsWith('sim'),
  cli: (to) => to === 'cli' || to === 'scenario' || to === 'sweep' || to === 'serve' || to.startsWith('sim'),
  // The hosted exercise's messages, clock and permissions: plain data, shared by the server and the page.
  hosted: (to) => to === 'hosted' || to.startsWith('sim'),
  // `twin serve`: the built app's files and the hosted sessions (the scenario loader is handed in by the command line).
  serve: (to) => to === 'serve' || to === 'hosted' || to.startsWith('sim'),
  // A sweep's summary, statistics and plots: plain data and text, shared by the command line and the browser's sweep view.
  sweep: (to) => to === 'sweep',
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

  it('has no import cycles, type-only imports and folder index.ts barrels included', () => {
    const graph = new Map(all.map((f) => [f, moduleDeps(f)]));
    expect(importCycles(graph, (f) => relative(SRC, f).split(sep).join('/'))).toEqual([]);
  });

  it('gives every folder index.ts a module comment', () => {
    const missing = all.filter((f) => f.endsWith(`${sep}index.ts`) && !readFileSync(f, 'utf8').trimStart().startsWith('/**')).map((f) => relative(ROOT, f));
    expect(missing).toEqual([]);
  });
});
