/**
 * Smart meters: each household's half-hourly consumption, driven by how many of its residents are
 * at home. Occupant-seconds are accumulated on every arrival and departure and closed off at each
 * half-hour boundary, so the reading reflects occupancy over the half hour, as a real meter's
 * does. The load model is in round figures from the UK Household Electricity Survey (DECC/DEFRA
 * 2012): a standby base of about 120 W, plus per occupant a time-of-day profile with a morning
 * and an evening peak, and kettle-sized spikes. Occupancy is what the attacker reads from it.
 */
import type { Rng } from '../core';
import type { Occupancy } from './movement';
import { SlotMatrix } from './records';

export const SLOT_S = 1800;

export class HouseholdMeters implements Occupancy {
  readonly occ: Uint8Array;
  private readonly since: Int32Array;
  private readonly accum: Float64Array;
  /** kWh per household per half hour since the start. */
  readonly kwh: SlotMatrix;
  /** Ground truth: occupant share of the half hour (mean occupants), for tests and scoring. */
  readonly occupied: SlotMatrix;

  constructor(
    sizes: Uint8Array,
    private readonly rng: Rng,
  ) {
    const n = sizes.length;
    this.occ = Uint8Array.from(sizes);
    this.since = new Int32Array(n);
    this.accum = new Float64Array(n);
    this.kwh = new SlotMatrix(n, 48);
    this.occupied = new SlotMatrix(n, 48);
  }

  leave(h: number, tS: number): void {
    this.accum[h]! += this.occ[h]! * (tS - this.since[h]!);
    this.since[h] = tS;
    if (this.occ[h]! > 0) this.occ[h]!--;
  }

  arrive(h: number, tS: number): void {
    this.accum[h]! += this.occ[h]! * (tS - this.since[h]!);
    this.since[h] = tS;
    this.occ[h]!++;
  }

  /** Closes half-hour slot `slot` ending at `endS`; `clockHour` is the slot's hour of day. */
  close(slot: number, endS: number, clockHour: number): void {
    const n = this.occ.length;
    const profile = clockHour < 6 ? 0.25 : clockHour < 9 ? 1.4 : clockHour < 17 ? 0.9 : clockHour < 22 ? 1.7 : 0.8;
    const rng = this.rng;
    for (let h = 0; h < n; h++) {
      const mean = (this.accum[h]! + this.occ[h]! * (endS - this.since[h]!)) / SLOT_S;
      this.accum[h] = 0;
      this.since[h] = endS;
      let kwh = 0.06 * (0.85 + 0.3 * rng.next());
      if (mean > 0) {
        kwh += mean * 0.08 * profile * (0.6 + 0.8 * rng.next());
        if (rng.next() < 0.35 * profile) kwh += 0.05 + 0.05 * rng.next();
      }
      this.kwh.set(slot, h, kwh);
      this.occupied.set(slot, h, mean);
    }
  }
}
