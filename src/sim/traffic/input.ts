/** What the scenario layer hands the simulation for traffic. */
import type { CityDemandSpec, RandomTripsSpec, TripList } from './demand';
import type { IdmParams } from './idm';
import type { TrafficNetwork } from './network';
import type { SignalSpec } from './signals';

export interface TrafficInput {
  readonly network: TrafficNetwork;
  /** A stable id per link (road id, with ":r" for the reverse direction). */
  readonly linkIds: readonly string[];
  /** Per link, the street it belongs to, for people; null when it has no name. */
  readonly linkStreets?: readonly (string | null)[] | null;
  readonly signals: readonly SignalSpec[];
  readonly randomTrips: RandomTripsSpec | null;
  readonly city: CityDemandSpec | null;
  /** Trips listed one by one (a SUMO demand file); their tripinfo can be written after the run. */
  readonly trips?: TripList | null;
  /** The vehicles' car-following parameters (default: CITY_IDM). */
  readonly idm?: IdmParams;
  /** Re-plan routes on the way when older than this many seconds (0: only when blocked). */
  readonly rerouteS: number;
  /** Crash risk at a junction sends an ambulance from the quickest of these stations, and the police from the quickest of those. */
  readonly ambulanceStations: readonly string[];
  readonly policeStations: readonly string[];
}
