/** runs.jsonl as a sweep's cache: what an interrupted sweep left is reused, a line cut off mid-write or a failed run is not. */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SweepStore, canonical, digest } from '../../src/cli/sweep/store';
import { scratch } from '../support/cli';

describe('the sweep store', () => {
  it('reuses finished runs, not failed ones or a half-written last line, and rewrites the file in order', () => {
    const store = new SweepStore(join(scratch('store').dir, 'out'));
    const ok = (key: string, seed: number) => ({ variant: 'a', seed, untilS: 60, key, hash: `h${seed}`, figures: { x: seed } });
    store.append(ok('k2', 2));
    store.append({ ...ok('k3', 3), hash: null, error: 'boom' });
    store.append(ok('k1', 1));
    appendFileSync(store.runsPath, '{"variant":"a","seed":4,"key":"k4","ha');
    const cached = store.cached();
    expect([...cached.keys()]).toEqual(['k2', 'k1']);
    store.finish([cached.get('k1')!, cached.get('k2')!]);
    expect(readFileSync(store.runsPath, 'utf8')).toBe(`${JSON.stringify(ok('k1', 1))}\n${JSON.stringify(ok('k2', 2))}\n`);
  });

  it('keys runs by content, whatever order their keys were written in', () => {
    expect(canonical({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
    expect(digest({ a: 1, b: 2 })).toBe(digest({ b: 2, a: 1 }));
    expect(digest({ a: 1 })).not.toBe(digest({ a: 2 }));
  });
});
