/** The grid as the page draws it each frame: per branch and per bus, in the network's order. */
export interface PowerSnapshot {
  /** True flow, MW, from → to. */
  readonly flowMW: Float32Array;
  /** What SCADA shows operators (differs from flowMW when telemetry is spoofed). */
  readonly reportedFlowMW: Float32Array;
  readonly loading: Float32Array;
  readonly branchStatus: Uint8Array;
  readonly energized: Uint8Array;
  readonly servedMW: Float32Array;
  readonly shedMW: Float32Array;
}
