/**
 * What the page knows of the hosted exercise it sits in: the connection, the seat, the join link
 * and code (the facilitator's), the seats and who holds them, the host's clock, and the run hashes
 * the seats report. Null `session` while the page runs on its own.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { HostedClock, SeatState } from '../../hosted/protocol';

export type HostedStatus = 'off' | 'connecting' | 'lobby' | 'live' | 'reconnecting' | 'removed' | 'error';

export interface HostedUi {
  status: HostedStatus;
  session: string | null;
  /** What the join link's lobby said: the exercise's title and seats, before joining. */
  lobby: { title: string; seats: SeatState[] } | null;
  seat: string | null;
  role: SeatState['role'] | null;
  name: string;
  /** The join code (the facilitator's page only). */
  code: string | null;
  title: string;
  seats: SeatState[];
  clock: HostedClock | null;
  /** Log entries this page has applied. */
  applied: number;
  /** This seat's run hash at a settled time, and every seat's as the host relays them. */
  myHash: { tMs: number; hash: string } | null;
  hashes: { seat: string; name: string; tMs: number; hash: string }[];
  /** The last thing the host refused, or a connection problem, in a sentence. */
  message: string | null;
}

export const hostedStore = createStore<HostedUi>()(() => ({
  status: 'off',
  session: null,
  lobby: null,
  seat: null,
  role: null,
  name: '',
  code: null,
  title: '',
  seats: [],
  clock: null,
  applied: 0,
  myHash: null,
  hashes: [],
  message: null,
}));

export function useHosted<T>(select: (s: HostedUi) => T): T {
  return useStore(hostedStore, select);
}

/** The address players open: this page's origin with ?join=SESSION (the code is given separately). */
export function joinUrl(session: string): string {
  return `${window.location.origin}${window.location.pathname}?join=${encodeURIComponent(session)}`;
}
