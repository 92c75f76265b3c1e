/**
 * What happened to each power line, read from the event stream: the last change (opened by
 * whom, closed, tripped by protection) and the order of protection trips, numbered by the
 * simulated instant they happened so lines tripping together share a number. A vanilla zustand
 * store, fed from every frame's events; the 3D layer reads it with getState() in useFrame.
 */
import { createStore } from 'zustand/vanilla';
import type { SimEvent } from '../../sim';
import type { TwinClient } from '../../worker/client';

export interface BranchChange {
  readonly kind: 'opened' | 'closed' | 'tripped';
  readonly tMs: number;
  /** Who switched it ('attacker', 'operator', …); 'protection' for a trip. */
  readonly actor: string;
  readonly reason: string;
  readonly event: SimEvent;
  /** For trips: 1 for the first step of the cascade, 2 for the next, … */
  readonly step: number;
}

export interface PowerTrackState {
  /** Last change per line id. */
  readonly changes: Readonly<Record<string, BranchChange>>;
  /** Every trip so far, oldest first. */
  readonly trips: readonly { readonly branch: string; readonly step: number; readonly tMs: number; readonly event: SimEvent }[];
  /** Bumped whenever anything above changes, so a frame loop can compare one number. */
  readonly version: number;
}

export const EMPTY_TRACK: PowerTrackState = { changes: {}, trips: [], version: 0 };

/** Folds a batch of events into the state; returns the same object when nothing changed. */
export function ingestPowerEvents(s: PowerTrackState, events: readonly SimEvent[]): PowerTrackState {
  let changes: Record<string, BranchChange> | null = null;
  let trips: PowerTrackState['trips'][number][] | null = null;
  for (const e of events) {
    if (e.type !== 'power.branch.tripped' && e.type !== 'power.breaker.opened' && e.type !== 'power.breaker.closed') continue;
    changes ??= { ...s.changes };
    if (e.type === 'power.branch.tripped') {
      trips ??= s.trips.slice();
      const last = trips[trips.length - 1];
      const step = !last ? 1 : last.tMs === e.tMs ? last.step : last.step + 1;
      trips.push({ branch: e.data.branch, step, tMs: e.tMs, event: e });
      const why = `${Math.round(e.data.loadingPct)}% of its rating for ${Math.round(e.data.overloadS)} s`;
      changes[e.data.branch] = { kind: 'tripped', tMs: e.tMs, actor: 'protection', reason: why, event: e, step };
    } else {
      const kind = e.type === 'power.breaker.opened' ? 'opened' : 'closed';
      changes[e.data.branch] = { kind, tMs: e.tMs, actor: e.data.actor, reason: e.data.reason, event: e, step: 0 };
    }
  }
  if (!changes) return s;
  return { changes, trips: trips ?? s.trips, version: s.version + 1 };
}

export const powerTrack = createStore<PowerTrackState>()(() => EMPTY_TRACK);

/** Follows the worker's frames (and clears on a new load). Call once, beside the session. */
export function startPowerTracking(client: TwinClient): void {
  client.on('loaded', () => powerTrack.setState({ ...EMPTY_TRACK, version: powerTrack.getState().version + 1 }, true));
  client.on('frame', (msg) => {
    const next = ingestPowerEvents(powerTrack.getState(), msg.events);
    if (next !== powerTrack.getState()) powerTrack.setState(next, true);
  });
}
