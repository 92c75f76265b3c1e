/**
 * Two places where the twin reaches past epanet-js 0.9's public API, kept together so a new
 * version of the package is checked in one file: bulk reads straight from the WASM module, and
 * EPANET's warnings counted instead of printed. Both fall back to the public API when the
 * internals are not there.
 */
import type { EpanetProject } from './engine';

/** Whole-network reads of one property into reused buffers (slot = which buffer to fill). */
export interface BulkReader {
  nodes(property: number, slot: number): ArrayLike<number>;
  links(property: number, slot: number): ArrayLike<number>;
}

interface RawEngine {
  _malloc(bytes: number): number;
  HEAPF64: Float64Array;
  _EN_getnodevalues(ph: number, property: number, ptr: number): number;
  _EN_getlinkvalues(ph: number, property: number, ptr: number): number;
}

/**
 * EPANET 2.3's EN_getnodevalues / EN_getlinkvalues called on the WASM module directly, into
 * buffers allocated once: 2 µs for C-Town's 396 heads, where epanet-js's getNodeValues (which
 * allocates, copies and spreads on every call) takes about 60 µs and 396 getNodeValue calls about
 * 1.5 ms. It reaches into epanet-js 0.9's `_EN` and `_projectHandle`; when those are not there
 * (another epanet-js version) the public getters are used instead, with the same results.
 */
export function bulkReader(p: EpanetProject, n: number, m: number): BulkReader {
  const raw = p as unknown as { _EN?: RawEngine; _projectHandle?: number };
  const en = raw._EN;
  const ph = raw._projectHandle;
  if (!en || typeof ph !== 'number' || typeof en._EN_getnodevalues !== 'function' || typeof en._EN_getlinkvalues !== 'function') {
    return { nodes: (prop) => p.getNodeValues(prop), links: (prop) => p.getLinkValues(prop) };
  }
  // Buffers live for the life of the module; a model is opened a handful of times per run.
  const nodePtr = [0, 1, 2].map(() => en._malloc(Math.max(1, n) * 8));
  const linkPtr = [0, 1].map(() => en._malloc(Math.max(1, m) * 8));
  const read = (code: number, ptr: number, count: number) => {
    if (code !== 0 && code >= 100) throw new Error(`EPANET Error ${code}`);
    return new Float64Array(en.HEAPF64.buffer, ptr, count); // a fresh view: the heap may have grown
  };
  return {
    nodes: (prop, slot) => read(en._EN_getnodevalues(ph, prop, nodePtr[slot]!), nodePtr[slot]!, n),
    links: (prop, slot) => read(en._EN_getlinkvalues(ph, prop, linkPtr[slot]!), linkPtr[slot]!, m),
  };
}

/**
 * epanet-js prints EPANET's warnings (codes below 100) with console.warn on every call that
 * returns one; a twin stepping C-Town would flood the console. They are counted instead, for the
 * report. (This replaces the project's `_checkError`, keeping its behaviour for errors.)
 */
export function quietWarnings(p: EpanetProject, counts: Map<number, number>): void {
  const target = p as unknown as { _checkError?: (code: number) => void };
  if (typeof target._checkError !== 'function') return;
  const original = target._checkError.bind(p);
  target._checkError = (code: number) => {
    if (code > 0 && code < 100) counts.set(code, (counts.get(code) ?? 0) + 1);
    else original(code);
  };
}
