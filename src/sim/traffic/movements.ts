/**
 * Movements at junctions. A turn (link in → link out at a node; its index is the position of the
 * out-link in the network's `outLinks` list) is a movement: through, left, right or U. From the
 * junction's geometry we derive which movements conflict (their paths cross, or they merge into
 * the same exit), which lanes of an approach may take each movement, and, at junctions without
 * signals, who gives way to whom.
 *
 * The UK drives on the left, so the right turn is the one that crosses oncoming traffic and the
 * left turn is the short one. Paths are compared on a circle around the junction: each arm has its
 * inbound lane just clockwise of its outbound lane (drivers keep left), and two movements cross
 * exactly when their chords on that circle interleave; movements into the same exit merge. Two
 * opposing right turns do not cross: they pass nearside to nearside (Highway Code rule 181).
 *
 * Give-way at junctions without signals (the Highway Code, rules 172 and 180): the major road
 * has priority; its drivers turning right give way to oncoming traffic; the minor roads give way
 * to everything on the major road, minor right turns also to the minor road opposite. The major
 * road is the pair of arms with the highest class, then most lanes, then highest speed limit
 * (compared by the weaker of the two arms first); ties go to the straighter pair, then to the pair
 * whose roads come first in the data. A junction where every approach is on the major road (a bend,
 * a road continuing) has no one to give way.
 */
import type { TrafficNetwork } from './network';

export const TURN_THROUGH = 0;
export const TURN_LEFT = 1;
export const TURN_RIGHT = 2;
export const TURN_U = 3;
export const TURN_NAMES = ['ahead', 'left', 'right', 'U-turn'] as const;

export const CONFLICT_MERGE = 1;
export const CONFLICT_CROSS = 2;

/** Give-way levels at an unsignalised junction: a movement yields to conflicting lower levels. */
export const LEVEL_MAJOR = 0;
export const LEVEL_MAJOR_RIGHT = 1;
export const LEVEL_MINOR = 2;
export const LEVEL_MINOR_RIGHT = 3;

export interface Movements {
  /** Per turn: TURN_THROUGH, TURN_LEFT, TURN_RIGHT or TURN_U. */
  readonly kind: Uint8Array;
  /** Per turn: the link it leaves from. */
  readonly from: Int32Array;
  /** Per turn: give-way level at an unsignalised junction (LEVEL_*). */
  readonly level: Uint8Array;
  /** Per turn: the lanes of the approach (0 = kerb, left) that may take it, inclusive. */
  readonly laneLo: Uint8Array;
  readonly laneHi: Uint8Array;
  /** CSR per turn: the turns at the same junction it conflicts with, and how. */
  readonly conflictStart: Int32Array;
  readonly conflictTurn: Int32Array;
  readonly conflictKind: Uint8Array;
  /** Per link: 1 when it is on the major road at its end node. */
  readonly linkMajor: Uint8Array;
}

/** The turn from link l into link `next`, or -1 when `next` is not a way on from l. */
export function turnOf(net: TrafficNetwork, l: number, next: number): number {
  for (let k = net.outStart[l]!; k < net.outStart[l + 1]!; k++) if (net.outLinks[k] === next) return k;
  return -1;
}

/** Signed change of heading from link a to link b, radians in (−π, π]; positive turns right. */
function headingChange(net: TrafficNetwork, a: number, b: number): number {
  // x grows east and z south, so a growing atan2(dz, dx) turns clockwise on the map: to the right.
  let d = net.linkHeading[b]! - net.linkHeading[a]!;
  while (d > Math.PI) d -= 2 * Math.PI;
  while (d <= -Math.PI) d += 2 * Math.PI;
  // Keeping right, the map is the mirror image of keeping left: the crossing turn is the left one.
  return net.keepRight ? -d : d;
}

function turnKind(d: number): number {
  const a = Math.abs(d);
  if (a >= (5 * Math.PI) / 6) return TURN_U;
  if (a < Math.PI / 4) return TURN_THROUGH;
  return d > 0 ? TURN_RIGHT : TURN_LEFT;
}

/** Strength of a road for choosing the major road: class, then lanes, then speed limit. */
function strength(net: TrafficNetwork, l: number): number {
  return net.linkRank[l]! * 1e6 + net.linkLanes[l]! * 1e3 + Math.min(999, Math.round(net.linkSpeed[l]! * 10));
}

export function buildMovements(net: TrafficNetwork): Movements {
  const T = net.outLinks.length;
  const kind = new Uint8Array(T);
  const from = new Int32Array(T);
  const level = new Uint8Array(T);
  const laneLo = new Uint8Array(T);
  const laneHi = new Uint8Array(T);
  const linkMajor = new Uint8Array(net.linkCount);
  for (let l = 0; l < net.linkCount; l++) {
    let hasThrough = false;
    let kinds = 0;
    for (let k = net.outStart[l]!; k < net.outStart[l + 1]!; k++) {
      from[k] = l;
      kind[k] = turnKind(headingChange(net, l, net.outLinks[k]!));
      if (kind[k] === TURN_THROUGH) hasThrough = true;
      kinds |= 1 << (kind[k] === TURN_U ? TURN_RIGHT : kind[k]!);
    }
    // Lanes by the turn ahead (Highway Code rules 179 and 182: to turn right take up a position
    // just left of the middle of the road, to turn left keep to the left; rule 134: follow lane signs):
    // with a way ahead, the kerb lane takes left and ahead, the offside lane right and ahead; with
    // none, the lanes are shared out between left and right; with only one direction, any lane.
    const n = net.linkLanes[l]!;
    const single = (kinds & (kinds - 1)) === 0;
    for (let k = net.outStart[l]!; k < net.outStart[l + 1]!; k++) {
      const kk = kind[k]!;
      let lo = 0;
      let hi = n - 1;
      if (!single && n > 1) {
        const half = Math.ceil(n / 2);
        if (kk === TURN_LEFT) hi = hasThrough ? 0 : half - 1;
        else if (kk === TURN_RIGHT || kk === TURN_U) lo = hasThrough ? n - 1 : half;
      }
      // The network's own lane use (SUMO's connections) when it gives one.
      laneLo[k] = net.turnLaneLo ? Math.min(n - 1, net.turnLaneLo[k]!) : lo;
      laneHi[k] = net.turnLaneHi ? Math.min(n - 1, net.turnLaneHi[k]!) : hi;
    }
  }
  const conflictStart = new Int32Array(T + 1);
  const cTurn: number[] = [];
  const cKind: number[] = [];
  // Per turn, its chord on the junction's circle, filled node by node.
  const pIn = new Int32Array(T);
  const pOut = new Int32Array(T);
  const perNode: number[][] = Array.from({ length: net.nodeCount }, () => []);
  for (let k = 0; k < T; k++) perNode[net.linkTo[from[k]!]!]!.push(k);
  const outOf: number[][] = Array.from({ length: net.nodeCount }, () => []);
  for (let l = 0; l < net.linkCount; l++) outOf[net.linkFrom[l]!]!.push(l);
  for (let n = 0; n < net.nodeCount; n++) {
    const turns = perNode[n]!;
    if (turns.length === 0) continue;
    const arms = armsOf(net, n, outOf[n]!);
    const armOf = (other: number) => arms.findIndex((a) => a.other === other);
    for (const k of turns) {
      pIn[k] = 2 * armOf(net.linkFrom[from[k]!]!) + 1;
      pOut[k] = 2 * armOf(net.linkTo[net.outLinks[k]!]!);
    }
    giveWayLevels(net, n, arms, turns, kind, from, level, linkMajor);
  }
  for (let k = 0; k < T; k++) {
    const n = net.linkTo[from[k]!]!;
    for (const j of perNode[n]!) {
      if (j === k || from[j] === from[k]) continue;
      let c = 0;
      if (pOut[j] === pOut[k]) c = CONFLICT_MERGE;
      else {
        const lo = Math.min(pIn[k]!, pOut[k]!);
        const hi = Math.max(pIn[k]!, pOut[k]!);
        const inA = pIn[j]! > lo && pIn[j]! < hi;
        const inB = pOut[j]! > lo && pOut[j]! < hi;
        if (inA !== inB) c = CONFLICT_CROSS;
      }
      if (c) {
        cTurn.push(j);
        cKind.push(c);
      }
    }
    conflictStart[k + 1] = cTurn.length;
  }
  return { kind, from, level, laneLo, laneHi, conflictStart, conflictTurn: Int32Array.from(cTurn), conflictKind: Uint8Array.from(cKind), linkMajor };
}

interface Arm {
  /** The node at the arm's far end. */
  readonly other: number;
  readonly angle: number;
  /** The arm's link into the junction and out of it, or -1. */
  readonly inLink: number;
  readonly outLink: number;
}

/** The arms of node n, in clockwise order (by angle, ties by far node). */
function armsOf(net: TrafficNetwork, n: number, outLinks: readonly number[]): Arm[] {
  const byOther = new Map<number, { inLink: number; outLink: number }>();
  for (let k = net.inStart[n]!; k < net.inStart[n + 1]!; k++) {
    const l = net.inLinks[k]!;
    const o = net.linkFrom[l]!;
    byOther.set(o, { inLink: l, outLink: byOther.get(o)?.outLink ?? -1 });
  }
  for (const l of outLinks) {
    const o = net.linkTo[l]!;
    byOther.set(o, { inLink: byOther.get(o)?.inLink ?? -1, outLink: l });
  }
  const arms: Arm[] = [];
  for (const [other, io] of byOther) arms.push({ other, angle: Math.atan2(net.nodeZ[other]! - net.nodeZ[n]!, net.nodeX[other]! - net.nodeX[n]!), ...io });
  // Keeping right, inbound lanes sit anticlockwise of outbound ones: order the arms the mirror way.
  const sign = net.keepRight ? -1 : 1;
  arms.sort((a, b) => sign * (a.angle - b.angle) || a.other - b.other);
  return arms;
}

/** Picks the major road at node n and sets the give-way level of each turn there. */
function giveWayLevels(
  net: TrafficNetwork,
  n: number,
  arms: readonly Arm[],
  turns: readonly number[],
  kind: Uint8Array,
  from: Int32Array,
  level: Uint8Array,
  linkMajor: Uint8Array,
): void {
  const str = arms.map((a) => Math.max(a.inLink >= 0 ? strength(net, a.inLink) : 0, a.outLink >= 0 ? strength(net, a.outLink) : 0));
  const first = arms.map((a) => Math.min(a.inLink >= 0 ? a.inLink : Infinity, a.outLink >= 0 ? a.outLink : Infinity));
  let bi = 0;
  let bj = arms.length > 1 ? 1 : 0;
  let best: number[] | null = null;
  for (let i = 0; i < arms.length; i++) {
    for (let j = i + 1; j < arms.length; j++) {
      // Straightness: 1 for arms opposite each other, −1 for arms on top of each other.
      const straight = Math.round(-Math.cos(arms[i]!.angle - arms[j]!.angle) * 1e6);
      const key = [Math.min(str[i]!, str[j]!), Math.max(str[i]!, str[j]!), straight, -Math.min(first[i]!, first[j]!)];
      if (best === null || greater(key, best)) {
        best = key;
        bi = i;
        bj = j;
      }
    }
  }
  const major = (other: number) => other === arms[bi]!.other || other === arms[bj]!.other;
  for (const k of turns) {
    const l = from[k]!;
    const inMajor = major(net.linkFrom[l]!);
    const outMajor = major(net.linkTo[net.outLinks[k]!]!);
    const right = kind[k] === TURN_RIGHT || kind[k] === TURN_U;
    if (inMajor) {
      linkMajor[l] = 1;
      level[k] = outMajor || !right ? LEVEL_MAJOR : LEVEL_MAJOR_RIGHT;
    } else level[k] = right ? LEVEL_MINOR_RIGHT : LEVEL_MINOR;
  }
}

function greater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}
