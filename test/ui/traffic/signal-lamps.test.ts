import { Matrix4, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { AMBER, DARK, GREEN, GREEN_YIELD, LANE_WIDTH_M, NO_SIGNAL, RED } from '../../../src/sim/traffic';
import { lampSpot, LAMP_SPACING_M, SignalLamps } from '../../../src/ui/traffic/signal-lamps';
import { trafficView } from '../../../src/worker/world-view';
import { streetGrid } from '../../support/scenarios';

function gridView(lanes: number) {
  const input = streetGrid({ rows: 3, cols: 3, blockLengthM: 150, lanes, signals: true });
  return { tv: trafficView(input)!, net: input.traffic!.network };
}

describe('signal lamp placement', () => {
  it('puts each approach’s lamps just before its stop line, over its own lanes on the left of the road', () => {
    for (const lanes of [1, 2]) {
      const { tv, net } = gridView(lanes);
      const ap = tv.approaches;
      expect(ap.link.length).toBeGreaterThan(0);
      for (const k of [1, 3, 8]) {
        for (let a = 0; a < ap.link.length; a++) {
          const l = ap.link[a]!;
          const node = net.linkTo[l]!;
          const fx = Math.cos(net.linkHeading[l]!);
          const fz = Math.sin(net.linkHeading[l]!);
          const across: number[] = [];
          let scale = 0;
          for (let slot = 0; slot < 3; slot++) {
            const p = lampSpot(tv, ap, a, slot, k);
            const dx = p.x - net.nodeX[node]!;
            const dz = p.z - net.nodeZ[node]!;
            const along = dx * fx + dz * fz;
            // Left of travel (x east, z south) is (fz, −fx).
            const left = dx * fz - dz * fx;
            // Before the stop line, out of the junction but near it (and on the approach itself).
            expect(along).toBeLessThan(-5);
            across.push(left);
            expect(p.heading).toBeCloseTo(net.linkHeading[l]!, 6);
            scale = p.scale;
            // Big marker scales shrink to fit the 150 m block (the board stays in the approach's first half).
            expect(scale).toBeLessThanOrEqual(k);
            expect(-along + 2.9 * scale).toBeLessThanOrEqual(75 + 1e-3);
            // Clear of the crossing road's boards: nearer edge further back than their half-width.
            expect(-along - 2.2 * scale).toBeGreaterThan(4.1 * scale);
          }
          // The group is centred on the approach's carriageway (left of the centre line), left turn
          // furthest left, the right turn towards the centre line.
          expect(across[1]).toBeCloseTo((lanes * LANE_WIDTH_M) / 2, 4);
          expect(across[0]! - across[1]!).toBeCloseTo(LAMP_SPACING_M * scale, 4);
          expect(across[1]! - across[2]!).toBeCloseTo(LAMP_SPACING_M * scale, 4);
        }
      }
    }
  });

  it('draws each slot in the shape of its aspect: arrow for green, bar for red or amber, disc when dark', () => {
    const { tv } = gridView(2);
    const lamps = new SignalLamps(tv);
    const n = tv.approaches.link.length * 3;
    const aspects = new Uint8Array(n).fill(RED);
    aspects.set([GREEN, GREEN, GREEN_YIELD, AMBER, AMBER, NO_SIGNAL, DARK], 0);
    lamps.update(aspects, 1);
    const meshes = Object.fromEntries(lamps.group.children.map((m) => [m.name, m as import('three').InstancedMesh]));
    const m = new Matrix4();
    const shown = (name: string, i: number) => {
      meshes[name]!.getMatrixAt(i, m);
      return m.determinant() !== 0;
    };
    const shapes = (i: number) => ['signal-arrows', 'signal-bars', 'signal-give-way', 'signal-dark'].filter((name) => shown(name, i));
    expect(shapes(0)).toEqual(['signal-arrows']);
    expect(shapes(1)).toEqual(['signal-arrows']);
    expect(shapes(2)).toEqual(['signal-arrows', 'signal-give-way']);
    expect(shapes(3)).toEqual(['signal-bars']);
    expect(shapes(5)).toEqual([]);
    expect(shapes(6)).toEqual(['signal-dark']);
    expect(shapes(7)).toEqual(['signal-bars']);
    // Arrows point the way of the turn: the left one to the left of travel, the right one to the right.
    const dir = (i: number) => {
      meshes['signal-arrows']!.getMatrixAt(i, m);
      return new Vector3(1, 0, 0).transformDirection(m);
    };
    const h = tv.approaches.stop[2]!;
    const leftOfTravel = (v: Vector3) => v.x * Math.sin(h) - v.z * Math.cos(h);
    expect(leftOfTravel(dir(0))).toBeCloseTo(1, 6);
    expect(dir(1).x * Math.cos(h) + dir(1).z * Math.sin(h)).toBeCloseTo(1, 6);
    expect(leftOfTravel(dir(2))).toBeCloseTo(-1, 6);
    // A change redraws only that slot's shapes: red to green swaps the bar for an arrow.
    aspects[7] = GREEN;
    lamps.update(aspects, 1);
    expect(shapes(7)).toEqual(['signal-arrows']);
    lamps.dispose();
  });
});
