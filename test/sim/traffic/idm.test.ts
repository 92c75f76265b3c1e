import { describe, expect, it } from 'vitest';
import { ballistic, CITY_IDM, idmAccel } from '../../../src/sim/traffic';

describe('IDM (Treiber & Kesting city parameters)', () => {
  const p = CITY_IDM;

  it('accelerates from rest at a on a free road', () => {
    expect(idmAccel(p, 0, 15, Infinity, 0)).toBeCloseTo(1.0, 12);
  });

  it('follows the free-road term a(1 − (v/v0)^4)', () => {
    // v = 10, v0 = 15: 1 − (2/3)^4 = 1 − 16/81 = 65/81.
    expect(idmAccel(p, 10, 15, Infinity, 0)).toBeCloseTo(65 / 81, 12);
  });

  it('matches a hand computation with a leader', () => {
    // v = 10, v0 = 15, s = 20, dv = 2: s* = 2 + 10·1 + 10·2/(2·√1.5) = 12 + 10/√1.5.
    const sStar = 12 + 10 / Math.sqrt(1.5);
    const expected = 1 - 16 / 81 - (sStar / 20) ** 2;
    expect(idmAccel(p, 10, 15, 20, 2)).toBeCloseTo(expected, 12);
  });

  it('is in equilibrium at the steady-state gap s_e = (s0 + vT)/√(1 − (v/v0)^4)', () => {
    const v = 8;
    const se = (p.s0 + v * p.T) / Math.sqrt(1 - (v / 13) ** 4);
    expect(idmAccel(p, v, 13, se, 0)).toBeCloseTo(0, 10);
  });

  it('brakes hard but within the physical limit when closing fast on a stopped vehicle', () => {
    const a = idmAccel(p, 14, 14, 5, 14);
    expect(a).toBeLessThan(-p.b);
    expect(a).toBeGreaterThanOrEqual(-9);
  });

  it('ballistic update: constant acceleration, and stopping where the speed reaches zero', () => {
    const out = new Float64Array(1);
    expect(ballistic(10, 1, 0.5, out)).toBeCloseTo(10 * 0.5 + 0.5 * 0.25, 12);
    expect(out[0]).toBeCloseTo(10.5, 12);
    // v = 1, a = −4 over 0.5 s would reverse: it stops after v²/(2|a|) = 0.125 m.
    expect(ballistic(1, -4, 0.5, out)).toBeCloseTo(0.125, 12);
    expect(out[0]).toBe(0);
  });
});
