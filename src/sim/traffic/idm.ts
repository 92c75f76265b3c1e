/**
 * The Intelligent Driver Model (Treiber, Hennecke & Helbing 2000), with the parameters Treiber &
 * Kesting give for city traffic ("Traffic Flow Dynamics", Springer 2013, Table 11.2): time gap
 * T = 1.0 s, minimum gap s0 = 2 m, maximum acceleration a = 1.0 m/s², comfortable deceleration
 * b = 1.5 m/s², acceleration exponent δ = 4; the desired speed v0 is the link's speed limit times
 * the driver's own speed factor. Vehicles are 5 m long (the book's l = 5 m).
 *
 * Positions advance with the ballistic update the book recommends for IDM (Section 11.2.4): the
 * speed changes linearly over the step and never goes negative — a vehicle that would reverse
 * stops where its speed reaches zero.
 */

export interface IdmParams {
  /** Time gap, s. */
  readonly T: number;
  /** Minimum (jam) gap, m. */
  readonly s0: number;
  /** Maximum acceleration, m/s². */
  readonly a: number;
  /** Comfortable deceleration, m/s². */
  readonly b: number;
  readonly delta: number;
  /** Vehicle length, m. */
  readonly length: number;
}

export const CITY_IDM: IdmParams = { T: 1.0, s0: 2, a: 1.0, b: 1.5, delta: 4, length: 5 };

/** The most an IDM driver brakes (a physical limit; IDM asks for more only in emergencies). */
export const MAX_DECEL = 9;

/**
 * IDM acceleration for speed v, desired speed v0, net gap s to the leader (bumper to bumper, m)
 * and approach rate dv = v − v_leader. Pass s = Infinity on a free road.
 */
export function idmAccel(p: IdmParams, v: number, v0: number, s: number, dv: number): number {
  const ratio = v0 > 0 ? v / v0 : 1;
  // δ = 4 is by far the common case: two squarings beat Math.pow in the hot loop.
  const free = p.delta === 4 ? ratio * ratio * ratio * ratio : Math.pow(ratio, p.delta);
  if (s === Infinity) return Math.max(-MAX_DECEL, p.a * (1 - free));
  const sStar = p.s0 + Math.max(0, v * p.T + (v * dv) / (2 * Math.sqrt(p.a * p.b)));
  const gap = s > 0.01 ? s : 0.01;
  const inter = sStar / gap;
  const acc = p.a * (1 - free - inter * inter);
  return acc < -MAX_DECEL ? -MAX_DECEL : acc;
}

/**
 * Ballistic step: returns the distance travelled in dt and writes the new speed into out[0].
 * A vehicle whose speed would turn negative stops at v² / (2|acc|).
 */
export function ballistic(v: number, acc: number, dt: number, out: Float64Array): number {
  const v1 = v + acc * dt;
  if (v1 < 0) {
    out[0] = 0;
    return acc < 0 ? (-0.5 * v * v) / acc : 0;
  }
  out[0] = v1;
  return v * dt + 0.5 * acc * dt * dt;
}
