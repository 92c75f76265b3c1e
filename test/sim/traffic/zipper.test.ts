import { describe, expect, it } from 'vitest';
import { buildNetwork, DEFAULT_PLAN, MODE_ALL_RED, MODE_NORMAL, TrafficModel, type TrafficNetwork } from '../../../src/sim/traffic';
import { insertBetween, unlink } from '../../../src/sim/traffic/lanes';

/**
 * A two-lane approach (100 m, after a 300 m lead-in from the west) to a signalised T-junction at
 * (100, 0): ahead to the east, or right (across the oncoming lane, UK) into a one-lane side road to
 * the south, which only the offside lane (lane 1) takes.
 */
function approach() {
  const net: TrafficNetwork = buildNetwork([
    { a: [-300, 0], b: [0, 0], lanes: 2, speedMps: 13.41, oneway: false, rank: 2 },
    { a: [0, 0], b: [100, 0], lanes: 2, speedMps: 13.41, oneway: false, rank: 2 },
    { a: [100, 0], b: [400, 0], lanes: 2, speedMps: 13.41, oneway: false, rank: 2 },
    { a: [100, 0], b: [100, 300], lanes: 1, speedMps: 8.94, oneway: false, rank: 0 },
  ]);
  const link = (ax: number, az: number, bx: number, bz: number) =>
    [...Array(net.linkCount).keys()].find(
      (l) => net.nodeX[net.linkFrom[l]!] === ax && net.nodeZ[net.linkFrom[l]!] === az && net.nodeX[net.linkTo[l]!] === bx && net.nodeZ[net.linkTo[l]!] === bz,
    )!;
  const node = [...Array(net.nodeCount).keys()].find((n) => net.nodeX[n] === 100 && net.nodeZ[n] === 0)!;
  const m = new TrafficModel(net, [{ node, asset: null, plan: { ...DEFAULT_PLAN, kind: 'fixed' } }]);
  const leadIn = link(-300, 0, 0, 0);
  const west = link(0, 0, 100, 0);
  const south = link(100, 0, 100, 300);
  const lane0 = net.linkLane0[west]!;
  /** Puts v (on the approach) in lane `lane` at `pos`, standing, keeping the lane's order. */
  const place = (v: number, lane: number, pos: number) => {
    unlink(m, v);
    m.v.link[v] = west;
    m.v.pos[v] = pos;
    m.v.speed[v] = 0;
    let f = -1;
    let ld = m.laneTail[lane]!;
    while (ld >= 0 && m.v.pos[ld]! < pos) {
      f = ld;
      ld = m.v.leader[ld]!;
    }
    insertBetween(m, v, lane, f, ld);
  };
  /** A right-turner standing on the approach in `lane` at `pos`. */
  const standing = (lane: number, pos: number) => {
    const v = m.insert(west, south, 0, 0, -1, 1);
    place(v, lane, pos);
    return v;
  };
  /** Runs until `untilMs`; records the order in which vehicles turn into the side road. */
  const order: number[] = [];
  let t = 0;
  const run = (untilMs: number, each?: () => void) => {
    while (t < untilMs) {
      t += 500;
      m.step(t);
      for (let i = 0; i < m.v.activeCount; i++) {
        const v = m.v.active[i]!;
        if (m.v.link[v] === south && !order.includes(v)) order.push(v);
      }
      each?.();
    }
  };
  return { m, leadIn, west, south, lane0, standing, order, run, now: () => t };
}

describe('zipper merge', () => {
  it('a driver who must change lanes joins the queue near its tail, not at its head', () => {
    const { m, leadIn, west, south, lane0, standing, order, run, now } = approach();
    // The approach is held at red with a queue of right-turners in lane 1 back to its entry.
    m.signals.setMode(0, MODE_ALL_RED, 0);
    const queue: number[] = [];
    for (let k = 0; k < 14; k++) queue.push(standing(lane0 + 1, 97 - 7 * k));
    // Another right-turner arrives at speed; lane 1 is full at the entry, so it enters lane 0,
    // which is empty all the way to the line.
    const late = m.insert(leadIn, south, 0, 0, -1, 1);
    let entered = -1;
    let changedAt = -1;
    run(90_000, () => {
      if (m.v.link[late] !== west) return;
      if (entered < 0) entered = m.v.lane[late]!;
      if (changedAt < 0 && m.v.lane[late] === lane0 + 1) changedAt = m.v.pos[late]!;
      // It never draws level with the head of the queue.
      expect(m.v.pos[late]).toBeLessThan(m.v.pos[queue[0]!]! - 5);
    });
    expect(entered).toBe(lane0);
    // Green: it turns after the queue, but for the last few cars it slotted in ahead of.
    m.signals.setMode(0, MODE_NORMAL, now());
    run(now() + 150_000, () => {
      if (changedAt < 0 && m.v.link[late] === west && m.v.lane[late] === lane0 + 1) changedAt = m.v.pos[late]!;
    });
    expect(changedAt).toBeGreaterThanOrEqual(0);
    expect(changedAt).toBeLessThan(40);
    expect(order.length).toBe(15);
    expect(order.indexOf(late)).toBeGreaterThanOrEqual(queue.length - 4);
    expect(m.wrongLaneTurns).toBe(0);
  });

  it('drivers beside a standing queue merge one at a time, alternating with the queue', () => {
    const { m, lane0, standing, order, run, now } = approach();
    m.signals.setMode(0, MODE_ALL_RED, 0);
    // A standing queue in lane 1 at jam spacing (7 m), and three right-turners beside it in lane 0.
    for (let k = 0; k < 6; k++) standing(lane0 + 1, 97 - 7 * k);
    const beside: number[] = [];
    for (let k = 0; k < 3; k++) beside.push(standing(lane0, 86 - 7 * k));
    run(5_000);
    m.signals.setMode(0, MODE_NORMAL, now());
    // What the inspector says while they wait: the merging driver names the car it merges behind
    // (in the other lane), and the car letting it in names it.
    const merging = new Set<string>();
    const letting = new Set<string>();
    run(now() + 150_000, () => {
      for (let i = 0; i < m.v.activeCount; i++) {
        const v = m.v.active[i]!;
        const u = m.v.heldBy[v]!;
        if (m.v.hold[v] === 0) continue;
        expect(m.v.speed[v]).toBeLessThan(2);
        expect(m.v.lane[u]).not.toBe(m.v.lane[v]);
        if (m.v.hold[v] === 1) merging.add(`${v}>${u}`);
        else letting.add(`${v}>${u}`);
      }
    });
    expect([...merging].some((p) => beside.includes(Number(p.split('>')[0])))).toBe(true);
    expect([...letting].some((p) => beside.includes(Number(p.split('>')[1])))).toBe(true);
    expect(order.length).toBe(9);
    // Nobody cut in at the head, and no two merging drivers went one after the other.
    expect(beside).not.toContain(order[0]);
    for (let i = 1; i < order.length; i++) expect(beside.includes(order[i]!) && beside.includes(order[i - 1]!)).toBe(false);
    expect(m.wrongLaneTurns).toBe(0);
  });
});
