/**
 * The signal approaches' static layout for the traffic layer's lamps, sent once with the world
 * view: per approach (in the order of the snapshot's per-approach aspects) its signal, its link,
 * and where its stop line crosses the middle of its carriageway — the lanes lie to the left of the
 * road's centre line, the UK driving on the left — with the heading of travel.
 */
import { traffic } from '../sim';
import type { SignalApproachView } from './protocol';

export function approachView(net: traffic.TrafficNetwork, signals: readonly traffic.SignalSpec[]): SignalApproachView {
  const ap = new traffic.SignalApproaches(
    net,
    signals.map((s) => s.node),
  );
  const stop = new Float32Array(ap.count * 3);
  for (let a = 0; a < ap.count; a++) {
    const l = ap.link[a]!;
    const n = net.linkTo[l]!;
    const h = net.linkHeading[l]!;
    // Left of travel in x-east/z-south coordinates is (sin h, −cos h) (as geometry.ts lays out lanes).
    const half = (net.linkLanes[l]! * traffic.LANE_WIDTH_M) / 2;
    stop[a * 3] = net.nodeX[n]! + Math.sin(h) * half;
    stop[a * 3 + 1] = net.nodeZ[n]! - Math.cos(h) * half;
    stop[a * 3 + 2] = h;
  }
  return { signal: ap.signal, link: ap.link, stop };
}
