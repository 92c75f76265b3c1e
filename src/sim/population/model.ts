/**
 * What the scenario layer hands the population subsystem: how many residents, where homes, work,
 * schools and sensitive sites are (building indices into the city's BuildingTable), which sensors
 * exist (cameras with ANPR, face analytics or Wi-Fi probes; transit stations), and how each
 * dataset is anonymised. Plain data: the subsystem builds its own typed arrays from it.
 */

import type { PrivacyAcquisition, PrivacyDataset } from '../core';

/** The datasets the city's sensing systems keep. */
export type DatasetId = PrivacyDataset;
export const DATASET_IDS: readonly DatasetId[] = ['anpr', 'face', 'smartcard', 'meter', 'wifi', 'aggregates'];

export const DATASET_LABELS: Record<DatasetId, string> = {
  anpr: 'ANPR reads (camera, time, hashed plate)',
  face: 'Face-match detections (camera, time, template id)',
  smartcard: 'Transit smart-card taps (station, time, card pseudonym)',
  meter: 'Smart-meter readings (household, half-hourly kWh)',
  wifi: 'Wi-Fi/Bluetooth probe sightings (sensor, time, hashed MAC)',
  aggregates: 'Published counts per area per hour',
};

/** How the attacker came to hold a dataset. */
export type Acquisition = PrivacyAcquisition;

/** How a pseudonym changes: never, once a day (e.g. rotated MACs), or on every record (unlinkable). */
export type Rotation = 'none' | 'daily' | 'per-record';

/**
 * A dataset's anonymisation. Applied when the dataset leaves its holder (handed over, stolen or
 * published), so a policy change shows its effect on everything that would be released.
 */
export interface Anonymisation {
  readonly rotation: Rotation;
  /** Spatial coarsening: locations snapped to cells of this size (m); 0 keeps the sensor's position. */
  readonly cellM: number;
  /** Temporal coarsening: times floored to bins of this many seconds (1 keeps seconds). */
  readonly binS: number;
  /** Small-count suppression (Sweeney 2002): drop cells (place × bin) seen by fewer than k distinct ids. */
  readonly k: number;
  /** Differential privacy on aggregates (Dwork et al. 2006): Laplace noise of scale 1/ε; null for none. */
  readonly epsilon: number | null;
  /** Records older than this (s) are deleted; null keeps everything. */
  readonly retentionS: number | null;
}

/** What each system does by default: hashed but stable plates, daily-rotated MACs, postcode-level meters. */
export const DEFAULT_ANONYMISATION: Record<DatasetId, Anonymisation> = {
  anpr: { rotation: 'none', cellM: 0, binS: 1, k: 1, epsilon: null, retentionS: null },
  face: { rotation: 'none', cellM: 0, binS: 1, k: 1, epsilon: null, retentionS: null },
  smartcard: { rotation: 'none', cellM: 0, binS: 1, k: 1, epsilon: null, retentionS: null },
  meter: { rotation: 'none', cellM: 100, binS: 1800, k: 1, epsilon: null, retentionS: null },
  wifi: { rotation: 'daily', cellM: 0, binS: 1, k: 1, epsilon: null, retentionS: null },
  aggregates: { rotation: 'none', cellM: 500, binS: 3600, k: 10, epsilon: null, retentionS: null },
};

export const SENSOR_ANPR = 1;
export const SENSOR_FACE = 2;
export const SENSOR_WIFI = 4;
export const SENSOR_STATION = 8;

export interface SensorSpec {
  /** Camera asset id, or a station id. */
  readonly id: string;
  readonly x: number;
  readonly z: number;
  /** Bit set of SENSOR_*. */
  readonly kinds: number;
}

export type SensitiveKind = 'clinic' | 'place-of-worship' | 'job-centre' | 'party-office' | 'support-centre';

export interface SensitiveSiteSpec {
  /** Asset id, or a synthetic id for sites that are not assets (party office, support centre). */
  readonly id: string;
  readonly name: string;
  readonly kind: SensitiveKind;
  /** Building index of the site. */
  readonly building: number;
}

export interface PopulationInput {
  readonly residents: number;
  /** Clock time at the start of the recorded history, in hours after midnight. */
  readonly startHour: number;
  /** Whole days simulated before the run starts, so datasets hold a history when the incident begins. */
  readonly historyDays: number;
  /** Day of the week at the start of the history: 0 Monday ... 6 Sunday. */
  readonly startWeekday: number;
  /** Building indices of schools (pupils go to the nearest). */
  readonly schools: readonly number[];
  readonly sensitive: readonly SensitiveSiteSpec[];
  readonly sensors: readonly SensorSpec[];
  /** Spacing of the arterial grid, m (cameras sit at arterial junctions). */
  readonly arterialM: number;
  /** Where junction sensors stand when the streets are not that grid (a town from OpenStreetMap); absent: the arterial crossings. */
  readonly junctions?: readonly (readonly [number, number])[];
  readonly anonymisation: Readonly<Record<DatasetId, Anonymisation>>;
  /** Datasets the attacker holds from the start (a what-if), and how it got them. */
  readonly attackerHolds: readonly { readonly dataset: DatasetId; readonly how: Acquisition }[];
}
