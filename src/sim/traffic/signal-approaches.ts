/**
 * Signal approaches, for the map: at every signalised junction one lamp per incoming link, and per
 * approach what its left, ahead and right movements show now (a U-turn counts with the right turn,
 * which it would cross like). The order — signals in input order, each junction's incoming links
 * in the network's order — is shared by the worker's static view and the per-frame aspects, so the
 * page pairs them by index.
 */
import { TURN_LEFT, TURN_THROUGH } from './movements';
import type { TrafficNetwork } from './network';
import { AMBER, DARK, GREEN, GREEN_YIELD, NO_SIGNAL, type SignalBank } from './signals';

/** Slots of an approach's lamp group, left to right as a driver sees them. */
export const SLOT_LEFT = 0;
export const SLOT_AHEAD = 1;
export const SLOT_RIGHT = 2;
export const SLOTS = 3;

/** The slot a turn kind is shown in. */
export const slotOfTurn = (kind: number): number => (kind === TURN_LEFT ? SLOT_LEFT : kind === TURN_THROUGH ? SLOT_AHEAD : SLOT_RIGHT);

/** Rank for merging movements that share a slot: the most permissive wins. */
const rank = (a: number) => (a === GREEN ? 4 : a === GREEN_YIELD ? 3 : a === AMBER ? 2 : a === DARK ? 1 : 0);

export class SignalApproaches {
  readonly count: number;
  /** Per approach: its incoming link and the signal (input order) at its end. */
  readonly link: Int32Array;
  readonly signal: Int32Array;
  /** Per link: its approach, or -1. */
  private readonly ofLink: Int32Array;

  constructor(net: TrafficNetwork, nodes: readonly number[]) {
    const link: number[] = [];
    const signal: number[] = [];
    nodes.forEach((n, s) => {
      for (let k = net.inStart[n]!; k < net.inStart[n + 1]!; k++) {
        link.push(net.inLinks[k]!);
        signal.push(s);
      }
    });
    this.count = link.length;
    this.link = Int32Array.from(link);
    this.signal = Int32Array.from(signal);
    this.ofLink = new Int32Array(net.linkCount).fill(-1);
    link.forEach((l, a) => (this.ofLink[l] = a));
  }

  /**
   * Per approach, three aspects (left, ahead, right: RED, AMBER, GREEN, DARK or GREEN_YIELD), or
   * NO_SIGNAL where the approach has no such movement. One pass over the signals' movements.
   */
  aspects(sig: SignalBank, kind: Uint8Array, out: Uint8Array = new Uint8Array(this.count * SLOTS)): Uint8Array {
    out.fill(NO_SIGNAL);
    for (let i = 0; i < sig.turns.length; i++) {
      const t = sig.turns[i]!;
      const l = sig.turnFrom[t]!;
      const a = this.ofLink[l]!;
      if (a < 0) continue;
      const at = a * SLOTS + slotOfTurn(kind[t]!);
      const shown = sig.turnAspect(t, l);
      if (out[at] === NO_SIGNAL || rank(shown) > rank(out[at]!)) out[at] = shown;
    }
    return out;
  }
}
