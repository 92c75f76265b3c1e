/**
 * Traffic figures: the KPIs sampled each minute (mean speed, vehicles stuck, trips completed,
 * throughput, delay, emergency response times) and the traffic state at the end of a run in the report's
 * shape (`final.traffic`).
 */
import type { TrafficRunState } from './state';

export interface TrafficFinal {
  tripsStarted: number;
  tripsCompleted: number;
  tripsWaitingToDepart: number;
  tripsUnroutable: number;
  vehiclesActive: number;
  vehiclesStuck: number;
  maxVehiclesStuck: number;
  meanSpeedMps: number;
  meanTripDurationS: number;
  meanDelayS: number;
  vehicleUpdates: number;
  conflicts: number;
  /** Turns made from the wrong lane after waiting 10 s at the line (the lane-choice deadlock breaker). */
  wrongLaneTurns: number;
  signals: { total: number; dark: number; fixedTime: number; attacked: number };
  emergency: { dispatched: number; arrived: number; responseMedianS: number | null; responseP90S: number | null };
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** The q-quantile (nearest rank) of a list, or null when it is empty. */
export function quantile(xs: readonly number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

/** Mean speed of the vehicles on the road now, m/s (0 when the roads are empty). */
function instantMeanSpeed(t: TrafficRunState): number {
  const V = t.model.v;
  if (V.activeCount === 0) return 0;
  let s = 0;
  for (let i = 0; i < V.activeCount; i++) s += V.speed[V.active[i]!]!;
  return s / V.activeCount;
}

/** Traffic's KPIs; null where there is nothing to measure (no car on the road, no trip just ended, no emergency call yet). */
export function readTrafficKpis(t: TrafficRunState | null): Record<string, number | null> {
  if (!t) return {};
  const median = quantile(t.responseTimesS, 0.5);
  const p90 = quantile(t.responseTimesS, 0.9);
  return {
    trafficMeanSpeed: t.model.v.activeCount > 0 ? r2(instantMeanSpeed(t) * 3.6) : null,
    vehiclesStuck: t.model.stuckNow,
    tripsCompleted: t.model.tripsCompleted,
    trafficThroughput: t.completedLastMinute * 60,
    trafficDelay: t.completedLastMinute > 0 ? r2(t.delayLastMinute / t.completedLastMinute / 60) : null,
    emergencyResponseMedian: median === null || median === undefined ? null : r2(median / 60),
    emergencyResponseP90: p90 === null || p90 === undefined ? null : r2(p90 / 60),
  };
}

export function trafficFinal(t: TrafficRunState): TrafficFinal {
  const m = t.model;
  const modes = m.signals.mode;
  let dark = 0;
  let fixed = 0;
  let attacked = 0;
  for (let s = 0; s < modes.length; s++) {
    if (modes[s] === 2) dark++;
    else if (modes[s] === 1) fixed++;
    else if (modes[s]! >= 3) attacked++;
  }
  return {
    tripsStarted: m.tripsStarted,
    tripsCompleted: m.tripsCompleted,
    tripsWaitingToDepart: t.pendingTrips,
    tripsUnroutable: m.tripsUnroutable,
    vehiclesActive: m.activeCount,
    vehiclesStuck: m.stuckNow,
    maxVehiclesStuck: m.maxStuck,
    meanSpeedMps: m.vehicleUpdates > 0 ? r2(m.distanceM / (m.vehicleUpdates * 0.5)) : 0,
    meanTripDurationS: m.tripsCompleted > 0 ? r2(m.sumTripS / m.tripsCompleted) : 0,
    meanDelayS: m.tripsCompleted > 0 ? r2(m.sumDelayS / m.tripsCompleted) : 0,
    vehicleUpdates: m.vehicleUpdates,
    conflicts: m.conflicts,
    wrongLaneTurns: m.wrongLaneTurns,
    signals: { total: modes.length, dark, fixedTime: fixed, attacked },
    emergency: {
      dispatched: t.units.length,
      arrived: t.responseTimesS.length,
      responseMedianS: quantile(t.responseTimesS, 0.5),
      responseP90S: quantile(t.responseTimesS, 0.9),
    },
  };
}
