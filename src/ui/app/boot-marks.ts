/**
 * The page's start as performance marks (`twin:*`), beside the worker's (src/worker/boot-marks.ts),
 * which arrive as wall-clock times and are placed on this page's timeline. `twin bench` reads them
 * all with performance.getEntriesByName, from navigation start (0).
 */
import type { TwinClient } from '../../worker/client';

/** Marks the page sets itself, in the order a first load passes them. */
export type PageMark = 'twin:entry' | 'twin:world-received' | 'twin:scene-loaded' | 'twin:city-drawn' | 'twin:first-frame';

/** Told when the city is first drawn (the worker holds the residents' history back until then). */
let cityDrawn: (() => void) | null = null;

/** Sets a mark once: a second load (a reload of the scenario, a branch) does not move it. */
export function bootMark(name: PageMark, at?: number): void {
  if (performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name, at === undefined ? undefined : { startTime: at });
  if (name === 'twin:city-drawn') cityDrawn?.();
}

/** Places the worker's marks on this page's timeline (the first of each name). */
export function relayWorkerMarks(client: TwinClient): void {
  client.on('mark', (m) => {
    if (performance.getEntriesByName(m.name, 'mark').length > 0) return;
    performance.mark(m.name, { startTime: Math.max(0, m.epochMs - performance.timeOrigin) });
  });
  client.on('loaded', () => bootMark('twin:world-received'));
  cityDrawn = () => client.send({ type: 'drawn' });
  const off = client.on('frame', () => {
    bootMark('twin:first-frame');
    off();
  });
}
