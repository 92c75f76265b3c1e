/**
 * Why a flow is not getting through, as the events that caused it: the links on its path that are
 * congested, the nodes on its path that are down (and what took them down), or the isolation of
 * the zones at either end. The comms subsystem keeps the state; this reads it.
 */
import type { EventId, World } from '../core';
import type { CommsNetwork } from './network';

export interface CauseState {
  readonly world: World;
  readonly net: CommsNetwork;
  readonly flows: {
    readonly pathStart: Int32Array;
    readonly pathLen: Int32Array;
    readonly pathLinks: Int32Array;
    readonly src: Int32Array;
    readonly dst: Int32Array;
    readonly offered: Float64Array;
  };
  readonly linkUp: Uint8Array;
  readonly nodeUp: Uint8Array;
  /** Per node, the asset index it stands for (−1 for none). */
  readonly nodeAsset: Int32Array;
  /** Nodes forced down by a command, with the event that did it. */
  readonly forced: ReadonlyMap<number, EventId>;
  /** Per link, the event that marked it congested (null while it is not). */
  readonly congestedEvent: readonly (EventId | null)[];
  /** Per zone, the event that isolated it (null while it is not). */
  readonly zoneEvent: readonly (EventId | null)[];
}

/** Whether a link on flow f's path is down. */
export function pathDown(c: CauseState, f: number): boolean {
  const s = c.flows.pathStart[f]!;
  for (let p = 0; p < c.flows.pathLen[f]!; p++) if (!c.linkUp[c.flows.pathLinks[s + p]!]) return true;
  return false;
}

/** Why flow f is not getting through now: the nodes down on its path, else the firewall, else the congestion. */
export function lossCauses(c: CauseState, f: number): EventId[] {
  if (pathDown(c, f)) return downCauses(c, f);
  return c.flows.offered[f] === 0 ? blockCauses(c, f) : congestionCauses(c, f);
}

export function congestionCauses(c: CauseState, f: number): EventId[] {
  const out: EventId[] = [];
  const s = c.flows.pathStart[f]!;
  for (let p = 0; p < c.flows.pathLen[f]!; p++) {
    const e = c.congestedEvent[c.flows.pathLinks[s + p]!];
    if (e && !out.includes(e)) out.push(e);
  }
  return out;
}

export function downCauses(c: CauseState, f: number): EventId[] {
  const out: EventId[] = [];
  const s = c.flows.pathStart[f]!;
  for (let p = 0; p < c.flows.pathLen[f]!; p++) {
    const l = c.flows.pathLinks[s + p]!;
    for (const n of [c.net.linkA[l]!, c.net.linkB[l]!]) {
      const a = c.nodeAsset[n]!;
      const e = c.nodeUp[n] ? null : (c.forced.get(n) ?? (a >= 0 ? c.world.statusEvent[a] : null));
      if (e && !out.includes(e)) out.push(e);
    }
  }
  return out;
}

export function blockCauses(c: CauseState, f: number): EventId[] {
  const out: EventId[] = [];
  for (const z of [c.net.nodeZone[c.flows.src[f]!]!, c.net.nodeZone[c.flows.dst[f]!]!]) {
    const e = c.zoneEvent[z];
    if (e && !out.includes(e)) out.push(e);
  }
  return out;
}
