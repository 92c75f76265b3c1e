import { describe, expect, it } from 'vitest';
import {
  buildMovements,
  buildNetwork,
  CONFLICT_CROSS,
  CONFLICT_MERGE,
  DEFAULT_PLAN,
  GREEN,
  GREEN_YIELD,
  LEVEL_MAJOR,
  LEVEL_MAJOR_RIGHT,
  LEVEL_MINOR,
  MODE_ALL_GREEN,
  RED,
  STAGE_ARROW,
  TrafficModel,
  turnOf,
  TURN_LEFT,
  TURN_RIGHT,
  TURN_THROUGH,
  W_ONCOMING,
  W_STOP,
  W_YIELD,
  type RoadSegment,
  type TrafficNetwork,
} from '../../../src/sim/traffic';
import { appendToLane, unlink } from '../../../src/sim/traffic/lanes';

/**
 * A crossroads at (0, 0), x east and z south: arms to the west, east, north and south, each
 * `len` m long, with the given lanes and rank (west–east road, north–south road).
 */
function crossroads(o: { ewLanes?: number; nsLanes?: number; ewRank?: number; nsRank?: number; len?: number; north?: boolean } = {}) {
  const len = o.len ?? 300;
  const seg = (b: [number, number], lanes: number, rank: number): RoadSegment => ({ a: b, b: [0, 0], lanes, speedMps: 13.89, oneway: false, rank });
  const segs = [seg([-len, 0], o.ewLanes ?? 1, o.ewRank ?? 1), seg([len, 0], o.ewLanes ?? 1, o.ewRank ?? 1), seg([0, len], o.nsLanes ?? 1, o.nsRank ?? 1)];
  if (o.north !== false) segs.push(seg([0, -len], o.nsLanes ?? 1, o.nsRank ?? 1));
  const net = buildNetwork(segs);
  const at = (x: number, z: number) => [...Array(net.nodeCount).keys()].find((n) => net.nodeX[n] === x && net.nodeZ[n] === z)!;
  const centre = at(0, 0);
  const link = (a: number, b: number) => [...Array(net.linkCount).keys()].find((l) => net.linkFrom[l] === a && net.linkTo[l] === b)!;
  const arm = { west: at(-len, 0), east: at(len, 0), south: at(0, len), north: o.north !== false ? at(0, -len) : -1 };
  /** The link arriving from an arm, and the one leaving into it. */
  const from = (a: keyof typeof arm) => link(arm[a], centre);
  const into = (a: keyof typeof arm) => link(centre, arm[a]);
  return { net, centre, from, into, len };
}

/** Puts a vehicle on link l at pos x and speed sp, bound for dest; returns its slot. */
function place(m: TrafficModel, l: number, dest: number, x: number, sp: number, t: number, lane?: number): number {
  const v = m.insert(l, dest, t, 0, -1, 1);
  expect(v).toBeGreaterThanOrEqual(0);
  m.v.pos[v] = x;
  m.v.speed[v] = sp;
  if (lane !== undefined) {
    unlink(m, v);
    appendToLane(m, v, m.net.linkLane0[l]! + lane);
  }
  return v;
}

describe('movements at a junction (the UK drives on the left)', () => {
  it('names turns and finds which paths cross and which merge', () => {
    const { net, from, into } = crossroads();
    const mv = buildMovements(net);
    const t = (a: number, b: number) => turnOf(net, a, b);
    const nbRight = t(from('south'), into('east'));
    const nbLeft = t(from('south'), into('west'));
    const nbAhead = t(from('south'), into('north'));
    expect(mv.kind[nbRight]).toBe(TURN_RIGHT);
    expect(mv.kind[nbLeft]).toBe(TURN_LEFT);
    expect(mv.kind[nbAhead]).toBe(TURN_THROUGH);
    const conflict = (a: number, b: number) => {
      for (let c = mv.conflictStart[a]!; c < mv.conflictStart[a + 1]!; c++) if (mv.conflictTurn[c] === b) return mv.conflictKind[c]!;
      return 0;
    };
    // The right turn crosses the oncoming stream and merges with the oncoming left turn.
    expect(conflict(nbRight, t(from('north'), into('south')))).toBe(CONFLICT_CROSS);
    expect(conflict(nbRight, t(from('north'), into('east')))).toBe(CONFLICT_MERGE);
    // Opposing right turns pass nearside to nearside; a left turn crosses nobody.
    expect(conflict(nbRight, t(from('north'), into('west')))).toBe(0);
    expect(conflict(nbLeft, t(from('west'), into('east')))).toBe(0);
    expect(conflict(nbLeft, t(from('east'), into('west')))).toBe(CONFLICT_MERGE);
    // Ahead movements of the two roads cross.
    expect(conflict(nbAhead, t(from('west'), into('east')))).toBe(CONFLICT_CROSS);
    expect(conflict(nbAhead, t(from('north'), into('south')))).toBe(0);
  });

  it('gives the lanes of a two-lane approach to the turns: kerb lane left and ahead, offside lane right and ahead', () => {
    const { net, from, into } = crossroads({ nsLanes: 2 });
    const mv = buildMovements(net);
    const t = (b: number) => turnOf(net, from('south'), b);
    expect([mv.laneLo[t(into('west'))], mv.laneHi[t(into('west'))]]).toEqual([0, 0]);
    expect([mv.laneLo[t(into('north'))], mv.laneHi[t(into('north'))]]).toEqual([0, 1]);
    expect([mv.laneLo[t(into('east'))], mv.laneHi[t(into('east'))]]).toEqual([1, 1]);
  });

  it('picks the major road of an unsignalised junction: the higher class, else more lanes, else the straight road of a T', () => {
    const levels = (o: Parameters<typeof crossroads>[0]) => {
      const c = crossroads(o);
      const mv = buildMovements(c.net);
      return { ew: mv.linkMajor[c.from('west')], ns: mv.linkMajor[c.from('south')], c, mv };
    };
    expect(levels({ ewRank: 0, nsRank: 2 })).toMatchObject({ ew: 0, ns: 1 });
    expect(levels({ ewRank: 1, nsRank: 1, ewLanes: 2 })).toMatchObject({ ew: 1, ns: 0 });
    // A T of equal streets: the straight road has priority, the stem gives way.
    const t = levels({ ewRank: 0, nsRank: 0, north: false });
    expect(t).toMatchObject({ ew: 1, ns: 0 });
    const { c, mv } = t;
    expect(mv.level[turnOf(c.net, c.from('west'), c.into('east'))]).toBe(LEVEL_MAJOR);
    // Westbound, the stem is a left turn; eastbound it is a right turn, across the westbound stream.
    expect(mv.level[turnOf(c.net, c.from('east'), c.into('south'))]).toBe(LEVEL_MAJOR);
    expect(mv.level[turnOf(c.net, c.from('west'), c.into('south'))]).toBe(LEVEL_MAJOR_RIGHT);
    expect(mv.level[turnOf(c.net, c.from('south'), c.into('west'))]).toBeGreaterThanOrEqual(LEVEL_MINOR);
  });
});

describe('signals by movement', () => {
  /** A platoon on the north approach heading south, 30 m apart at 13 m/s; returns their slots. */
  function platoon(m: TrafficModel, c: ReturnType<typeof crossroads>, n: number, t: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(place(m, c.from('north'), c.into('south'), c.len - 10 - 30 * i, 13, t));
    return out;
  }

  it('a permissive right-turner waits for the oncoming platoon to pass, then turns (no crash risk)', () => {
    const c = crossroads();
    const m = new TrafficModel(c.net, [{ node: c.centre, asset: null, plan: { ...DEFAULT_PLAN, greenS: 90 } }]);
    const s = m.signals;
    s.forceStage(0, s.mainStage(0, s.linkGroup[c.from('south')]!), 0);
    expect(s.stageStart[1]! - s.stageStart[0]!).toBe(2); // single-lane approaches: no arrow stage
    const cars = platoon(m, c, 8, 0);
    const rt = place(m, c.from('south'), c.into('east'), c.len - 60, 10, 0);
    expect(s.turnAspect(turnOf(c.net, c.from('south'), c.into('east')), c.from('south'))).toBe(GREEN_YIELD);
    let yielded = false;
    let lastOncoming = -1;
    let turnedAt = -1;
    for (let t = 500; t < 60_000 && turnedAt < 0; t += 500) {
      m.step(t);
      if (m.v.wait[rt] === W_ONCOMING && m.v.link[rt] === c.from('south')) yielded = true;
      for (const v of cars) if (m.v.isActive(v) && m.v.link[v] === c.into('south') && lastOncoming < 0 && cars.indexOf(v) === cars.length - 1) lastOncoming = t;
      if (m.v.link[rt] === c.into('east')) turnedAt = t;
    }
    expect(yielded).toBe(true);
    expect(lastOncoming).toBeGreaterThan(0);
    expect(turnedAt).toBeGreaterThanOrEqual(lastOncoming);
    expect(m.conflicts).toBe(0);
  });

  it('a protected right-turn arrow on a two-lane junction holds the oncoming stream and lets the right-turner go at once', () => {
    const c = crossroads({ ewLanes: 2, nsLanes: 2 });
    const m = new TrafficModel(c.net, [{ node: c.centre, asset: null, plan: DEFAULT_PLAN }]);
    const s = m.signals;
    const g = s.linkGroup[c.from('south')]!;
    const main = s.mainStage(0, g);
    const arrow = main + 1;
    expect(s.stageKind[s.stageStart[0]! + arrow]).toBe(STAGE_ARROW);
    s.forceStage(0, arrow, 0);
    const k = turnOf(c.net, c.from('south'), c.into('east'));
    expect(s.turnAspect(k, c.from('south'))).toBe(GREEN);
    expect(s.turnAspect(turnOf(c.net, c.from('north'), c.into('south')), c.from('north'))).toBe(RED);
    const cars = platoon(m, c, 4, 0);
    const rt = place(m, c.from('south'), c.into('east'), c.len - 30, 6, 0, 1);
    let turnedAt = -1;
    for (let t = 500; t < 6_000 && turnedAt < 0; t += 500) {
      m.step(t);
      if (m.v.link[rt] === c.into('east')) turnedAt = t;
    }
    expect(turnedAt).toBeGreaterThan(0);
    expect(turnedAt).toBeLessThan(6_000);
    // The oncoming platoon was held at the red.
    expect(m.v.link[cars[0]!]).toBe(c.from('north'));
  });

  it('runs the arrow only when a right-turner waits for it (a demand-dependent stage)', () => {
    const c = crossroads({ ewLanes: 2, nsLanes: 2, len: 800 });
    const run = (withRightTurner: boolean) => {
      const m = new TrafficModel(c.net, [{ node: c.centre, asset: null, plan: DEFAULT_PLAN }]);
      const s = m.signals;
      const main = s.mainStage(0, s.linkGroup[c.from('south')]!);
      s.forceStage(0, main, 0);
      // An oncoming stream long enough that a permissive right-turner gets no gap in the main stage.
      platoon(m, c, 24, 0);
      if (withRightTurner) place(m, c.from('south'), c.into('east'), c.len - 100, 0, 0, 1);
      const stages = new Set<number>();
      for (let t = 500; t < 40_000; t += 500) {
        m.step(t);
        if (s.interval[0] === 0) stages.add(s.stageKind[s.stageStart[0]! + s.current[0]!]!);
      }
      return stages.has(STAGE_ARROW);
    };
    expect(run(true)).toBe(true);
    expect(run(false)).toBe(false);
  });

  it('counts conflicting greens only between movements whose paths cross', () => {
    const crash = (pair: 'opposite' | 'lefts' | 'crossing') => {
      const c = crossroads();
      const m = new TrafficModel(c.net, [{ node: c.centre, asset: null, plan: DEFAULT_PLAN }]);
      m.signals.setMode(0, MODE_ALL_GREEN, 0);
      for (let i = 0; i < 6; i++) {
        const x = c.len - 10 - 30 * i;
        if (pair === 'lefts') {
          // Two left turns from approaches on different axes: their paths never meet.
          place(m, c.from('south'), c.into('west'), x, 13, 0);
          place(m, c.from('west'), c.into('north'), x, 13, 0);
          continue;
        }
        place(m, c.from('north'), c.into('south'), x, 13, 0);
        if (pair === 'crossing') place(m, c.from('west'), c.into('east'), x, 13, 0);
        else place(m, c.from('south'), c.into('north'), x, 13, 0);
      }
      for (let t = 500; t < 90_000; t += 500) m.step(t);
      expect(m.tripsCompleted).toBe(12);
      return m.conflicts;
    };
    expect(crash('opposite')).toBe(0);
    expect(crash('lefts')).toBe(0);
    expect(crash('crossing')).toBeGreaterThan(0);
  });
});

describe('lanes for the turn ahead', () => {
  it('a right-turner in the kerb lane moves to the offside lane before the stop line, and turns from it', () => {
    const c = crossroads({ nsLanes: 2 });
    const m = new TrafficModel(c.net, []);
    const v = place(m, c.from('south'), c.into('east'), 20, 8, 0, 0);
    let laneAtLine = -1;
    for (let t = 500; t < 60_000 && m.v.isActive(v) && m.v.link[v] === c.from('south'); t += 500) {
      m.step(t);
      if (m.v.link[v] === c.from('south') && c.len - m.v.pos[v]! < 20) laneAtLine = m.v.lane[v]! - m.net.linkLane0[c.from('south')]!;
    }
    expect(laneAtLine).toBe(1);
    expect(m.v.link[v]).toBe(c.into('east'));
    expect(m.wrongLaneTurns).toBe(0);
  });

  it('on a busy grid every turn is made from a lane that takes it', () => {
    const seg = (a: [number, number], b: [number, number]): RoadSegment => ({ a, b, lanes: 2, speedMps: 13.89, oneway: false, rank: 1 });
    const segs: RoadSegment[] = [];
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        if (i < 3) segs.push(seg([i * 200, j * 200], [(i + 1) * 200, j * 200]));
        if (j < 3) segs.push(seg([i * 200, j * 200], [i * 200, (j + 1) * 200]));
      }
    const net: TrafficNetwork = buildNetwork(segs);
    const signals = [...Array(net.nodeCount).keys()]
      .filter((n) => net.inStart[n + 1]! - net.inStart[n]! >= 3)
      .map((node) => ({ node, asset: null, plan: DEFAULT_PLAN }));
    const m = new TrafficModel(net, signals);
    let rights = 0;
    const mv = m.junctions.mv;
    for (let t = 500, i = 0; t < 900_000; t += 500, i++) {
      if (t < 600_000 && i % 4 === 0) m.insert((i * 7) % net.linkCount, (i * 13 + 5) % net.linkCount, t, 0, -1, 1);
      m.step(t);
      for (let k = 0; k < m.v.activeCount; k++) {
        const v = m.v.active[k]!;
        const turn = m.v.nextTurn[v]!;
        if (turn >= 0 && mv.kind[turn] === TURN_RIGHT && m.v.wait[v] !== W_STOP && net.linkLength[m.v.link[v]!]! - m.v.pos[v]! < 1) rights++;
      }
    }
    expect(m.tripsCompleted).toBe(m.tripsStarted);
    expect(rights).toBeGreaterThan(0);
    expect(m.wrongLaneTurns).toBe(0);
    expect(m.maxStuck).toBe(0);
    expect(m.conflicts).toBe(0);
  });
});

describe('give-way at an unsignalised junction of equal streets', () => {
  it('the stem of a T gives way to a stream on the straight road, which never stops for it', () => {
    const c = crossroads({ ewRank: 0, nsRank: 0, north: false, len: 900 });
    const m = new TrafficModel(c.net, []);
    // A stream on the straight road, 40 m (3 s) apart: gaps under the 5 s critical gap.
    const stream: number[] = [];
    for (let i = 0; i < 20; i++) stream.push(place(m, c.from('west'), c.into('east'), c.len - 10 - 40 * i, 13, 0));
    let minor = -1;
    let yielded = false;
    let crossedAt = -1;
    let lastStreamPass = -1;
    let majorStopped = false;
    for (let t = 500; t < 240_000; t += 500) {
      if (t === 5_000) minor = place(m, c.from('south'), c.into('east'), c.len - 100, 8, t);
      m.step(t);
      if (minor >= 0 && m.v.isActive(minor) && m.v.link[minor] === c.from('south') && m.v.wait[minor] === W_YIELD) yielded = true;
      if (minor >= 0 && crossedAt < 0 && m.v.isActive(minor) && m.v.link[minor] === c.into('east')) crossedAt = t;
      for (const v of stream) {
        if (v < 0 || !m.v.isActive(v)) continue;
        if (m.v.link[v] === c.from('west') && (m.v.wait[v] === W_YIELD || m.v.wait[v] === W_STOP)) majorStopped = true;
        if (m.v.link[v] === c.into('east') && m.v.pos[v]! < 15 && v === stream[stream.length - 1]) lastStreamPass = t;
      }
    }
    expect(yielded).toBe(true);
    expect(majorStopped).toBe(false);
    // The stem waits for the stream to end.
    expect(lastStreamPass).toBeGreaterThan(50_000);
    expect(crossedAt).toBeGreaterThan(lastStreamPass);
    expect(m.tripsCompleted).toBe(m.tripsStarted);
  });
});
