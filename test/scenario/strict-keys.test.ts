/**
 * A misspelt key is an error, at every level of every section: `"bufferMins": 30` silently read as
 * no buffer would be a wrong run that looks right. Two checks: every object the scenario schema
 * describes refuses unknown keys, and an unknown key put into each object of every shipped
 * scenario, one at a time, is refused with a path that names it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scenarioSchema } from '../../src/scenario/schema';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Paths of every object schema in a JSON Schema that lets unknown keys through. */
function openObjects(node: unknown, path: string, out: string[]): void {
  if (Array.isArray(node)) return node.forEach((x, i) => openObjects(x, `${path}[${i}]`, out));
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  if (o.type === 'object' && o.properties !== undefined && o.additionalProperties !== false) out.push(path || '(root)');
  for (const [k, v] of Object.entries(o)) openObjects(v, `${path}/${k}`, out);
}

/** Paths (as key lists) of every object inside a JSON value. */
function objectPaths(v: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(v)) v.forEach((x, i) => objectPaths(x, [...path, i], out));
  else if (v !== null && typeof v === 'object') {
    out.push(path);
    for (const [k, x] of Object.entries(v)) objectPaths(x, [...path, k], out);
  }
  return out;
}

function withKey(v: Json, path: (string | number)[], key: string): Json {
  const copy = structuredClone(v);
  let o: Json = copy;
  for (const p of path) o = (o as Record<string | number, Json>)[p]!;
  (o as Record<string, Json>)[key] = 30;
  return copy;
}

describe('unknown keys', () => {
  it('every object the scenario schema describes refuses them (strict objects throughout)', () => {
    const open: string[] = [];
    // As input: an object that strips unknown keys would only look closed in the output schema.
    openObjects(z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', io: 'input' }), '', open);
    expect(open).toEqual([]);
  });

  it('are refused with their path wherever one is put into a shipped scenario', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    let tried = 0;
    const docs: [string, Json][] = readdirSync(dir)
      .filter((n) => n.endsWith('.json') && n !== 'scenario.schema.json')
      .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Json]);
    // Sections no shipped scenario writes by hand: assets with dependencies and a backup.
    docs.push([
      '(assets and dependencies)',
      {
        version: 1,
        assets: [
          { id: 'sub', kind: 'substation', subsystem: 'power', position: [0, 0] },
          { id: 'cab', kind: 'street-cabinet', subsystem: 'comms', position: [10, 0] },
        ],
        dependencies: [
          { from: 'sub', to: 'cab', kind: 'physical', resource: 'power', bufferMin: 15, backup: { upsMin: 15, generator: { startS: 30, fuelH: 8 } } },
        ],
      },
    ]);
    for (const [f, doc] of docs) {
      expect(scenarioSchema.safeParse(doc).success, f).toBe(true);
      for (const path of objectPaths(doc)) {
        const r = scenarioSchema.safeParse(withKey(doc, path, 'bufferMins'));
        tried++;
        expect(r.success, `${f}: "bufferMins" at ${path.join('.') || '(top)'} was accepted`).toBe(false);
        const named = r.error!.issues.some((i) => i.code === 'unrecognized_keys' && i.keys.includes('bufferMins') && i.path.join('.') === path.join('.'));
        expect(named, `${f}: the issue for ${path.join('.')} does not name the key and its place`).toBe(true);
      }
    }
    expect(tried).toBeGreaterThan(150);
  });
});
