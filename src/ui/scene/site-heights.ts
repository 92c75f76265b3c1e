/**
 * For each asset, the height of the tallest building around it, so a marker floats just above
 * its site instead of being buried inside it. A coarse grid keeps this linear in the building count.
 */
import type { WorldView } from '../../worker/protocol';

const CELL_M = 50;
const RADIUS_M = 35;

export function siteHeights(view: WorldView): Float32Array {
  const b = view.city.buildings;
  const cols = Math.ceil(view.city.sizeM[0] / CELL_M) + 2;
  const rows = Math.ceil(view.city.sizeM[1] / CELL_M) + 2;
  const grid = new Map<number, number[]>();
  const key = (cx: number, cz: number) => cz * cols + cx;
  for (let i = 0; i < b.count; i++) {
    const cx = Math.floor(b.x[i]! / CELL_M);
    const cz = Math.floor(b.z[i]! / CELL_M);
    const k = key(cx, cz);
    let list = grid.get(k);
    if (!list) grid.set(k, (list = []));
    list.push(i);
  }
  const out = new Float32Array(view.assets.length);
  view.assets.forEach((a, ai) => {
    const [x, z] = a.position;
    const cx = Math.floor(x / CELL_M);
    const cz = Math.floor(z / CELL_M);
    let top = 0;
    for (let dz = -2; dz <= 2; dz++) {
      for (let dx = -2; dx <= 2; dx++) {
        if (cz + dz < -1 || cz + dz > rows) continue;
        for (const i of grid.get(key(cx + dx, cz + dz)) ?? []) {
          // Distance from the asset to the building's footprint, not its centre.
          const ox = Math.max(0, Math.abs(b.x[i]! - x) - b.w[i]! / 2);
          const oz = Math.max(0, Math.abs(b.z[i]! - z) - b.d[i]! / 2);
          if (ox * ox + oz * oz <= RADIUS_M * RADIUS_M) top = Math.max(top, b.h[i]!);
        }
      }
    }
    out[ai] = top;
  });
  return out;
}
