/** What the KPIs, the page's snapshot and the run report read of running traffic. */
import type { EventId } from '../core';
import type { TrafficModel } from './model';

/** An emergency unit sent to an incident. */
export interface Unit {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly sentMs: number;
  readonly event: EventId;
  vehicle: number;
  arrivedMs: number | null;
}

export interface TrafficRunState {
  readonly model: TrafficModel;
  readonly units: readonly Unit[];
  /** Emergency response times so far, s. */
  readonly responseTimesS: readonly number[];
  /** Trips completed in the last minute, and their summed delay, s. */
  readonly completedLastMinute: number;
  readonly delayLastMinute: number;
  /** Trips waiting to depart (their origin link full). */
  readonly pendingTrips: number;
}
