/**
 * Signal controllers at junctions. Each signalised node splits its approaches into phase groups
 * by axis (approaches within 45° of one another, or of each other's opposite, go together), and
 * serves them in turn: green, amber, all-red. Plans are fixed-time or actuated (green extends while
 * detectors see arrivals, between a minimum and a maximum, gapping out otherwise).
 *
 * Timing defaults follow the ITE/HCM practice for a 50 km/h street: amber = t + v/(2a) ≈ 1 s +
 * 13.9/(2·3.05) s ≈ 3 s; all-red = (W + L)/v ≈ (20 + 5)/13.9 ≈ 2 s; actuated passage time 3 s,
 * minimum green 7 s (HCM 2010, chapter 31; ITE "Traffic Signal Timing Manual", 2008).
 *
 * The controller's mode comes from its asset: dark (no power) makes the junction an all-way stop;
 * fixed (lost its control link) runs the fixed-time fallback; an attacker can impose all-red or
 * conflicting greens on a controller it holds.
 */
import type { TrafficNetwork } from './network';

export interface SignalPlan {
  readonly kind: 'fixed' | 'actuated';
  /** Green per phase group in the fixed-time plan (and the fallback of an actuated one), s. */
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

/** What a driver on a link sees at its end. */
export const RED = 0;
export const AMBER = 1;
export const GREEN = 2;
export const DARK = 3;
export const NO_SIGNAL = 255;

const STAGE_GREEN = 0;
const STAGE_AMBER = 1;
const STAGE_ALL_RED = 2;

export interface SignalSpec {
  readonly node: number;
  /** The traffic-signal asset that controls it, or null for a benchmark grid. */
  readonly asset: string | null;
  readonly plan: SignalPlan;
}

export class SignalBank {
  readonly count: number;
  readonly node: Int32Array;
  readonly groups: Uint8Array;
  readonly phase: Uint8Array;
  readonly stage: Uint8Array;
  readonly stageStartMs: Float64Array;
  readonly mode: Uint8Array;
  /** 1 once drivers have taken a red that never ends for broken (cleared when the mode changes). */
  readonly givenUp: Uint8Array;
  /** Per link: the signal at its end, or -1; and its phase group there. */
  readonly linkSignal: Int32Array;
  readonly linkGroup: Uint8Array;
  /** Per link, set by the model each step: a vehicle is within the passage time of the stop line. */
  readonly demand: Uint8Array;
  readonly plans: readonly SignalPlan[];
  readonly assets: readonly (string | null)[];
  private readonly inStart: Int32Array;
  private readonly inLinks: Int32Array;

  constructor(net: TrafficNetwork, specs: readonly SignalSpec[]) {
    this.count = specs.length;
    this.node = Int32Array.from(specs, (s) => s.node);
    this.plans = specs.map((s) => s.plan);
    this.assets = specs.map((s) => s.asset);
    this.groups = new Uint8Array(this.count);
    this.phase = new Uint8Array(this.count);
    this.stage = new Uint8Array(this.count);
    this.stageStartMs = new Float64Array(this.count);
    this.mode = new Uint8Array(this.count);
    this.givenUp = new Uint8Array(this.count);
    this.linkSignal = new Int32Array(net.linkCount).fill(-1);
    this.linkGroup = new Uint8Array(net.linkCount);
    this.demand = new Uint8Array(net.linkCount);
    this.inStart = net.inStart;
    this.inLinks = net.inLinks;
    specs.forEach((s, i) => {
      const n = s.node;
      let axis = NaN;
      let groups = 1;
      for (let k = net.inStart[n]!; k < net.inStart[n + 1]!; k++) {
        const l = net.inLinks[k]!;
        const h = net.linkHeading[l]!;
        if (Number.isNaN(axis)) axis = h;
        let d = Math.abs(h - axis) % Math.PI;
        d = Math.min(d, Math.PI - d);
        const g = d < Math.PI / 4 ? 0 : 1;
        if (g === 1) groups = 2;
        this.linkSignal[l] = i;
        this.linkGroup[l] = g;
      }
      this.groups[i] = groups;
      // Neighbouring junctions start on different phases so the city does not pulse in step.
      this.phase[i] = groups > 1 ? i % 2 : 0;
    });
  }

  /** The aspect a driver on link l sees at its end. */
  aspect(l: number): number {
    const s = this.linkSignal[l]!;
    if (s < 0) return NO_SIGNAL;
    const mode = this.mode[s]!;
    if (mode === MODE_DARK) return DARK;
    if (mode === MODE_ALL_RED) return RED;
    if (mode === MODE_ALL_GREEN) return GREEN;
    if (this.linkGroup[l] !== this.phase[s]) return RED;
    const st = this.stage[s]!;
    return st === STAGE_GREEN ? GREEN : st === STAGE_AMBER ? AMBER : RED;
  }

  /** Advances every running controller to `nowMs`; allocation-free. */
  advance(nowMs: number): void {
    for (let s = 0; s < this.count; s++) {
      const mode = this.mode[s]!;
      if (mode === MODE_DARK || mode === MODE_ALL_RED || mode === MODE_ALL_GREEN) continue;
      const p = this.plans[s]!;
      const el = (nowMs - this.stageStartMs[s]!) / 1000;
      switch (this.stage[s]) {
        case STAGE_GREEN: {
          if (this.groups[s]! < 2) break;
          let end: boolean;
          if (p.kind === 'actuated' && mode === MODE_NORMAL) {
            end = el >= p.minGreenS && (el >= p.maxGreenS || !this.groupDemand(s, this.phase[s]!)) && this.groupDemand(s, 1 - this.phase[s]!);
          } else end = el >= p.greenS;
          if (end) this.setStage(s, STAGE_AMBER, nowMs);
          break;
        }
        case STAGE_AMBER:
          if (el >= p.amberS) this.setStage(s, STAGE_ALL_RED, nowMs);
          break;
        default:
          if (el >= p.allRedS) {
            this.phase[s] = (this.phase[s]! + 1) % this.groups[s]!;
            this.setStage(s, STAGE_GREEN, nowMs);
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
    if (mode <= MODE_FIXED && !wasRunning) this.setStage(s, STAGE_ALL_RED, nowMs);
  }

  /** Per signal, for snapshots: 0 red, 1 amber, 2 green, 3 dark for group 0; group 1 in the high bits. */
  packed(s: number): number {
    const n = this.node[s]!;
    let a0 = RED;
    let a1 = RED;
    for (let k = this.inStart[n]!; k < this.inStart[n + 1]!; k++) {
      const l = this.inLinks[k]!;
      if (this.linkGroup[l] === 0) a0 = this.aspect(l);
      else a1 = this.aspect(l);
    }
    return a0 | (a1 << 2) | (this.mode[s]! << 4);
  }

  /** Clears the detectors (only links that end at a signal ever set them). */
  clearDemand(): void {
    for (let s = 0; s < this.count; s++) {
      const n = this.node[s]!;
      for (let k = this.inStart[n]!; k < this.inStart[n + 1]!; k++) this.demand[this.inLinks[k]!] = 0;
    }
  }

  private groupDemand(s: number, g: number): boolean {
    const n = this.node[s]!;
    for (let k = this.inStart[n]!; k < this.inStart[n + 1]!; k++) {
      const l = this.inLinks[k]!;
      if (this.linkGroup[l] === g && this.demand[l]) return true;
    }
    return false;
  }

  private setStage(s: number, stage: number, nowMs: number): void {
    this.stage[s] = stage;
    this.stageStartMs[s] = nowMs;
  }
}
