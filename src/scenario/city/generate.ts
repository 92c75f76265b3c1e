/**
 * The seeded procedural city: layout, sites, buildings and infrastructure from one seed. The same
 * parameters and seed give the same city, byte for byte, in Node and in the browser.
 */
import { Rng, type CityModel } from '../../sim';
import { BLOCK_M, makeLayout } from './layout';
import { placeSites } from './sites';
import { makeBuildings } from './buildings';
import { makeInfrastructure, type GeneratedAsset } from './infrastructure';
import type { EdgeSpec } from '../../sim';

export interface CityParams {
  readonly name: string;
  readonly seed: number;
  /** Buildings in the city, including the sites' own buildings. */
  readonly buildings: number;
  readonly population: number;
  readonly sizeM: readonly [number, number];
  /** Whether to generate the infrastructure assets and their dependencies. */
  readonly infrastructure: boolean;
}

export interface GeneratedCity {
  readonly city: CityModel;
  readonly assets: readonly GeneratedAsset[];
  readonly edges: readonly EdgeSpec[];
  readonly population: number;
}

export function generateCity(p: CityParams, remoteVendors: readonly string[]): GeneratedCity {
  const rng = new Rng(p.seed);
  const cols = Math.max(8, Math.round(p.sizeM[0] / BLOCK_M));
  const rows = Math.max(8, Math.round(p.sizeM[1] / BLOCK_M));
  const layout = makeLayout(rng.fork('layout'), cols, rows);
  const sites = placeSites(layout, rng.fork('sites'));
  const buildings = makeBuildings(layout, sites, p.buildings, rng.fork('buildings'));
  const infra = p.infrastructure
    ? makeInfrastructure(layout, sites, buildings, p.population, remoteVendors)
    : { assets: [], edges: [], population: 0, districtPopulation: layout.districts.map(() => 0) };
  const city: CityModel = {
    name: p.name,
    sizeM: layout.sizeM,
    districts: layout.districts.map((d, i) => ({ ...d, population: infra.districtPopulation[i] ?? 0 })),
    buildings,
    roads: layout.roads,
    water: [layout.river],
    attribution: null,
  };
  return { city, assets: infra.assets, edges: infra.edges, population: infra.population };
}
