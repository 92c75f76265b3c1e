/**
 * Camera-dependent values shared by scene components without React: the marker scale follows the
 * camera distance so markers stay legible from the whole-city view down to a street.
 */
export const viewState = {
  /** Multiplier on marker sizes; about 1 at 2 km from the target. */
  markerScale: 1,
  /** Bumped whenever markerScale changes enough to be worth re-laying the markers. */
  scaleVersion: 0,
};

const NEAR = 0.45;
const FAR = 2.2;

/** Grows with distance, but less than in proportion: close up a marker is still a landmark. */
export function markerScaleFor(distance: number): number {
  return Math.min(FAR, Math.max(NEAR, 0.3 + distance / 3200));
}

export function updateMarkerScale(distance: number): boolean {
  const next = markerScaleFor(distance);
  if (Math.abs(next - viewState.markerScale) / viewState.markerScale < 0.04) return false;
  viewState.markerScale = next;
  viewState.scaleVersion++;
  return true;
}
