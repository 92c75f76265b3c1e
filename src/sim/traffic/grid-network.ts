/**
 * The synthetic benchmark grid: rows × cols junctions `blockLengthM` apart, two-way roads with
 * `lanes` lanes each way at 50 km/h (SUMO netgenerate's defaults), signals at every junction where
 * three or more roads meet when asked for.
 */
import { buildNetwork, type RoadSegment, type TrafficNetwork } from './network';

export interface GridSpec {
  readonly rows: number;
  readonly cols: number;
  readonly blockLengthM: number;
  readonly lanes: number;
  readonly signals: boolean;
  readonly speedMps?: number;
}

export function gridSegments(g: GridSpec): RoadSegment[] {
  const segs: RoadSegment[] = [];
  const speedMps = g.speedMps ?? 13.89;
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      const x = c * g.blockLengthM;
      const z = r * g.blockLengthM;
      if (c + 1 < g.cols) segs.push({ a: [x, z], b: [x + g.blockLengthM, z], lanes: g.lanes, speedMps, oneway: false, rank: 1 });
      if (r + 1 < g.rows) segs.push({ a: [x, z], b: [x, z + g.blockLengthM], lanes: g.lanes, speedMps, oneway: false, rank: 1 });
    }
  }
  return segs;
}

export function gridNetwork(g: GridSpec): { net: TrafficNetwork; signalNodes: number[] } {
  const net = buildNetwork(gridSegments(g));
  const signalNodes: number[] = [];
  if (g.signals) for (let n = 0; n < net.nodeCount; n++) if (net.inStart[n + 1]! - net.inStart[n]! >= 3) signalNodes.push(n);
  return { net, signalNodes };
}
