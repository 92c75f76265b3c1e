/**
 * Where the worker gets scenario text: the JSON files shipped in scenarios/, bundled as lazy raw
 * chunks so only the chosen one is fetched, and data files they reference (OSM, EPANET .inp,
 * MATPOWER .m) from the same folder or from the project's assets/ (assets/README.md), fetched
 * only when a scenario asks for them. Everything comes from the app's own origin.
 */
import type { ScenarioIssue } from './protocol';

const SCENARIO_FILES = import.meta.glob<string>(['../../scenarios/*.json', '!../../scenarios/*.schema.json'], { query: '?raw', import: 'default' });
const DATA_FILES = import.meta.glob<string>(['../../scenarios/**/*', '!../../scenarios/**/*.json', '../../assets/**/*', '!../../assets/**/*.md'], {
  query: '?raw',
  import: 'default',
});
/** Folders (from the project's root) a shipped scenario's data files may come from. */
const DATA_ROOTS = ['scenarios/', 'assets/'];
const ROOT = '../../';

const PREFIX = '../../scenarios/';
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;

/** Names of the shipped scenarios ("default", ...), sorted. */
export function scenarioNames(): string[] {
  return Object.keys(SCENARIO_FILES)
    .map((k) => k.slice(PREFIX.length).replace(/\.json$/, ''))
    .sort();
}

export type SourceResult = { ok: true; fileName: string; text: string } | { ok: false; issues: ScenarioIssue[] };

/** Fetches a shipped scenario by name, or explains which names exist. */
export async function fetchScenario(name: string): Promise<SourceResult> {
  const names = scenarioNames();
  const available = names.length > 0 ? `available: ${names.join(', ')}` : 'no scenarios are bundled with this build';
  if (!NAME_RE.test(name)) {
    return {
      ok: false,
      issues: [{ path: 'scenario', message: `"${name.slice(0, 80)}" is not a valid scenario name`, hint: `use letters, digits, "-" or "_"; ${available}` }],
    };
  }
  const load = SCENARIO_FILES[`${PREFIX}${name}.json`];
  if (!load) {
    return {
      ok: false,
      issues: [{ path: 'scenario', message: `there is no shipped scenario named "${name}"`, hint: `choose one with ?scenario=NAME; ${available}` }],
    };
  }
  return { ok: true, fileName: `${name}.json`, text: await load() };
}

/**
 * Resolves a path relative to scenarios/ to one from the project's root ("assets/osm/x.osm"),
 * without letting it leave scenarios/ and assets/; null when it would.
 */
export function resolveDataPath(relPath: string): string | null {
  const parts: string[] = ['scenarios'];
  for (const seg of relPath.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  if (parts.length < 2) return null;
  const p = parts.join('/');
  return DATA_ROOTS.some((r) => p.startsWith(r)) ? p : null;
}

/** Cache of data files fetched so far, keyed by their path from the project's root. */
const dataCache = new Map<string, string>();

/** A synchronous reader over what has been fetched, recording the paths it was asked for. */
export function dataReader(): { readFile: (relPath: string) => string | null; missing: Set<string> } {
  const missing = new Set<string>();
  return {
    missing,
    readFile: (relPath) => {
      const p = resolveDataPath(relPath);
      if (p === null) return null;
      const hit = dataCache.get(p);
      if (hit !== undefined) return hit;
      if (DATA_FILES[`${ROOT}${p}`]) missing.add(p);
      return null;
    },
  };
}

/** Fetches data files a load asked for; returns whether any new file arrived (worth a retry). */
export async function fetchDataFiles(paths: Iterable<string>): Promise<boolean> {
  let any = false;
  for (const p of paths) {
    const load = DATA_FILES[`${ROOT}${p}`];
    if (!load || dataCache.has(p)) continue;
    dataCache.set(p, await load());
    any = true;
  }
  return any;
}
