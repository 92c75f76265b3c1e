/**
 * Applies a variant's patches to a copy of the base scenario. Paths are JSON pointers (RFC 6901,
 * "~1" for "/" and "~0" for "~"), except that a step into a list may name the element whose "id"
 * it is ("/injects/kestrel-vpn/at"), so a patch survives reordering. A path that leads nowhere is
 * a problem naming the patch and the ids or keys that are there.
 */
import { issue, quote, suggest, type ScenarioIssue } from '../issues';
import type { Patch } from './schema';

type Json = unknown;
type Container = Record<string, Json> | Json[];

const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

function steps(path: string): string[] {
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The index a step names in a list: a number, or the element with that id; a problem otherwise. */
function indexIn(list: Json[], step: string, where: string): number | string {
  if (/^\d+$/.test(step)) {
    const i = Number(step);
    return i < list.length ? i : `${where} has ${list.length} element${list.length === 1 ? '' : 's'}, so there is no [${i}]`;
  }
  const ids = list.map((e) => (isObject(e) && typeof e.id === 'string' ? e.id : null));
  const i = ids.indexOf(step);
  if (i >= 0) return i;
  const known = ids.filter((x): x is string => x !== null);
  return `${where} has no element with id ${quote(step)}${known.length ? ` (${suggest(step, known, 'ids')})` : ''}`;
}

/** Follows all but the last step, creating objects on the way when `create`; the container and last step, or why not. */
function walk(root: Record<string, Json>, parts: string[], create: boolean): { parent: Container; last: string } | string {
  let here: Json = root;
  let where = 'the scenario';
  for (const step of parts.slice(0, -1)) {
    if (Array.isArray(here)) {
      const i = indexIn(here, step, where);
      if (typeof i === 'string') return i;
      here = here[i];
    } else if (isObject(here)) {
      if (!(step in here) || here[step] === undefined) {
        if (!create) return `${where} has no ${quote(step)}${Object.keys(here).length ? ` (${suggest(step, Object.keys(here), 'keys')})` : ''}`;
        here[step] = {};
      }
      here = here[step];
    } else return `${where} is ${JSON.stringify(here)?.slice(0, 40)}, not an object or list`;
    where = quote(step);
  }
  if (!Array.isArray(here) && !isObject(here)) return `${where} is not an object or list`;
  return { parent: here, last: parts[parts.length - 1]! };
}

function applyOne(root: Record<string, Json>, p: Patch): string | null {
  const parts = steps(p.path);
  if (p.op !== 'remove' && p.value === undefined) return `"${p.op}" needs a "value"`;
  const found = walk(root, parts, p.op === 'set' || p.op === 'merge');
  if (typeof found === 'string') return found;
  const { parent, last } = found;
  const value = structuredClone(p.value);
  if (Array.isArray(parent)) {
    if (p.op === 'set' && last === '-') return (parent.push(value), null);
    const i = indexIn(parent, last, 'the list');
    if (typeof i === 'string') return i;
    if (p.op === 'remove') parent.splice(i, 1);
    else if (p.op === 'set') parent[i] = value;
    else return applyAt(parent, i, p.op, value);
    return null;
  }
  if (p.op === 'remove') {
    if (!(last in parent)) return `there is nothing at ${quote(last)} to remove`;
    delete parent[last];
    return null;
  }
  if (p.op === 'set') {
    parent[last] = value;
    return null;
  }
  if (parent[last] === undefined) parent[last] = p.op === 'append' ? [] : {};
  return applyAt(parent, last, p.op, value);
}

/** "append" and "merge" on the value at parent[key]. */
function applyAt(parent: Container, key: string | number, op: 'append' | 'merge', value: Json): string | null {
  const target = (parent as Record<string | number, Json>)[key];
  if (op === 'append') {
    if (!Array.isArray(target)) return '"append" needs a list there';
    if (Array.isArray(value)) target.push(...value);
    else target.push(value);
    return null;
  }
  if (!isObject(target) || !isObject(value)) return '"merge" needs an object there and an object as its value';
  Object.assign(target, value);
  return null;
}

/** The scenario with the patches applied (the base is not changed), or the problems, each naming its patch. */
export function applyPatches(base: Json, patches: readonly Patch[], at: string): { data: Json } | { issues: ScenarioIssue[] } {
  if (!isObject(base)) return { issues: [issue(at, 'the base scenario is not a JSON object', 'check the sweep\'s "scenario" file')] };
  const data = structuredClone(base);
  const issues: ScenarioIssue[] = [];
  patches.forEach((p, i) => {
    const why = applyOne(data, p);
    if (why) issues.push(issue(`${at}[${i}].path`, `${quote(p.path, 120)}: ${why}`, 'fix the path or value; list steps may be an index or an element\'s "id"'));
  });
  return issues.length ? { issues } : { data };
}
