/** Traffic as the page draws it each frame: vehicles, signal aspects and congestion, as typed arrays the worker transfers. */
import type { TrafficModel } from './model';
import type { TrafficNetwork } from './network';
import type { SignalApproaches } from './signal-approaches';

export interface TrafficSnapshot {
  /** Per vehicle on the road: x, z (m) and heading (rad). */
  readonly vehicles: Float32Array;
  /** Per vehicle: why it waits (see WAIT_REASONS) | kind << 4 (1 = emergency). */
  readonly vehicleState: Uint8Array;
  /** Per vehicle: its slot, for asking the worker about one vehicle. */
  readonly vehicleSlot: Int32Array;
  /** Per signal (input order): aspect of group 0 | group 1 << 2 | mode << 4. */
  readonly signals: Uint8Array;
  /**
   * Per signal approach (SignalApproaches order: the view's), three aspects — left, ahead, right —
   * each RED, AMBER, GREEN, DARK or GREEN_YIELD, or NO_SIGNAL where it has no such movement.
   */
  readonly approaches: Uint8Array;
  /** Per link: mean speed over the speed limit at the last cost refresh, 0..1. */
  readonly congestion: Float32Array;
}

export function trafficSnapshot(
  m: TrafficModel,
  net: TrafficNetwork,
  b: { readonly xzh: Float32Array; readonly state: Uint8Array; readonly slot: Int32Array },
  approaches: SignalApproaches,
): TrafficSnapshot {
  const signals = new Uint8Array(m.signals.count);
  for (let s = 0; s < m.signals.count; s++) signals[s] = m.signals.packed(s);
  const congestion = new Float32Array(net.linkCount);
  for (let l = 0; l < net.linkCount; l++) congestion[l] = Math.min(1, m.linkMeanSpeed[l]! / net.linkSpeed[l]!);
  return { vehicles: b.xzh, vehicleState: b.state, vehicleSlot: b.slot, signals, approaches: approaches.aspects(m.signals, m.junctions.mv.kind), congestion };
}
