/**
 * One line per indicator for a briefer who cannot read a figure at a glance: the tile's tooltip
 * and its accessible description. The simulation's own descriptions are precise but long; these
 * say what the number is in a breath, and the long one stays in the report.
 */
import type { KpiDef } from '../../sim';

export const KPI_HINT: Readonly<Record<string, string>> = {
  peopleWithoutPower: 'Residents whose electricity supply is cut',
  peopleWithoutWater: 'Residents whose taps give no water, or too little',
  assetsDown: 'Plant and devices that cannot do their job now',
  assetsCompromised: 'Devices an attacker controls now',
  recordsExfiltrated: 'Records of people (plates, faces, counts) taken abroad',
  devicesWithoutComms: 'Signals, pumps and substations their control room cannot reach in time',
  camerasWorking: 'Cameras still working for the city: not dark, hijacked or in a botnet',
  streetCoverage: 'Share of street length a working camera sees',
  mwShed: 'Electricity demand the grid cannot supply, in megawatts',
  trafficMeanSpeed: 'Average speed of the cars on the road now',
  vehiclesStuck: 'Vehicles stopped for over 5 minutes: gridlock',
  tripsCompleted: 'Car journeys finished so far',
  trafficThroughput: 'Car journeys finishing per hour, now',
  trafficDelay: 'Minutes each journey loses against free-flowing roads',
  personalDatasetsHeld: 'Datasets about residents the attacker holds',
  emergencyResponseMedian: 'Typical time for an ambulance or police car to arrive',
  emergencyResponseP90: 'Time within which 9 in 10 ambulances or police cars arrive',
};

/** The indicator's one-line hint: the list above, else the first sentence of its description. */
export function kpiHint(d: KpiDef): string {
  return KPI_HINT[d.id] ?? d.description.split(/(?<=[.:])\s/)[0]!.replace(/[.:]$/, '');
}
