/**
 * Problems in a scenario file as values: where (a JSON path such as `injects[0].commands[1].vendor`),
 * what was expected, and a hint on how to fix it. zod's issues are translated here into sentences
 * a scenario author can act on; nothing a user types ever produces a stack trace.
 */
import type { z } from 'zod';
import { clockAsDuration, DURATION_ERROR } from './schema-primitives';

export interface ScenarioIssue {
  readonly path: string;
  readonly message: string;
  readonly hint: string;
}

export const issue = (path: string, message: string, hint: string): ScenarioIssue => ({ path, message, hint });

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    // A key is user text too: a 3 MB key must not make a 3 MB path.
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${clip(String(p))}` : clip(String(p));
  }
  return out || '(top level)';
}

export function formatIssue(i: ScenarioIssue): string {
  return `${i.path}: ${i.message}${i.hint ? ` (${i.hint})` : ''}`;
}

/**
 * How much of a user's value a "did you mean" compares. Edit distance costs the product of the
 * two lengths, so an unbounded value (a 3 MB command type in a shared link) kept a worker busy for
 * most of a minute; ids and keys worth suggesting are far shorter than this.
 */
export const COMPARE_MAX = 64;
/** How much of a user's value a message repeats back: enough to recognise it, never a whole file. */
export const ECHO_MAX = 60;
/** The largest distance any hint accepts (a third of COMPARE_MAX); anything farther is not a typo. */
const HINT_MAX = Math.floor(COMPARE_MAX / 3);

/** `s` cut to `max` characters with an ellipsis, and never a broken surrogate pair at the cut. */
export function clip(s: string, max = ECHO_MAX): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]!) ? max - 1 : max;
  return `${s.slice(0, end)}…`;
}

/** A user's value in double quotes for a message, cut to ECHO_MAX characters. */
export const quote = (s: string, max = ECHO_MAX): string => `"${clip(s, max)}"`;

/** "a" or "an" before a word, by its first letter: "an object", "an access-switch", "a list". */
export const article = (word: string): string => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/**
 * Edit distance, for "did you mean" hints on misspelt keys and ids, over the first COMPARE_MAX
 * characters of each. Past `limit` the exact figure does not matter, so the scan stops as soon as
 * every cell of a row exceeds it and returns limit + 1.
 */
export function editDistance(aIn: string, bIn: string, limit = Number.POSITIVE_INFINITY): number {
  const a = aIn.length > COMPARE_MAX ? aIn.slice(0, COMPARE_MAX) : aIn;
  const b = bIn.length > COMPARE_MAX ? bIn.slice(0, COMPARE_MAX) : bIn;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (prev[j]! < rowMin) rowMin = prev[j]!;
      diag = tmp;
    }
    if (rowMin > limit) return limit + 1;
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `value` (the first of equals) when it is close for its length, else
 * null. Every value compared is cut short (see COMPARE_MAX), so the cost is bounded by the number
 * of candidates alone.
 */
export function nearest(value: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = HINT_MAX + 1;
  for (const c of candidates) {
    const d = editDistance(value, c, bestD - 1);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(Math.min(best.length, COMPARE_MAX) / 3)) ? best : null;
}

/** "did you mean "x"?" for the nearest candidate, or a list of what is allowed, each cut to ECHO_MAX. */
export function suggest(value: string, candidates: readonly string[], what = 'allowed values'): string {
  const best = nearest(value, candidates);
  if (best !== null) return `did you mean ${quote(best)}?`;
  if (candidates.length === 0) return `there are no ${what} to choose from`;
  const shown = candidates
    .slice(0, 12)
    .map((c) => quote(c))
    .join(', ');
  return `${what}: ${shown}${candidates.length > 12 ? `, … (${candidates.length} in all)` : ''}`;
}

/** An id that names nothing in the scenario: `unknown vendor "x"`, with the nearest of the `known` ids (called `knownAs` in the hint) as a did-you-mean. */
export const unknownId = (path: string, what: string, id: string, known: readonly string[], knownAs: string): ScenarioIssue =>
  issue(path, `unknown ${what} ${quote(id)}`, suggest(id, known, knownAs));

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> } };

/** The keys an object schema accepts at `path`, following the data through arrays and unions. */
export function keysAt(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): string[] {
  let s = schema as AnySchema;
  let d = data;
  for (let depth = 0; ;) {
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

/** zod's name for an expected type, as a phrase: "a whole number", "a list", "an object". */
const expectedAs = (t: string): string => (t === 'int' ? 'a whole number' : t === 'array' ? 'a list' : article(t));

const describeValue = (v: unknown): string =>
  v === undefined
    ? 'nothing'
    : v === null
      ? 'null'
      : Array.isArray(v)
        ? 'a list'
        : typeof v === 'object'
          ? 'an object'
          : typeof v === 'string'
            ? `the text ${quote(v, 40)}`
            : `${typeof v} ${clip(String(v))}`;

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
        for (const k of i.keys)
          out.push(issue(formatPath([...i.path, k]), `unknown key ${quote(k)}`, `remove it or fix its spelling; ${suggest(k, allowed, 'allowed keys')}`));
        break;
      }
      case 'invalid_type':
        if (got === undefined)
          out.push(issue(path, `missing required field (expected ${expectedAs(i.expected)})`, `add "${String(i.path[i.path.length - 1])}"`));
        else if (i.expected === 'number' && typeof got === 'number')
          out.push(issue(path, `expected a finite number, got ${String(got)}`, 'use an ordinary number'));
        else out.push(issue(path, `expected ${expectedAs(i.expected)}, got ${describeValue(got)}`, `change it to ${expectedAs(i.expected)}`));
        break;
      case 'too_small':
        out.push(
          issue(
            path,
            i.origin === 'array'
              ? `needs at least ${String(i.minimum)} item(s)`
              : i.origin === 'string'
                ? 'must not be empty'
                : `must be at least ${String(i.minimum)}, got ${describeValue(got)}`,
            i.origin === 'array' ? 'add an item' : 'raise the value',
          ),
        );
        break;
      case 'too_big':
        out.push(
          issue(
            path,
            i.origin === 'array'
              ? `has more than ${String(i.maximum)} items`
              : i.origin === 'string'
                ? `is longer than ${String(i.maximum)} characters`
                : `must be at most ${String(i.maximum)}, got ${describeValue(got)}`,
            'lower the value or shorten it',
          ),
        );
        break;
      case 'invalid_value': {
        const allowed = i.values.map(String);
        out.push(
          issue(
            path,
            `expected ${allowed.length === 1 ? JSON.stringify(i.values[0]) : `one of ${allowed.map((v) => `"${v}"`).join(', ')}`}, got ${describeValue(got)}`,
            typeof got === 'string' ? suggest(got, allowed) : 'pick one of the listed values',
          ),
        );
        break;
      }
      case 'invalid_union':
        if (i.discriminator) {
          const opts = (i as { options?: unknown[] }).options?.map(String) ?? [];
          out.push(
            issue(
              path,
              typeof got === 'string' ? `unknown ${i.discriminator} ${quote(got)}` : `unknown ${i.discriminator}: ${describeValue(got)}`,
              typeof got === 'string' ? suggest(got, opts, 'known types') : `set "${i.discriminator}" to one of ${opts.join(', ')}`,
            ),
          );
        } else out.push(issue(path, 'does not match any allowed form', 'check the scenario documentation for this field'));
        break;
      case 'invalid_format': {
        const asDuration = i.message === DURATION_ERROR && typeof got === 'string' ? clockAsDuration(got) : null;
        out.push(
          issue(
            path,
            `${describeValue(got)} ${i.message}`,
            asDuration ? `did you mean "${asDuration}"? Times count from the start of the run, not by the clock` : 'see the examples in the message',
          ),
        );
        break;
      }
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
