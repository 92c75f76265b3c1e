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
  /** What the scene draws now, for the bench's bare three.js comparison (src/cli/bench-browser.ts). */
  drawn(): SceneDrawn;
  /** Draws the scene once outside the frame loop and waits for the GL to finish: the cost of one frame's drawing, in ms. */
  timeDraw(): number;
}

/** The visible meshes of the scene: instance counts of the instanced ones, and the plain ones. */
export interface SceneDrawn {
  /** Instances drawn by each visible InstancedMesh (its count), largest first. */
  readonly instanced: readonly number[];
  /** Visible meshes, lines and points that are not instanced. */
  readonly plain: number;
  /** The canvas's drawing buffer, in device pixels. */
  readonly width: number;
  readonly height: number;
}

export const sceneHandle: { current: SceneHandle | null; cityDrawnAt: number | null } = { current: null, cityDrawnAt: null };
