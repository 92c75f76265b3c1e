/**
 * The traffic model's state as the rules of one step see it (junction.ts, lanes.ts,
 * lane-change.ts, reroute.ts): an interface TrafficModel implements, so those rules depend on
 * this leaf and the tables it names, not on the model that calls them.
 */
import type { IdmParams } from './idm';
import type { JunctionState } from './junction-state';
import type { TrafficNetwork } from './network';
import type { Router } from './router';
import type { SignalBank } from './signals';
import type { VehicleTable } from './vehicles';

export interface TrafficState {
  readonly net: TrafficNetwork;
  readonly signals: SignalBank;
  readonly router: Router;
  readonly v: VehicleTable;
  readonly idm: IdmParams;
  /** Per lane: its first and last vehicle (-1 when empty); vehicles.ts links the rest. */
  readonly laneHead: Int32Array;
  readonly laneTail: Int32Array;
  readonly junctions: JunctionState;
  /** Per signal: near-misses between crossing movements both shown right of way (crash risk). */
  readonly signalConflicts: Int32Array;
  conflicts: number;
  /** Turns made from a lane that does not take them, by drivers who could not get over in time. */
  wrongLaneTurns: number;
  /** Refreshes v's turn at the end of its link from its route; returns it (-1 at the destination). */
  updateTurn(v: number): number;
  /** Re-plans v's route from link l (avoiding `avoid` when ≥ 0); false if no route is left. */
  replan(v: number, l: number, avoid: number, nowMs: number): boolean;
}
