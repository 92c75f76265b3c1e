/**
 * What an attacker reads from smart-meter readings alone: when each home empties and fills again.
 * It knows nothing of how the meters' loads are made, so it judges each household against its own
 * night: the 10th percentile of its readings between 01:00 and 05:00 (asleep, the home draws its
 * standby load and little more) is its baseline, and a reading more than 10% above it means
 * someone is up and at home. A home is empty when it draws no more than it does at night — which
 * scales with the household (three times the consumption, three times the baseline).
 */
import { DAY_S } from '../core';
import type { ReleasedMeters } from '../population';

const NIGHT_FROM_S = 1 * 3600;
const NIGHT_TO_S = 5 * 3600;
/** The low percentile of night readings taken as the household's baseline. */
const BASELINE_PERCENTILE = 0.1;
/** "Clearly above" the baseline: by more than this share of it. */
const ABOVE = 1.1;
/** Before this clock time a sleeping household looks much like an empty one. */
const DAY_FROM_S = 6 * 3600;

/**
 * Each household's occupancy threshold (kWh per reading): readings at or below it are an empty
 * home. Night readings are those whose whole slot falls between 01:00 and 05:00 (`off`: seconds
 * from midnight to time 0); with none (readings a day long, say), the low percentile of all of them.
 */
export function occupancyThresholds(meters: ReleasedMeters, off: number): Float64Array {
  const slots = baselineSlots(meters, off);
  const out = new Float64Array(meters.households);
  const scratch = new Float64Array(slots.length);
  for (let h = 0; h < meters.households; h++) out[h] = thresholdOf(meters, slots, h, scratch);
  return out;
}

/** One household's threshold, as `occupancyThresholds` gives it. */
export function occupancyThreshold(meters: ReleasedMeters, off: number, h: number): number {
  const slots = baselineSlots(meters, off);
  return thresholdOf(meters, slots, h, new Float64Array(slots.length));
}

function baselineSlots(meters: ReleasedMeters, off: number): Int32Array {
  const S = meters.slotS;
  const night: number[] = [];
  for (let s = 0; s < meters.slots; s++) {
    const c = (((s * S + off) % DAY_S) + DAY_S) % DAY_S;
    if (c >= NIGHT_FROM_S && c + S <= NIGHT_TO_S) night.push(s);
  }
  return night.length > 0 ? Int32Array.from(night) : Int32Array.from({ length: meters.slots }, (_, s) => s);
}

function thresholdOf(meters: ReleasedMeters, slots: Int32Array, h: number, v: Float64Array): number {
  if (slots.length === 0) return 0;
  const H = meters.households;
  for (let i = 0; i < slots.length; i++) v[i] = meters.kwh[slots[i]! * H + h]!;
  v.sort();
  return v[Math.min(slots.length - 1, Math.floor(BASELINE_PERCENTILE * slots.length))]! * ABOVE;
}

/**
 * Per household and day, interleaved in threes: the slot the home first empties after 06:00, the
 * slot it first fills again after that, and the slot it last fills that day (the same slot when
 * it fills once; -1 for none). The last fill is the return from an evening out when everyone at
 * home went out again. Slot by slot across all households, so the slot-major readings are read in
 * order.
 */
export function homeRhythm(meters: ReleasedMeters, days: number, off: number): Int32Array {
  const H = meters.households;
  const S = meters.slotS;
  const thr = occupancyThresholds(meters, off);
  const kwh = meters.kwh;
  const dr = new Int32Array(3 * H * days).fill(-1);
  for (let day = 0; day < days; day++) {
    const s0 = Math.max(0, Math.ceil((day * DAY_S + DAY_FROM_S - off) / S));
    const s1 = Math.min(meters.slots, Math.floor(((day + 1) * DAY_S - off) / S));
    for (let s = s0; s < s1; s++) {
      const base = s * H;
      for (let h = 0; h < H; h++) {
        const o = 3 * (h * days + day);
        const empty = kwh[base + h]! <= thr[h]!;
        if (dr[o]! < 0) {
          if (empty) dr[o] = s;
        } else if (!empty && kwh[base - H + h]! <= thr[h]!) {
          // Filling: the slot before (at or after the first empty one) was empty.
          if (dr[o + 1]! < 0) dr[o + 1] = s;
          dr[o + 2] = s;
        }
      }
    }
  }
  return dr;
}
