/**
 * All problems at once, even when the schema refuses the file. The cross-reference checks (an
 * unknown vendor, asset or inject) run on a scenario the schema has accepted, so a misspelt key
 * used to hide them until it was fixed and the file validated again. Here the refused document is
 * mended just enough for those checks to run — a misspelt key is read as the key it resembles,
 * another unknown key is dropped, a value the schema refused is left out where it is optional — and
 * what the checks then find is added to the schema's own issues. Nothing mended is ever run: this
 * only finds more to report. Where mending would change what the rest of the file means (a
 * required field, a list item, a top-level setting such as the duration), it gives up and the
 * schema's issues stand alone, as before.
 */
import type { z } from 'zod';
import { compileScenario, type CompileOptions } from './compile';
import { formatPath, keysAt, nearest, type ScenarioIssue } from './issues';
import { scenarioSchema } from './schema';

/** Enough rounds for a key fixed in one to reveal a wrong value in the next; real files need two. */
const MAX_ROUNDS = 6;

interface Mended {
  /** The mended scenario, or null where mending gave up. */
  readonly data: z.output<typeof scenarioSchema> | null;
  /** Paths left out of the mended document: what the checks find under them is not the author's. */
  readonly dropped: readonly string[];
  /** Paths a misspelt key was read as. */
  readonly renamed: readonly string[];
}

/**
 * The schema's issues for `data`, and what the reference checks find once it is mended. A
 * "missing required field" that an unknown key's "did you mean" already names is left out: one
 * mistake, one line.
 */
export function issuesAtOnce(data: unknown, schemaIssues: readonly ScenarioIssue[], options: CompileOptions): ScenarioIssue[] {
  const mended = mend(data);
  const shown = schemaIssues.filter((i) => !(mended.renamed.includes(i.path) && i.message.startsWith('missing required field')));
  if (!mended.data) return shown;
  const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`);
  const said = new Set(shown.map((i) => `${i.path}\n${i.message}`));
  const more = compileScenario(mended.data, options).issues.filter(
    (i) => !mended.dropped.some((d) => under(i.path, d)) && !said.has(`${i.path}\n${i.message}`),
  );
  return [...shown, ...more];
}

function mend(data: unknown): Mended {
  const dropped: string[] = [];
  const renamed: string[] = [];
  const giveUp = { data: null, dropped, renamed };
  let doc: unknown;
  try {
    doc = structuredClone(data);
  } catch {
    return giveUp;
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const r = scenarioSchema.safeParse(doc);
    if (r.success) return { data: r.data, dropped, renamed };
    const unknown = r.error.issues.filter((i) => i.code === 'unrecognized_keys');
    if (unknown.length > 0) {
      // Keys first: a misspelt required key read as itself makes its "missing" issue go away.
      for (const i of unknown) {
        const obj = valueAt(doc, i.path) as Record<string, unknown>;
        const allowed = keysAt(scenarioSchema, doc, i.path);
        for (const k of i.keys) {
          const target = nearest(k, allowed);
          const v = obj[k];
          delete obj[k];
          if (target !== null && obj[target] === undefined) {
            obj[target] = v;
            renamed.push(formatPath([...i.path, target]));
          } else dropped.push(formatPath([...i.path, k]));
        }
      }
      continue;
    }
    for (const i of r.error.issues) {
      const key = i.path[i.path.length - 1];
      const parent = valueAt(doc, i.path.slice(0, -1));
      if (i.path.length < 2 || typeof key !== 'string' || parent === null || typeof parent !== 'object' || Array.isArray(parent) || !(key in parent))
        return giveUp;
      delete (parent as Record<string, unknown>)[key];
      dropped.push(formatPath(i.path));
    }
  }
  return giveUp;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let d = data;
  for (const p of path) d = d && typeof d === 'object' ? (d as Record<PropertyKey, unknown>)[p] : undefined;
  return d;
}
