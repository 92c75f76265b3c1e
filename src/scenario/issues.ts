/**
 * Problems in a scenario file as values: where (a JSON path such as `injects[0].commands[1].vendor`),
 * what was expected, and a hint on how to fix it. zod's issues are translated here into sentences
 * a scenario author can act on; nothing a user types ever produces a stack trace.
 */
import type { z } from 'zod';

export interface ScenarioIssue {
  readonly path: string;
  readonly message: string;
  readonly hint: string;
}

export const issue = (path: string, message: string, hint: string): ScenarioIssue => ({ path, message, hint });

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(top level)';
}

export function formatIssue(i: ScenarioIssue): string {
  return `${i.path}: ${i.message}${i.hint ? ` (${i.hint})` : ''}`;
}

/** Edit distance, for "did you mean" hints on misspelt keys and ids. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** "did you mean "x"?" for the closest candidate, or a list of what is allowed. */
export function suggest(value: string, candidates: readonly string[], what = 'allowed'): string {
  const sorted = [...candidates].sort((a, b) => editDistance(value, a) - editDistance(value, b));
  const best = sorted[0];
  if (best !== undefined && editDistance(value, best) <= Math.max(2, Math.floor(best.length / 3))) return `did you mean "${best}"?`;
  if (candidates.length === 0) return `nothing is ${what} here`;
  const shown = candidates.slice(0, 12).map((c) => `"${c}"`).join(', ');
  return `${what}: ${shown}${candidates.length > 12 ? `, … (${candidates.length} in all)` : ''}`;
}

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> } };

/** The keys an object schema accepts at `path`, following the data through arrays and unions. */
export function keysAt(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): string[] {
  let s = schema as AnySchema;
  let d = data;
  for (let depth = 0; ; ) {
    const def = s._zod.def;
    const type = def.type as string;
    if (type === 'optional' || type === 'nullable' || type === 'default') {
      s = def.innerType as AnySchema;
      continue;
    }
    if (type === 'union') {
      const opts = def.options as AnySchema[];
      const disc = def.discriminator as string | undefined;
      const tag = disc && d && typeof d === 'object' ? (d as Record<string, unknown>)[disc] : undefined;
      const match = opts.find((o) => {
        const shape = (o._zod.def.shape ?? {}) as Record<string, AnySchema>;
        const lit = disc ? shape[disc]?._zod.def.values : undefined;
        return Array.isArray(lit) && lit.includes(tag);
      });
      if (!match) return [];
      s = match;
      continue;
    }
    if (depth === path.length) {
      return type === 'object' ? Object.keys(def.shape as object) : [];
    }
    const key = path[depth++]!;
    d = d && typeof d === 'object' ? (d as Record<PropertyKey, unknown>)[key] : undefined;
    if (type === 'object') s = (def.shape as Record<string, AnySchema>)[String(key)]!;
    else if (type === 'array') s = def.element as AnySchema;
    else if (type === 'tuple') s = (def.items as AnySchema[])[Number(key)]!;
    else return [];
    if (!s) return [];
  }
}

const describeValue = (v: unknown): string =>
  v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v === 'string' ? `the text "${v.slice(0, 40)}"` : `${typeof v} ${String(v)}`;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let d = data;
  for (const p of path) d = d && typeof d === 'object' ? (d as Record<PropertyKey, unknown>)[p] : undefined;
  return d;
}

/** Translates zod's issues for a scenario into ScenarioIssues with hints. */
export function fromZod(schema: z.ZodType, data: unknown, issues: readonly z.core.$ZodIssue[]): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const i of issues) {
    const path = formatPath(i.path);
    const got = valueAt(data, i.path);
    switch (i.code) {
      case 'unrecognized_keys': {
        const allowed = keysAt(schema, data, i.path);
        for (const k of i.keys) out.push(issue(formatPath([...i.path, k]), `unknown key "${k}"`, `remove it or fix its spelling; ${suggest(k, allowed, 'allowed keys')}`));
        break;
      }
      case 'invalid_type':
        if (got === undefined) out.push(issue(path, `missing required field (expected ${i.expected})`, `add "${String(i.path[i.path.length - 1])}"`));
        else if (i.expected === 'number' && typeof got === 'number') out.push(issue(path, `expected a finite number, got ${String(got)}`, 'use an ordinary number'));
        else out.push(issue(path, `expected ${i.expected}, got ${describeValue(got)}`, i.expected === 'int' ? 'use a whole number' : `change it to a ${i.expected}`));
        break;
      case 'too_small':
        out.push(issue(path, i.origin === 'array' ? `needs at least ${String(i.minimum)} item(s)` : i.origin === 'string' ? 'must not be empty' : `must be at least ${String(i.minimum)}, got ${describeValue(got)}`, i.origin === 'array' ? 'add an item' : 'raise the value'));
        break;
      case 'too_big':
        out.push(issue(path, i.origin === 'array' ? `has more than ${String(i.maximum)} items` : i.origin === 'string' ? `is longer than ${String(i.maximum)} characters` : `must be at most ${String(i.maximum)}, got ${describeValue(got)}`, 'lower the value or shorten it'));
        break;
      case 'invalid_value': {
        const allowed = i.values.map(String);
        out.push(issue(path, `expected ${allowed.length === 1 ? JSON.stringify(i.values[0]) : `one of ${allowed.map((v) => `"${v}"`).join(', ')}`}, got ${describeValue(got)}`, typeof got === 'string' ? suggest(got, allowed) : 'pick one of the listed values'));
        break;
      }
      case 'invalid_union':
        if (i.discriminator) {
          const opts = (i as { options?: unknown[] }).options?.map(String) ?? [];
          out.push(issue(path, `unknown ${i.discriminator} ${describeValue(got)}`, typeof got === 'string' ? suggest(got, opts, 'known types') : `set "${i.discriminator}" to one of ${opts.join(', ')}`));
        } else out.push(issue(path, 'does not match any allowed form', 'check the scenario documentation for this field'));
        break;
      case 'invalid_format':
        out.push(issue(path, `${describeValue(got)} ${i.message}`, 'see the examples in the message'));
        break;
      default:
        out.push(issue(path, i.message, 'see scenarios/scenario.schema.json for what is allowed'));
    }
  }
  return out;
}

/** Line and column (1-based) of a character offset in a text. */
export function lineCol(textIn: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < textIn.length; i++) {
    if (textIn.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}
