/**
 * City-wide KPIs read from the world each minute: people without power or water (residents of
 * neighbourhoods that have lost that supply outright, not those riding on storage), assets down and
 * assets compromised. Each keeps its history for the charts and the report.
 */
import type { KpiDef, KpiNeed, KpiValues, World } from '../core';
import type { GridSubsystem } from '../power';
import type { WaterSubsystem } from '../water';

export type { KpiDef, KpiNeed, KpiValues } from '../core';

/** The KPIs a scenario can fill: none of a subsystem it does not have. */
export function kpiDefsFor(has: Readonly<Record<Exclude<KpiNeed, 'data'>, boolean>>): KpiDef[] {
  return KPI_DEFS.filter((d) => d.needs === undefined || (d.needs === 'data' ? has.cyber || has.population : has[d.needs]));
}

export const KPI_DEFS: readonly KpiDef[] = [
  { id: 'peopleWithoutPower', label: 'People without power', unit: 'people', description: 'Residents of neighbourhoods whose electricity supply is lost.' },
  {
    id: 'peopleWithoutWater',
    label: 'People without water',
    unit: 'people',
    description:
      "Residents without water: with a hydraulic model, each neighbourhood's residents times the share of its demand not delivered; otherwise those whose supply is lost once mains storage runs out.",
  },
  { id: 'assetsDown', label: 'Assets down', unit: 'assets', description: 'Plant and devices that cannot deliver their service.' },
  { id: 'assetsCompromised', label: 'Assets compromised', unit: 'assets', description: 'Devices an attacker controls.' },
  {
    id: 'recordsExfiltrated',
    label: 'Records taken',
    unit: 'records',
    description: 'Detection records (plates, faces, counts) exfiltrated or disclosed to another jurisdiction.',
    needs: 'data',
  },
  {
    id: 'devicesWithoutComms',
    label: 'Devices without comms',
    unit: 'devices',
    description: 'Signals, pumps and substations whose control traffic misses its deadline.',
    needs: 'cyber',
  },
  {
    id: 'camerasWorking',
    label: 'Cameras working',
    unit: 'cameras',
    description: 'Cameras working for their owner: not dark, not hijacked, not in a botnet.',
    better: 'higher',
    alertBelowPeak: true,
    needs: 'cyber',
  },
  {
    id: 'streetCoverage',
    label: 'Street coverage',
    unit: '%',
    description: 'Share of the street length that at least one camera still sees (a botnet camera keeps recording; a dark, cut-off or hijacked one does not).',
    better: 'higher',
    alertBelowPeak: true,
    needs: 'cyber',
  },
  { id: 'mwShed', label: 'Power not served', unit: 'MW', description: 'Load the grid cannot serve: shed by priority or on de-energised buses.', needs: 'grid' },
  {
    id: 'trafficMeanSpeed',
    label: 'Mean traffic speed',
    unit: 'km/h',
    description: 'Mean speed of the vehicles on the road now.',
    better: 'higher',
    needs: 'traffic',
  },
  { id: 'vehiclesStuck', label: 'Vehicles stuck', unit: 'vehicles', description: 'Vehicles stopped for more than 5 minutes: gridlock.', needs: 'traffic' },
  {
    id: 'tripsCompleted',
    label: 'Trips completed',
    unit: 'trips',
    description: 'Vehicle trips that have reached their destination so far.',
    better: 'higher',
    needs: 'traffic',
  },
  {
    id: 'trafficThroughput',
    label: 'Traffic throughput',
    unit: 'trips/h',
    description: 'Trips completed in the last minute, as an hourly rate.',
    better: 'higher',
    needs: 'traffic',
  },
  {
    id: 'trafficDelay',
    label: 'Delay per trip',
    unit: 'min',
    description: 'Time the trips completed in the last minute lost against driving their route at the speed limit, on average.',
    needs: 'traffic',
  },
  {
    id: 'personalDatasetsHeld',
    label: 'Personal datasets held',
    unit: 'datasets',
    description: 'Datasets about residents (plates, faces, smart cards, meters, Wi-Fi, counts) the attacker holds, stolen or handed over.',
    needs: 'population',
  },
  {
    id: 'emergencyResponseMedian',
    label: 'Emergency response (median)',
    unit: 'min',
    description: 'Time for ambulances and police to reach incidents, median so far.',
    needs: 'traffic',
  },
  {
    id: 'emergencyResponseP90',
    label: 'Emergency response (90th pct)',
    unit: 'min',
    description: 'Time for ambulances and police to reach incidents, 90th percentile so far.',
    needs: 'traffic',
  },
];

/**
 * Reads the city-wide KPIs now: people without power or water, assets down and compromised (each
 * subsystem adds its own through `kpis()`). With a grid, a neighbourhood whose substation still
 * has supply but sheds part of its load counts that share of its residents as without power.
 */
export function readKpis(world: World, power: GridSubsystem | null = null, water: WaterSubsystem | null = null): KpiValues {
  // Where a hydraulic model serves a neighbourhood, its delivered/required service decides; elsewhere the dependency graph.
  const modelled = water ? water.consumerAssets() : null;
  let noPower = 0;
  let noWater = 0;
  let down = 0;
  let compromised = 0;
  for (let i = 0; i < world.assets.length; i++) {
    const a = world.assets[i]!;
    if (world.status[i] === 2 && a.population === 0) down++;
    if (world.compromise[i] !== null) compromised++;
    if (a.population > 0) {
      if (world.hasLost(i, 'power')) noPower += a.population;
      else if (power) noPower += a.population * shedShare(world, power, i);
      if (!modelled?.has(i) && world.hasLost(i, 'water')) noWater += a.population;
    }
  }
  return {
    peopleWithoutPower: Math.round(noPower),
    peopleWithoutWater: Math.round(noWater + (water ? water.peopleWithoutWater() : 0)),
    assetsDown: down,
    assetsCompromised: compromised,
  };
}

function shedShare(world: World, power: GridSubsystem, i: number): number {
  let worst = 0;
  for (const e of world.suppliersOf(world.assets[i]!.id)) {
    if (e.resource !== 'power') continue;
    const b = power.busOfAsset(e.from);
    if (b !== undefined) worst = Math.max(worst, power.unservedShare(b));
  }
  return worst;
}

/** KPI history: a point each sample, plus a point whenever a value changes between samples. */
export class KpiRecorder {
  readonly series: Record<string, [number, number][]> = {};

  /** `defs`: the KPIs to keep a history of (the city-wide table, and any a subsystem adds). */
  constructor(
    private readonly read: () => KpiValues,
    private readonly defs: readonly KpiDef[] = KPI_DEFS,
  ) {
    for (const d of defs) this.series[d.id] = [];
  }

  sample(tMs: number): KpiValues {
    const v = this.read();
    for (const d of this.defs) {
      const x = v[d.id];
      if (x === null || x === undefined) continue; // nothing measured yet: no point, not a 0
      const s = this.series[d.id]!;
      const last = s[s.length - 1];
      const tS = tMs / 1000;
      if (last && last[0] === tS) last[1] = x;
      else s.push([tS, x]);
    }
    return v;
  }
}
