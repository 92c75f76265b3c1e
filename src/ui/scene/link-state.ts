/**
 * Per-link drawing state the link lines work out each frame (visible?, supply state, when its
 * sweep starts), shared with the pulses that travel along stressed links.
 */
export const linkState = {
  /** 0 hidden, 1 shown, 2 shown and belonging to the selected asset. */
  vis: new Uint8Array(0),
  /** 0 supplied, 1 on backup, 2 lost. */
  state: new Uint8Array(0),
  /** Clock (link-clock seconds) when the link's present state starts sweeping along it. */
  start: new Float32Array(0),
};

export function resetLinkState(edges: number): void {
  linkState.vis = new Uint8Array(edges);
  linkState.state = new Uint8Array(edges);
  linkState.start = new Float32Array(edges);
}

const t0 = performance.now();
/** Seconds since the page loaded: small enough to keep float precision in shaders. */
export const linkClock = (): number => (performance.now() - t0) / 1000;
