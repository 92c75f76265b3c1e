/**
 * What the 3D scene lends the rest of the page once it is mounted: a redraw request, a way to
 * project an asset to screen coordinates (for tests and tooltips) and camera commands for the
 * view buttons. Plain functions, so the panels and the test hooks never import three.
 */
export interface SceneHandle {
  /** Asks the canvas to draw a new frame (the canvas draws on demand). */
  invalidate(): void;
  /** Page (CSS pixel) coordinates of an asset's marker, or null when off screen or hidden. */
  screenPositionOf(assetIndex: number): { x: number; y: number } | null;
  /** Page coordinates of a point in the city (x east, y up, z south, metres), or null off screen. */
  screenPositionOfPoint(x: number, y: number, z: number): { x: number; y: number } | null;
  zoom(factor: number): void;
  resetView(): void;
  focusAsset(assetIndex: number): void;
  /** Centres the view on a point of the ground, from distanceM (default: the distance focusAsset uses). */
  focusPoint(x: number, z: number, distanceM?: number): void;
}

export const sceneHandle: { current: SceneHandle | null; cityDrawnAt: number | null } = { current: null, cityDrawnAt: null };
