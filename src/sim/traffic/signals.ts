/**
 * Signal controllers at junctions, with stages made of movements (a turn from one approach into
 * one exit). Approaches are split by axis (within 45° of one another, or of each other's
 * opposite); each axis has a main stage in which its ahead and left movements are protected and
 * its right turns — which cross oncoming traffic, the UK driving on the left — are permissive:
 * shown a green ball, they give way to the oncoming stream. A larger junction (an approach on the
 * axis with two or more lanes) adds a right-turn arrow stage after the main one, run only when a
 * right-turner waits (a demand-dependent stage, as UK controllers call them from detectors): the
 * oncoming stream stops and the right turns go protected. Within a stage a movement is protected
 * unless it conflicts with one that ranks above it (ahead and left above right, right above U).
 * Where two approaches of one axis have ahead or left movements that cross (five or more arms, or
 * a skewed junction), the approaches are regrouped so none share a main stage: three or more
 * stages (splitClashingAxes).
 *
 * Between stages, movements that end show amber then red for the all-red time; movements that
 * carry on into the next stage stay green (the right-turners of a main stage keep going into its
 * arrow). Plans are fixed-time or actuated (a stage extends while its detectors see arrivals,
 * between a minimum and a maximum, gapping out otherwise).
 *
 * Timing defaults follow the ITE/HCM practice for a 50 km/h street: amber = t + v/(2a) ≈ 1 s +
 * 13.9/(2·3.05) s ≈ 3 s; all-red = (W + L)/v ≈ (20 + 5)/13.9 ≈ 2 s; actuated passage time 3 s,
 * minimum green 7 s (HCM 2010, chapter 31; ITE "Traffic Signal Timing Manual", 2008). The arrow
 * runs for the minimum green (the UK's 7 s minimum: DfT Traffic Advisory Leaflet 1/06), twice
 * that at most when actuated.
 *
 * The controller's mode comes from its asset: dark (no power) makes the junction an all-way stop;
 * fixed (lost its control link) runs the fixed-time fallback; an attacker can impose all-red or
 * conflicting greens (every approach shown its main-stage green at once) on a controller it holds.
 */
import { TURN_RIGHT, TURN_U, type Movements } from './movements';
import type { TrafficNetwork } from './network';

export interface SignalPlan {
  readonly kind: 'fixed' | 'actuated';
  /** Green per main stage in the fixed-time plan (and the fallback of an actuated one), s. */
  readonly greenS: number;
  readonly amberS: number;
  readonly allRedS: number;
  readonly minGreenS: number;
  readonly maxGreenS: number;
  /** Actuated: the green ends when no vehicle is this many seconds from the stop line. */
  readonly passageS: number;
}

export const DEFAULT_PLAN: SignalPlan = { kind: 'fixed', greenS: 27, amberS: 3, allRedS: 2, minGreenS: 7, maxGreenS: 40, passageS: 3 };

export const MODES = ['normal', 'fixed', 'dark', 'all-red', 'all-green'] as const;
export type SignalMode = (typeof MODES)[number];
export const MODE_NORMAL = 0;
export const MODE_FIXED = 1;
export const MODE_DARK = 2;
export const MODE_ALL_RED = 3;
export const MODE_ALL_GREEN = 4;

/** What a driver sees for the movement it is about to make. */
export const RED = 0;
export const AMBER = 1;
export const GREEN = 2;
export const DARK = 3;
/** A green ball for a movement that must give way (a permissive right turn). */
export const GREEN_YIELD = 4;
export const NO_SIGNAL = 255;

export const INTERVAL_GREEN = 0;
export const INTERVAL_AMBER = 1;
export const INTERVAL_ALL_RED = 2;

export const STAGE_MAIN = 0;
export const STAGE_ARROW = 1;

/** A movement's permission in a stage. */
export const PERM_RED = 0;
export const PERM_PERMISSIVE = 1;
export const PERM_PROTECTED = 2;

export interface SignalSpec {
  readonly node: number;
  /** The traffic-signal asset that controls it, or null for a benchmark grid. */
  readonly asset: string | null;
  readonly plan: SignalPlan;
  /** The network's own fixed-time program (a SUMO tlLogic), run instead of the plan's stages. */
  readonly program?: SignalProgram | null;
}

/**
 * A fixed-time program as a network file gives it: phases, each with its duration and what every
 * movement shows (GREEN, GREEN_YIELD, AMBER or RED; a movement not listed shows RED). It runs
 * from phase 0 at `offsetS` (and cyclically before and after), as SUMO's static programs do.
 */
export interface SignalProgram {
  readonly offsetS: number;
  readonly phases: readonly { readonly durationS: number; readonly aspects: readonly (readonly [turn: number, aspect: number])[] }[];
}

/** Turn class for ranking within a stage: ahead and left, then right, then U. */
const turnClass = (kind: number) => (kind === TURN_U ? 2 : kind === TURN_RIGHT ? 1 : 0);

export class SignalBank {
  readonly count: number;
  readonly node: Int32Array;
  readonly mode: Uint8Array;
  /** 1 once drivers have taken a red that never ends for broken (cleared when the mode changes). */
  readonly givenUp: Uint8Array;
  /** Per link: the signal at its end, or -1; and its approach group there (0 or 1 by axis, more where axes clash). */
  readonly linkSignal: Int32Array;
  readonly linkGroup: Uint8Array;
  /** Per signal: its turns (global turn ids) turns[turnStart[s] .. turnStart[s+1]); per turn, its index there. */
  readonly turnStart: Int32Array;
  readonly turns: Int32Array;
  readonly turnLocal: Int32Array;
  /** Per signal: its stages stageStart[s] .. stageStart[s+1] (global stage ids). */
  readonly stageStart: Int32Array;
  readonly stageKind: Uint8Array;
  readonly stageGroup: Uint8Array;
  /** Per stage: the permission of each of its signal's turns, at perm[permStart[stage] + local]. */
  readonly permStart: Int32Array;
  readonly perm: Uint8Array;
  /** Per turn: its permission under conflicting greens (its main stage's). */
  readonly allGreenPerm: Uint8Array;
  /** Per signal: the current stage (local index), the next one, the interval and when it began. */
  readonly current: Uint8Array;
  readonly next: Uint8Array;
  readonly interval: Uint8Array;
  readonly intervalStartMs: Float64Array;
  /** Per turn, set by the model each step: a vehicle waits or arrives for it (detectors). */
  readonly turnDemand: Uint8Array;
  readonly plans: readonly SignalPlan[];
  readonly assets: readonly (string | null)[];
  /** Per turn: the link it leaves from. */
  readonly turnFrom: Int32Array;
  /** Per signal: its program's phases phaseStart[s] .. phaseStart[s+1] (none: it runs its stages). */
  readonly phaseStart: Int32Array;
  readonly phaseMs: Float64Array;
  /** Per phase: the aspect of each of its signal's turns, at phaseAspect[phaseAt[phase] + local]. */
  readonly phaseAt: Int32Array;
  readonly phaseAspect: Uint8Array;

  constructor(net: TrafficNetwork, specs: readonly SignalSpec[], mv: Movements) {
    const S = specs.length;
    this.count = S;
    this.turnFrom = mv.from;
    this.node = Int32Array.from(specs, (s) => s.node);
    this.plans = specs.map((s) => s.plan);
    this.assets = specs.map((s) => s.asset);
    this.mode = new Uint8Array(S);
    this.givenUp = new Uint8Array(S);
    this.current = new Uint8Array(S);
    this.next = new Uint8Array(S);
    this.interval = new Uint8Array(S);
    this.intervalStartMs = new Float64Array(S);
    this.linkSignal = new Int32Array(net.linkCount).fill(-1);
    this.linkGroup = new Uint8Array(net.linkCount);
    const T = net.outLinks.length;
    this.turnLocal = new Int32Array(T).fill(-1);
    this.turnDemand = new Uint8Array(T);
    this.allGreenPerm = new Uint8Array(T);
    const turnList: number[] = [];
    const turnStart = [0];
    const stageStart = [0];
    const stageKind: number[] = [];
    const stageGroup: number[] = [];
    const permStart: number[] = [];
    const perm: number[] = [];
    specs.forEach((spec, s) => {
      const n = spec.node;
      let axis = NaN;
      const mine: number[] = [];
      for (let k = net.inStart[n]!; k < net.inStart[n + 1]!; k++) {
        const l = net.inLinks[k]!;
        const h = net.linkHeading[l]!;
        if (Number.isNaN(axis)) axis = h;
        let d = Math.abs(h - axis) % Math.PI;
        d = Math.min(d, Math.PI - d);
        this.linkSignal[l] = s;
        this.linkGroup[l] = d < Math.PI / 4 ? 0 : 1;
        for (let t = net.outStart[l]!; t < net.outStart[l + 1]!; t++) {
          this.turnLocal[t] = mine.length;
          mine.push(t);
        }
      }
      turnList.push(...mine);
      turnStart.push(turnList.length);
      const conflicts = (a: number, b: number) => {
        for (let c = mv.conflictStart[a]!; c < mv.conflictStart[a + 1]!; c++) if (mv.conflictTurn[c] === b) return true;
        return false;
      };
      const groups = this.splitClashingAxes(net, mv, n, conflicts);
      const beats = (a: number, b: number) => {
        const ca = turnClass(mv.kind[a]!);
        const cb = turnClass(mv.kind[b]!);
        return ca < cb || (ca === cb && a < b);
      };
      /** Permissions for a stage running `set`: protected unless a conflicting member ranks above. */
      const stage = (set: readonly number[], kind: number, g: number) => {
        stageKind.push(kind);
        stageGroup.push(g);
        permStart.push(perm.length);
        for (const t of mine) {
          if (!set.includes(t)) perm.push(PERM_RED);
          else perm.push(set.some((o) => o !== t && beats(o, t) && conflicts(t, o)) ? PERM_PERMISSIVE : PERM_PROTECTED);
        }
      };
      for (let g = 0; g < groups; g++) {
        const set = mine.filter((t) => this.linkGroup[mv.from[t]!] === g);
        if (set.length === 0) continue;
        stage(set, STAGE_MAIN, g);
        const p0 = permStart[permStart.length - 1]!;
        for (const t of set) this.allGreenPerm[t] = perm[p0 + this.turnLocal[t]!]!;
        const wide = set.some((t) => net.linkLanes[mv.from[t]!]! >= 2);
        const rights = set.filter((t) => mv.kind[t] === TURN_RIGHT && perm[p0 + this.turnLocal[t]!] === PERM_PERMISSIVE);
        if (wide && rights.length > 0) stage(rights, STAGE_ARROW, g);
      }
      stageStart.push(stageKind.length);
      // Neighbouring junctions start on different axes so the city does not pulse in step.
      const g1 = stageGroup.indexOf(1, stageStart[s]!);
      this.current[s] = s % 2 === 1 && g1 >= 0 && g1 < stageStart[s + 1]! ? g1 - stageStart[s]! : 0;
      this.next[s] = this.current[s]!;
    });
    this.turnStart = Int32Array.from(turnStart);
    this.turns = Int32Array.from(turnList);
    const phaseStart = [0];
    const phaseMs: number[] = [];
    const phaseAt: number[] = [];
    const phaseAspect: number[] = [];
    specs.forEach((spec, s) => {
      const local = turnStart[s + 1]! - turnStart[s]!;
      for (const ph of spec.program?.phases ?? []) {
        phaseMs.push(Math.round(ph.durationS * 1000));
        phaseAt.push(phaseAspect.length);
        const at = phaseAspect.length;
        for (let i = 0; i < local; i++) phaseAspect.push(RED);
        for (const [t, a] of ph.aspects) if (this.turnLocal[t]! >= 0 && this.linkSignal[mv.from[t]!] === s) phaseAspect[at + this.turnLocal[t]!] = a;
      }
      phaseStart.push(phaseMs.length);
    });
    this.phaseStart = Int32Array.from(phaseStart);
    this.phaseMs = Float64Array.from(phaseMs);
    this.phaseAt = Int32Array.from(phaseAt);
    this.phaseAspect = Uint8Array.from(phaseAspect);
    for (let s = 0; s < S; s++) if (this.phaseStart[s + 1]! > this.phaseStart[s]!) this.startProgram(s, 0, specs[s]!.program!.offsetS * 1000);
    this.stageStart = Int32Array.from(stageStart);
    this.stageKind = Uint8Array.from(stageKind);
    this.stageGroup = Uint8Array.from(stageGroup);
    this.permStart = Int32Array.from(permStart);
    this.perm = Uint8Array.from(perm);
  }

  /** What a driver about to make turn t sees (t's from-link ends at a signal, or NO_SIGNAL). */
  turnAspect(t: number, from: number): number {
    const s = this.linkSignal[from]!;
    if (s < 0) return NO_SIGNAL;
    const mode = this.mode[s]!;
    if (mode === MODE_DARK) return DARK;
    if (mode === MODE_ALL_RED) return RED;
    if (mode === MODE_ALL_GREEN) return this.allGreenPerm[t] === PERM_PROTECTED ? GREEN : GREEN_YIELD;
    const i = this.turnLocal[t]!;
    const ph0 = this.phaseStart[s]!;
    if (this.phaseStart[s + 1]! > ph0) return this.phaseAspect[this.phaseAt[ph0 + this.current[s]!]! + i]!;
    const st = this.stageStart[s]!;
    const cur = this.perm[this.permStart[st + this.current[s]!]! + i]!;
    const iv = this.interval[s]!;
    if (iv === INTERVAL_GREEN) return cur === PERM_PROTECTED ? GREEN : cur === PERM_PERMISSIVE ? GREEN_YIELD : RED;
    if (cur === PERM_RED) return RED;
    const nxt = this.perm[this.permStart[st + this.next[s]!]! + i]!;
    if (nxt !== PERM_RED) return cur === PERM_PROTECTED && nxt === PERM_PROTECTED ? GREEN : GREEN_YIELD;
    return iv === INTERVAL_AMBER ? AMBER : RED;
  }

  /** The most permissive aspect among link l's movements (green for a permissive one too). */
  aspect(l: number): number {
    const s = this.linkSignal[l]!;
    if (s < 0) return NO_SIGNAL;
    let best = -1;
    for (let i = this.turnStart[s]!; i < this.turnStart[s + 1]!; i++) {
      const t = this.turns[i]!;
      if (this.turnFrom[t] !== l) continue;
      const a = this.turnAspect(t, l);
      const rank = a === GREEN || a === GREEN_YIELD ? 3 : a === AMBER ? 2 : a === DARK ? 1 : 0;
      if (rank > best) best = rank;
    }
    return best === 3 ? GREEN : best === 2 ? AMBER : best === 1 ? DARK : RED;
  }

  /** Advances every running controller to `nowMs`; allocation-free. */
  advance(nowMs: number): void {
    for (let s = 0; s < this.count; s++) {
      const mode = this.mode[s]!;
      if (mode === MODE_DARK || mode === MODE_ALL_RED || mode === MODE_ALL_GREEN) continue;
      const ph0 = this.phaseStart[s]!;
      const phases = this.phaseStart[s + 1]! - ph0;
      if (phases > 0) {
        this.stepProgram(s, nowMs);
        continue;
      }
      const p = this.plans[s]!;
      const el = (nowMs - this.intervalStartMs[s]!) / 1000;
      switch (this.interval[s]) {
        case INTERVAL_GREEN: {
          const stages = this.stageStart[s + 1]! - this.stageStart[s]!;
          if (stages < 2) break;
          const st = this.stageStart[s]! + this.current[s]!;
          const arrow = this.stageKind[st] === STAGE_ARROW;
          const actuated = p.kind === 'actuated' && mode === MODE_NORMAL;
          let end: boolean;
          if (actuated) {
            const max = arrow ? 2 * p.minGreenS : p.maxGreenS;
            end = el >= p.minGreenS && (el >= max || !this.stageDemand(s, this.current[s]!, arrow));
          } else end = el >= (arrow ? p.minGreenS : p.greenS);
          if (!end) break;
          const nx = this.pick(s, !actuated);
          if (nx === this.current[s]) break;
          this.next[s] = nx;
          this.setInterval(s, INTERVAL_AMBER, nowMs);
          break;
        }
        case INTERVAL_AMBER:
          if (el >= p.amberS) this.setInterval(s, INTERVAL_ALL_RED, nowMs);
          break;
        default:
          if (el >= p.allRedS) {
            this.current[s] = this.next[s]!;
            this.setInterval(s, INTERVAL_GREEN, nowMs);
          }
      }
    }
  }

  /** Sets a controller's mode; leaving an attack or dark mode restarts the plan at all-red. */
  setMode(s: number, mode: number, nowMs: number): void {
    if (this.mode[s] === mode) return;
    const wasRunning = this.mode[s]! <= MODE_FIXED;
    this.mode[s] = mode;
    this.givenUp[s] = 0;
    if (mode <= MODE_FIXED && !wasRunning && this.phaseStart[s + 1]! > this.phaseStart[s]!) this.startProgram(s, nowMs, nowMs);
    else if (mode <= MODE_FIXED && !wasRunning) {
      this.next[s] = this.current[s]!;
      this.setInterval(s, INTERVAL_ALL_RED, nowMs);
    }
  }

  /** Puts signal s's program where it is at nowMs when its phase 0 began at startMs (earlier cycles repeat). */
  private startProgram(s: number, nowMs: number, startMs: number): void {
    const ph0 = this.phaseStart[s]!;
    let cycle = 0;
    for (let p = ph0; p < this.phaseStart[s + 1]!; p++) cycle += this.phaseMs[p]!;
    const into = (((nowMs - startMs) % cycle) + cycle) % cycle;
    this.current[s] = 0;
    this.next[s] = 0;
    this.interval[s] = INTERVAL_GREEN;
    this.intervalStartMs[s] = nowMs - into;
    this.stepProgram(s, nowMs);
  }

  /** Moves signal s's program on to the phase it is in at nowMs: phases follow one another exactly, whatever the step. */
  private stepProgram(s: number, nowMs: number): void {
    const ph0 = this.phaseStart[s]!;
    const phases = this.phaseStart[s + 1]! - ph0;
    while (nowMs - this.intervalStartMs[s]! >= this.phaseMs[ph0 + this.current[s]!]!) {
      this.intervalStartMs[s]! += this.phaseMs[ph0 + this.current[s]!]!;
      this.current[s] = (this.current[s]! + 1) % phases;
    }
  }

  /** Starts stage `local` of signal s at once (tests, and operators' manual control). */
  forceStage(s: number, local: number, nowMs: number): void {
    this.current[s] = local;
    this.next[s] = local;
    this.setInterval(s, INTERVAL_GREEN, nowMs);
  }

  /**
   * Two axes serve a crossroads or a T; at a junction of five or more arms (or a skewed one) two
   * approaches of one axis can have ahead or left movements that cross. Then the approaches are
   * regrouped so that no two whose ahead or left movements conflict share a main stage: greedy
   * colouring in the axis order (first axis first), each approach taking the lowest group none of
   * its clashing approaches holds — three or four stages where the junction needs them. Right and
   * U-turns stay permissive within their stage, as on a crossroads. Returns the number of groups.
   */
  private splitClashingAxes(net: TrafficNetwork, mv: Movements, n: number, conflicts: (a: number, b: number) => boolean): number {
    const links: number[] = [];
    for (let k = net.inStart[n]!; k < net.inStart[n + 1]!; k++) links.push(net.inLinks[k]!);
    const clash = (la: number, lb: number) => {
      for (let a = net.outStart[la]!; a < net.outStart[la + 1]!; a++) {
        if (mv.kind[a] === TURN_RIGHT || mv.kind[a] === TURN_U) continue;
        for (let b = net.outStart[lb]!; b < net.outStart[lb + 1]!; b++) {
          if (mv.kind[b] !== TURN_RIGHT && mv.kind[b] !== TURN_U && conflicts(a, b)) return true;
        }
      }
      return false;
    };
    const G = this.linkGroup;
    const needed = links.some((la, i) => links.some((lb, j) => j > i && G[la] === G[lb] && clash(la, lb)));
    if (!needed) return 2;
    const order = [...links].sort((a, b) => G[a]! - G[b]! || links.indexOf(a) - links.indexOf(b));
    const done: number[] = [];
    let groups = 0;
    for (const l of order) {
      let g = 0;
      while (done.some((o) => G[o] === g && clash(l, o))) g++;
      G[l] = g;
      done.push(l);
      groups = Math.max(groups, g + 1);
    }
    return groups;
  }

  /** The first stage of signal s that serves axis group g (its main stage), as a local index. */
  mainStage(s: number, g: number): number {
    for (let st = this.stageStart[s]!; st < this.stageStart[s + 1]!; st++)
      if (this.stageGroup[st] === g && this.stageKind[st] === STAGE_MAIN) return st - this.stageStart[s]!;
    return 0;
  }

  /** Per signal, for snapshots: 0 red, 1 amber, 2 green, 3 dark for axis 0; axis 1 in the high bits. */
  packed(s: number): number {
    let a0 = RED;
    let a1 = RED;
    const rank = (a: number) => (a === GREEN || a === GREEN_YIELD ? 3 : a === AMBER ? 2 : a === DARK ? 1 : 0);
    for (let i = this.turnStart[s]!; i < this.turnStart[s + 1]!; i++) {
      const t = this.turns[i]!;
      const l = this.turnFrom[t]!;
      const a = this.turnAspect(t, l);
      const shown = a === GREEN_YIELD ? GREEN : a;
      if (this.linkGroup[l] === 0) a0 = rank(shown) > rank(a0) ? shown : a0;
      else a1 = rank(shown) > rank(a1) ? shown : a1;
    }
    return a0 | (a1 << 2) | (this.mode[s]! << 4);
  }

  /** Clears the detectors (only turns at signals ever set them). */
  clearDemand(): void {
    for (let i = 0; i < this.turns.length; i++) this.turnDemand[this.turns[i]!] = 0;
  }

  private stageDemand(s: number, local: number, protectedOnly: boolean): boolean {
    const p0 = this.permStart[this.stageStart[s]! + local]!;
    const t0 = this.turnStart[s]!;
    for (let i = 0; i < this.turnStart[s + 1]! - t0; i++) {
      const pm = this.perm[p0 + i]!;
      if (pm === PERM_RED || (protectedOnly && pm !== PERM_PROTECTED)) continue;
      if (this.turnDemand[this.turns[t0 + i]!]) return true;
    }
    return false;
  }

  /** The next stage to run: the next main stage (in a fixed plan) or the next one with demand. */
  private pick(s: number, fixed: boolean): number {
    const stages = this.stageStart[s + 1]! - this.stageStart[s]!;
    const cur = this.current[s]!;
    for (let d = 1; d < stages; d++) {
      const local = (cur + d) % stages;
      const arrow = this.stageKind[this.stageStart[s]! + local] === STAGE_ARROW;
      if ((fixed && !arrow) || this.stageDemand(s, local, arrow)) return local;
    }
    return cur;
  }

  private setInterval(s: number, iv: number, nowMs: number): void {
    this.interval[s] = iv;
    this.intervalStartMs[s] = nowMs;
  }
}
