/**
 * Performance marks for the split of a page's start (worker start, scenario compile, population
 * history, ...): set on the worker's own timeline and sent to the page as wall-clock times, so the
 * page can place them on its timeline beside its own marks (src/ui/app/boot-marks.ts) and
 * `twin bench` can read them all from one place.
 */
import type { FromWorker } from './protocol';

/** Marks the worker sets, in the order a load passes them. */
export type WorkerMark =
  'twin:worker-started' | 'twin:scenario-compiled' | 'twin:engines-loaded' | 'twin:parts-built' | 'twin:world-sent' | 'twin:history-done' | 'twin:sim-ready';

/** Sets `name` here and returns the message that carries it to the page. */
export function bootMark(name: WorkerMark): Extract<FromWorker, { type: 'mark' }> {
  performance.mark(name);
  return { type: 'mark', name, epochMs: performance.timeOrigin + performance.now() };
}
