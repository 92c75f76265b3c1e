import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/sim';
import { AMBER, GREEN, GREEN_YIELD, NO_SIGNAL, RED, SLOTS, slotOfTurn, TURN_RIGHT } from '../../../src/sim/traffic';
import { trafficView } from '../../../src/worker/world-view';
import { streetGrid } from '../../support/scenarios';

/** A 3 × 3 grid of two-lane streets with a signal at every junction of three or more roads. */
function gridSim() {
  const input = streetGrid({ rows: 3, cols: 3, blockLengthM: 150, lanes: 2, signals: true }, { demand: { randomTrips: { periodS: 5, untilS: 600 } } });
  return { sim: createSimulation(input), view: trafficView(input)! };
}

describe('per-approach signal aspects in the traffic snapshot', () => {
  it('pairs with the view’s approaches and equals turnAspect for each turn', () => {
    const { sim, view } = gridSim();
    const ap = view.approaches;
    const net = sim.traffic!.input.network;
    // Every incoming link of every signalised junction, once.
    expect(ap.link.length).toBe(sim.traffic!.input.signals.reduce((n, s) => n + net.inStart[s.node + 1]! - net.inStart[s.node]!, 0));
    for (const tMs of [10_000, 31_000, 34_000, 50_000]) {
      sim.runUntil(tMs);
      const t = sim.snapshot().traffic!;
      expect(t.approaches.length).toBe(ap.link.length * SLOTS);
      const { signals: sig, junctions } = sim.traffic!.model;
      for (let a = 0; a < ap.link.length; a++) {
        const l = ap.link[a]!;
        expect(net.linkTo[l]).toBe(sim.traffic!.input.signals[ap.signal[a]!]!.node);
        const seen = new Set<number>();
        for (let k = net.outStart[l]!; k < net.outStart[l + 1]!; k++) {
          const slot = slotOfTurn(junctions.mv.kind[k]!);
          seen.add(slot);
          // One movement per slot at a crossroads, so the slot shows exactly its aspect.
          expect(t.approaches[a * SLOTS + slot]).toBe(sig.turnAspect(k, l));
        }
        for (let slot = 0; slot < SLOTS; slot++) if (!seen.has(slot)) expect(t.approaches[a * SLOTS + slot]).toBe(NO_SIGNAL);
      }
    }
  });

  it('shows opposing approaches the same stage while the crossing ones are red', () => {
    const { sim, view } = gridSim();
    sim.runUntil(10_000);
    const t = sim.snapshot().traffic!;
    const { signals: sig } = sim.traffic!.model;
    const net = sim.traffic!.input.network;
    const ap = view.approaches;
    // The centre junction is a full crossroads: four approaches, two per axis.
    const s = sim.traffic!.input.signals.findIndex((x) => net.nodeX[x.node] === 150 && net.nodeZ[x.node] === 150);
    const mine = [...ap.signal.keys()].filter((a) => ap.signal[a] === s);
    expect(mine).toHaveLength(4);
    const slots = (a: number) => [...t.approaches.subarray(a * SLOTS, a * SLOTS + SLOTS)];
    const running = mine.filter((a) => slots(a).some((x) => x === GREEN));
    const stopped = mine.filter((a) => !running.includes(a));
    expect(running).toHaveLength(2);
    // The two running approaches are opposite each other (one axis group) and show the same: left
    // and ahead protected, the right turn green but giving way to the oncoming stream.
    expect(sig.linkGroup[ap.link[running[0]!]!]).toBe(sig.linkGroup[ap.link[running[1]!]!]);
    expect(Math.abs(Math.cos(ap.stop[running[0]! * 3 + 2]! - ap.stop[running[1]! * 3 + 2]!) + 1)).toBeLessThan(1e-6);
    expect(slots(running[0]!)).toEqual(slots(running[1]!));
    expect(slots(running[0]!)).toEqual([GREEN, GREEN, GREEN_YIELD]);
    for (const a of stopped) expect(slots(a)).toEqual([RED, RED, RED]);
    // The right-turn slot is the right turn.
    const l = ap.link[running[0]!]!;
    const right = [...Array(net.outStart[l + 1]! - net.outStart[l]!).keys()]
      .map((i) => net.outStart[l]! + i)
      .find((k) => sim.traffic!.model.junctions.mv.kind[k] === TURN_RIGHT)!;
    expect(sig.turnAspect(right, l)).toBe(GREEN_YIELD);
    // Not a fluke of the start: an amber is shown on the running axis as its stage ends.
    sim.runUntil(28_500);
    const t2 = sim.snapshot().traffic!;
    expect([...t2.approaches.subarray(running[0]! * SLOTS, running[0]! * SLOTS + SLOTS)]).toContain(AMBER);
  });
});
