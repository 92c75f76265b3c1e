/**
 * The coverage heat map's pixels, as plain data: blue where cameras see now (more opaque where
 * several do), and red diagonal hatching where a camera saw at the start but none sees now — lost
 * coverage reads as a pattern, not colour alone. Cells no camera ever saw stay clear.
 */
export type Rgb = readonly [number, number, number];

/** Opacity of a cell seen by `n` cameras (0: clear). */
export const seenAlpha = (n: number): number => (n > 0 ? Math.min(230, 110 + 40 * n) : 0);
export const LOST_ALPHA = 150;

/** Every third diagonal carries the hatching. */
export const isHatch = (c: number, r: number): boolean => (c + r) % 3 === 0;

/**
 * RGBA texels, row-major with row r = grid row r, from coverage grids in the simulation's layout
 * (column-major: c * rows + r) at load and now.
 */
export function heatTexels(atLoad: Uint8Array, now: Uint8Array, cols: number, rows: number, seen: Rgb, lost: Rgb): Uint8Array {
  const data = new Uint8Array(cols * rows * 4);
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      const n = now[c * rows + r]!;
      const gone = n === 0 && atLoad[c * rows + r]! > 0;
      const col = gone ? lost : seen;
      const o = (r * cols + c) * 4;
      data[o] = col[0];
      data[o + 1] = col[1];
      data[o + 2] = col[2];
      data[o + 3] = n > 0 ? seenAlpha(n) : gone && isHatch(c, r) ? LOST_ALPHA : 0;
    }
  }
  return data;
}
