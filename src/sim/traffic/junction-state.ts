/**
 * The state junction control keeps per junction and per turn (junction.ts reads and books it):
 * when a junction is next free, whose turn it is at an all-way stop, and when each turn was last
 * made. Built from the network alone, so the model and the junction rules can both hold it.
 */
import type { Movements } from './movements';
import type { TrafficNetwork } from './network';

/** Per-junction state the decisions share. */
export class JunctionState {
  readonly busyUntil: Float64Array;
  /** All-way stop: whose turn it is (an index into the node's in-links). */
  readonly turnOfNode: Int32Array;
  readonly linkInIdx: Int32Array;
  /** Per turn: when a vehicle last made it, and last made it with right of way (green or amber). */
  readonly passMs: Float64Array;
  readonly rightOfWayMs: Float64Array;

  constructor(
    net: TrafficNetwork,
    readonly mv: Movements,
  ) {
    this.busyUntil = new Float64Array(net.nodeCount);
    this.turnOfNode = new Int32Array(net.nodeCount);
    this.linkInIdx = new Int32Array(net.linkCount);
    for (let n = 0; n < net.nodeCount; n++) for (let k = net.inStart[n]!; k < net.inStart[n + 1]!; k++) this.linkInIdx[net.inLinks[k]!] = k - net.inStart[n]!;
    this.passMs = new Float64Array(net.outLinks.length).fill(-1e12);
    this.rightOfWayMs = new Float64Array(net.outLinks.length).fill(-1e12);
  }
}
