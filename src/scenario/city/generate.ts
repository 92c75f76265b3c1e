/**
 * The seeded procedural city: layout, sites, buildings and infrastructure from one seed. The same
 * parameters and seed give the same city, byte for byte, in Node and in the browser.
 */
import { Rng, type CityModel } from '../../sim';
import { BLOCK_M, DISTRICT_SEEDS, makeLayout } from './layout';
import { placeSites } from './sites';
import { makeBuildings } from './buildings';
import { cellSwitches, districtAggregation, junctionCameras, makeInfrastructure, type GeneratedAsset, type InfraDistrict } from './infrastructure';
import { nearestIndex } from './geometry';
import type { BuildingTable, EdgeSpec } from '../../sim';
import type { Layout } from './layout';
import type { Site } from './sites';
import type { InfraPlan } from './infrastructure';

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
    ? makeInfrastructure(plan(layout, sites, buildings, p.population, remoteVendors))
    : { assets: [], edges: [], cameraRoles: new Map(), population: 0, districtPopulation: layout.districts.map(() => 0) };
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

/** Where the generated city's infrastructure stands: its sites, a switch per 800 m cell, signals and cameras at every arterial junction. */
function plan(layout: Layout, sites: readonly Site[], buildings: BuildingTable, population: number, remoteVendors: readonly string[]): InfraPlan {
  const districts: InfraDistrict[] = DISTRICT_SEEDS.map((d, i) => ({ id: d.id, name: d.name, kind: d.kind, seed: layout.districtSeeds[i]! }));
  return {
    districts,
    sites: sites.map((s) => ({
      id: s.id,
      kind: s.type.kind,
      subsystem: s.type.subsystem,
      name: s.name,
      position: s.position,
      district: s.district,
      critical: s.type.critical,
    })),
    aggregation: districts.map(districtAggregation),
    switches: cellSwitches(layout.sizeM),
    junctions: layout.junctions.map((j) => {
      const c = Math.round(j[0] / 100);
      const r = Math.round(j[1] / 100);
      return {
        position: j,
        label: `junction ${c}/${r}`,
        signal: { id: `signal-${c}-${r}`, name: `Signals at junction ${c}/${r}`, position: j },
        cameras: junctionCameras(districts[nearestIndex(layout.districtSeeds, j)]!.kind),
      };
    }),
    siteCameras: true,
    buildings,
    populationTarget: population,
    remoteVendors,
  };
}
