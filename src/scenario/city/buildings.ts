/**
 * Buildings: the target count is shared among street blocks by district density, each block is
 * cut into a grid of lots, and each lot gets one building whose footprint and height follow its
 * district (tall offices in the centre, terraced houses in residential areas, sheds in industry).
 * Site blocks get the site's own building instead.
 */
import type { BuildingTable, Rng } from '../../sim';
import { BLOCK_M, DISTRICT_SEEDS, type Block, type Layout } from './layout';
import type { Site } from './sites';

const DENSITY: Record<string, number> = { centre: 1.5, residential: 1.4, waterfront: 1.0, industrial: 0.3, parkland: 0.02 };
const STREET_SETBACK = 8;

export const USE_HOME = 0;
export const USE_WORK = 1;
export const USE_INDUSTRY = 2;
export const USE_CIVIC = 3;

export function makeBuildings(layout: Layout, sites: readonly Site[], target: number, rng: Rng): BuildingTable {
  const siteBlocks = new Set(sites.map((s) => s.block));
  const free = layout.blocks.filter((b) => !siteBlocks.has(b));
  const weight = free.map((b) => DENSITY[DISTRICT_SEEDS[b.district]!.kind]! * rng.range(0.7, 1.3));
  const totalW = weight.reduce((a, b) => a + b, 0);
  const want = Math.max(0, target - sites.length);
  // Largest-remainder allocation, so the total is exactly the target.
  const exact = weight.map((wt) => (want * wt) / totalW);
  const counts = exact.map(Math.floor);
  let left = want - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < order.length && left > 0; k++, left--) counts[order[k]![1]]!++;

  const n = sites.length + want;
  const t = {
    count: n,
    x: new Float32Array(n),
    z: new Float32Array(n),
    w: new Float32Array(n),
    d: new Float32Array(n),
    h: new Float32Array(n),
    district: new Uint16Array(n),
    use: new Uint8Array(n),
  };
  let k = 0;
  for (const s of sites) {
    const [bw, bd, bh] = s.type.building;
    setB(t, k++, s.position[0], s.position[1], bw, bd, bh, s.block.district, USE_CIVIC);
  }
  free.forEach((b, i) => {
    k = fillBlock(t, k, b, counts[i]!, layout, rng);
  });
  return t;
}

function setB(t: BuildingTable, k: number, x: number, z: number, w: number, d: number, h: number, district: number, use: number): void {
  t.x[k] = x;
  t.z[k] = z;
  t.w[k] = w;
  t.d[k] = d;
  t.h[k] = h;
  t.district[k] = district;
  t.use[k] = use;
}

function fillBlock(t: BuildingTable, k: number, b: Block, count: number, layout: Layout, rng: Rng): number {
  if (count <= 0) return k;
  const kind = DISTRICT_SEEDS[b.district]!.kind;
  const inner = BLOCK_M - 2 * STREET_SETBACK;
  const cols = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / cols);
  const lotW = inner / cols;
  const lotD = inner / rows;
  const seed = layout.districtSeeds[b.district]!;
  const distToSeed = Math.hypot(b.x0 + BLOCK_M / 2 - seed[0], b.z0 + BLOCK_M / 2 - seed[1]);
  for (let i = 0; i < count; i++) {
    const c = i % cols;
    const r = Math.floor(i / cols);
    const fill = kind === 'industrial' ? rng.range(0.7, 0.9) : rng.range(0.55, 0.85);
    const w = Math.max(4, lotW * fill);
    const d = Math.max(4, lotD * rng.range(0.55, 0.85));
    const x = b.x0 + STREET_SETBACK + lotW * (c + 0.5) + rng.range(-0.1, 0.1) * (lotW - w);
    const z = b.z0 + STREET_SETBACK + lotD * (r + 0.5) + rng.range(-0.1, 0.1) * (lotD - d);
    let h: number;
    let use: number;
    switch (kind) {
      case 'centre': {
        // Lognormal heights, taller near the district's heart.
        const median = 34 * Math.exp(-distToSeed / 900);
        h = Math.min(160, Math.max(9, Math.exp(Math.log(median + 8) + 0.5 * rng.normal())));
        use = rng.chance(0.3) ? USE_HOME : USE_WORK;
        break;
      }
      case 'waterfront':
        h = rng.range(12, 42);
        use = rng.chance(0.55) ? USE_HOME : USE_WORK;
        break;
      case 'industrial':
        h = rng.range(7, 16);
        use = rng.chance(0.9) ? USE_INDUSTRY : USE_WORK;
        break;
      case 'parkland':
        h = rng.range(4, 8);
        use = USE_WORK;
        break;
      default:
        h = rng.chance(0.06) ? rng.range(14, 30) : rng.range(5.5, 11);
        use = rng.chance(0.93) ? USE_HOME : USE_WORK;
    }
    setB(t, k++, x, z, w, d, Math.round(h * 10) / 10, b.district, use);
  }
  return k;
}
