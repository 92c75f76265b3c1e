/**
 * The city's skeleton: a river meandering west to east, named districts (Voronoi cells around
 * fixed seeds, so district ids are the same for every seed), an arterial grid every 400 m with
 * local streets every 100 m, and the street blocks between them.
 */
import type { DistrictSpec, RoadSpec } from '../../sim';
import type { Rng } from '../../sim';
import { nearestIndex, round1, voronoiCell, type Pt } from './geometry';

export const BLOCK_M = 100;
export const ARTERIAL_EVERY = 4;
const RIVER_HALF_WIDTH = 45;

export interface DistrictSeed extends Pick<DistrictSpec, 'id' | 'name' | 'kind'> {
  /** Seed position as a fraction of the city's size. */
  readonly at: Pt;
}

/** Fixed district list: ids are stable so scenarios can name them. */
export const DISTRICT_SEEDS: readonly DistrictSeed[] = [
  { id: 'old-town', name: 'Old Town', kind: 'centre', at: [0.5, 0.42] },
  { id: 'market-quarter', name: 'Market Quarter', kind: 'centre', at: [0.36, 0.36] },
  { id: 'northgate', name: 'Northgate', kind: 'residential', at: [0.5, 0.12] },
  { id: 'hillside', name: 'Hillside', kind: 'residential', at: [0.18, 0.18] },
  { id: 'westbrook', name: 'Westbrook', kind: 'residential', at: [0.12, 0.5] },
  { id: 'elm-park', name: 'Elm Park', kind: 'residential', at: [0.8, 0.2] },
  { id: 'quayside', name: 'Quayside', kind: 'waterfront', at: [0.45, 0.64] },
  { id: 'southmead', name: 'Southmead', kind: 'residential', at: [0.3, 0.85] },
  { id: 'riverside-south', name: 'Riverside South', kind: 'residential', at: [0.62, 0.86] },
  { id: 'eastfield', name: 'Eastfield Industrial', kind: 'industrial', at: [0.86, 0.62] },
  { id: 'canal-works', name: 'Canal Works', kind: 'industrial', at: [0.12, 0.78] },
  { id: 'common', name: 'The Common', kind: 'parkland', at: [0.7, 0.4] },
];

export interface Block {
  /** Index of the block in the grid, column-major ids "b{col}-{row}". */
  readonly col: number;
  readonly row: number;
  readonly x0: number;
  readonly z0: number;
  readonly district: number;
}

export interface Layout {
  readonly sizeM: [number, number];
  readonly districtSeeds: Pt[];
  readonly districts: DistrictSpec[];
  readonly river: Pt[];
  readonly riverCentre: (x: number) => number;
  readonly blocks: Block[];
  readonly roads: RoadSpec[];
  /** Arterial junctions (x, z), not on the river. */
  readonly junctions: Pt[];
}

export function makeLayout(rng: Rng, cols: number, rows: number): Layout {
  const w = cols * BLOCK_M;
  const h = rows * BLOCK_M;
  const phase = rng.range(0, Math.PI * 2);
  const amp = rng.range(0.03, 0.06) * h;
  const riverCentre = (x: number) => 0.56 * h + amp * Math.sin((x / w) * Math.PI * 2.2 + phase);
  const river: Pt[] = [];
  for (let x = -50; x <= w + 50; x += 50) river.push([x, round1(riverCentre(x) - RIVER_HALF_WIDTH)]);
  for (let x = w + 50; x >= -50; x -= 50) river.push([x, round1(riverCentre(x) + RIVER_HALF_WIDTH)]);

  const districtSeeds: Pt[] = DISTRICT_SEEDS.map((d) => [round1((d.at[0] + rng.range(-0.02, 0.02)) * w), round1((d.at[1] + rng.range(-0.02, 0.02)) * h)]);
  const districts: DistrictSpec[] = DISTRICT_SEEDS.map((d, i) => ({
    id: d.id,
    name: d.name,
    kind: d.kind,
    polygon: voronoiCell(districtSeeds, i, w, h).map(([x, z]) => [round1(x), round1(z)] as const),
    population: 0,
  }));

  const inRiver = (x: number, z: number, margin: number) => Math.abs(z - riverCentre(x)) < RIVER_HALF_WIDTH + margin;
  const blocks: Block[] = [];
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      const x0 = c * BLOCK_M;
      const z0 = r * BLOCK_M;
      const cx = x0 + BLOCK_M / 2;
      const cz = z0 + BLOCK_M / 2;
      if (inRiver(cx, cz, 60) || inRiver(x0, z0, 5) || inRiver(x0 + BLOCK_M, z0 + BLOCK_M, 5) || inRiver(x0 + BLOCK_M, z0, 5) || inRiver(x0, z0 + BLOCK_M, 5))
        continue;
      blocks.push({ col: c, row: r, x0, z0, district: nearestIndex(districtSeeds, [cx, cz]) });
    }
  }

  const roads: RoadSpec[] = [];
  const junctions: Pt[] = [];
  // Vertical lines (constant x) then horizontal (constant z); segments between consecutive crossings.
  for (let c = 0; c <= cols; c++) {
    const arterial = c % ARTERIAL_EVERY === 0;
    for (let r = 0; r < rows; r++) {
      const x = c * BLOCK_M;
      const a: Pt = [x, r * BLOCK_M];
      const b: Pt = [x, (r + 1) * BLOCK_M];
      const wet = inRiver(x, a[1], 0) || inRiver(x, b[1], 0);
      if (wet && !arterial) continue;
      roads.push({
        id: `v${c}-${r}`,
        a,
        b,
        lanes: arterial ? 2 : 1,
        cls: arterial ? 'arterial' : 'street',
        street: streetName(c, arterial ? 'Road' : 'Street'),
      });
    }
  }
  for (let r = 0; r <= rows; r++) {
    const arterial = r % ARTERIAL_EVERY === 0;
    for (let c = 0; c < cols; c++) {
      const z = r * BLOCK_M;
      const a: Pt = [c * BLOCK_M, z];
      const b: Pt = [(c + 1) * BLOCK_M, z];
      if (inRiver(a[0], z, 0) || inRiver(b[0], z, 0)) continue;
      roads.push({
        id: `h${r}-${c}`,
        a,
        b,
        lanes: arterial ? 2 : 1,
        cls: arterial ? 'arterial' : 'street',
        street: streetName(r + 13, arterial ? 'Way' : 'Lane'),
      });
    }
  }
  for (let c = ARTERIAL_EVERY; c < cols; c += ARTERIAL_EVERY) {
    for (let r = ARTERIAL_EVERY; r < rows; r += ARTERIAL_EVERY) {
      const p: Pt = [c * BLOCK_M, r * BLOCK_M];
      if (!inRiver(p[0], p[1], 20)) junctions.push(p);
    }
  }
  return { sizeM: [w, h], districtSeeds, districts, river, riverCentre, blocks, roads, junctions };
}

/**
 * Names for the generated city's street lines, so a route reads as streets, not segment ids: a
 * fixed list (no random draws, so naming never changes a seeded city), north–south lines as
 * Streets (Roads when arterial), east–west as Lanes (Ways when arterial); numbered past the list.
 */
const STREET_WORDS = [
  'Mill',
  'Canal',
  'Church',
  'Station',
  'Park',
  'Victoria',
  'Albert',
  'Queen',
  'King',
  'Market',
  'Bridge',
  'Chapel',
  'Grove',
  'Oak',
  'Elm',
  'Ash',
  'Hill',
  'Brook',
  'Water',
  'Wharf',
  'George',
  'York',
  'Clarence',
  'Princess',
  'Castle',
  'Abbey',
  'Manor',
  'Orchard',
  'Meadow',
  'Spring',
  'Cross',
  'High',
  'Willow',
  'Beech',
  'Cedar',
  'Hawthorn',
  'Foundry',
  'Weaver',
  'Cotton',
  'Tanner',
  'Cooper',
  'Mason',
  'Farrier',
  'Priory',
  'Rectory',
  'Vicarage',
  'Granary',
  'Lock',
  'Ferry',
  'Quay',
  'Harbour',
  'Dock',
  'Forge',
  'Kiln',
  'Furnace',
  'Garden',
  'Nursery',
  'Heath',
  'Common',
  'Green',
  'Field',
  'Stone',
  'Chester',
  'Derby',
];

export function streetName(line: number, suffix: string): string {
  const word = STREET_WORDS[line % STREET_WORDS.length]!;
  const round = Math.floor(line / STREET_WORDS.length);
  return round === 0 ? `${word} ${suffix}` : `${word} ${suffix} ${round + 1}`;
}
