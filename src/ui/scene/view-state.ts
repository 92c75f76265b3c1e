/**
 * Camera-dependent values shared by scene components without React: the marker scale follows the
 * camera distance so markers stay legible from the whole-city view down to a street.
 */
export const viewState = {
  /** Multiplier on marker sizes; 1 at about 3 km from the target. */
  markerScale: 1,
  /** Bumped whenever markerScale changes enough to be worth re-laying the markers. */
  scaleVersion: 0,
};

const NEAR = 0.12;
const FAR = 2.2;

export function markerScaleFor(distance: number): number {
  return Math.min(FAR, Math.max(NEAR, distance / 3000));
}

export function updateMarkerScale(distance: number): boolean {
  const next = markerScaleFor(distance);
  if (Math.abs(next - viewState.markerScale) / viewState.markerScale < 0.04) return false;
  viewState.markerScale = next;
  viewState.scaleVersion++;
  return true;
}
