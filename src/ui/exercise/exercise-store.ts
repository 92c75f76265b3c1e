/**
 * The exercise's slow state for the facilitator console and presenter view: the scenario's
 * injects, decisions and briefing (spec), the run's exercise state from the worker, what the
 * page is doing (replaying, restoring), the B run's KPIs, and console UI choices. The B run's
 * per-asset status array is fast data and lives in `compareLive`, outside React.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CompareMode, ExerciseSpec, ExerciseState } from '../../worker/exercise-protocol';
import type { LoadEstimate } from '../../worker/load-estimate';
import type { KpiValues } from '../../sim';
import { closeDrawer, openDrawer } from '../store/layout-store';

export interface ExerciseUi {
  spec: ExerciseSpec | null;
  state: ExerciseState | null;
  /** A replay in progress (seek back, branch, restore): what and to when. */
  busy: { label: string; targetMs: number } | null;
  compare: { mode: CompareMode; label: string; tMs: number; kpis: KpiValues } | null;
  consoleOpen: boolean;
  briefing: { step: number } | null;
  rehearsal: boolean;
  /**
   * What was restored, for the banner; `failedAtMs` when the saved run had failed and was restored
   * to before the failure, leaving out `dropped` later commands.
   */
  restored: { untilMs: number; commands: number; savedAt: string; from: 'autosave' | 'link' | 'file'; failedAtMs?: number | null; dropped?: number } | null;
  /** A saved session offered to a new session (a fresh visit, a shared link); this tab's own comes back after a reload without asking. */
  offer: { slot: string; scenarioName: string; untilMs: number; commands: number; savedAt: string; failedAtMs: number | null } | null;
  /** A session whose scenario is heavy to build, waiting for the facilitator to say whether to load it. */
  heavy: { estimate: LoadEstimate; reason: 'restore' | 'import' | 'share' } | null;
  /**
   * The run failed (the worker stopped) at `atMs`: the failure card offers to go back to before it
   * or start afresh once `kept` (the session, marked with the failure, is saved).
   */
  failure: { atMs: number; message: string; kept: boolean } | null;
  /** A message that stays until dismissed (one set while the city is still being built would otherwise pass unseen). */
  notice: { text: string; error: boolean } | null;
  /** A short message for the facilitator (saved, copied, an import error, a command that did nothing). */
  toast: { text: string; error: boolean; warning: boolean } | null;
  lastSavedAt: number | null;
  /** Who is at the console: prefilled as "decided by" and note author. */
  facilitator: string;
}

export const exerciseStore = createStore<ExerciseUi>()(() => ({
  spec: null,
  state: null,
  busy: null,
  compare: null,
  consoleOpen: false,
  briefing: null,
  rehearsal: false,
  restored: null,
  offer: null,
  heavy: null,
  failure: null,
  notice: null,
  toast: null,
  lastSavedAt: null,
  facilitator: '',
}));

export function useExercise<T>(select: (s: ExerciseUi) => T): T {
  return useStore(exerciseStore, select);
}

/** Opens the facilitator console in its drawer beside the map (the map gives it the room). */
export function openConsole(): void {
  openDrawer(typeof window !== 'undefined' ? window.innerWidth : Infinity);
  exerciseStore.setState({ consoleOpen: true });
}

export function closeConsole(): void {
  exerciseStore.setState({ consoleOpen: false });
  closeDrawer();
}

/** The B run's latest asset statuses (fast path for the split view), bumped per compare frame. */
export const compareLive: { status: Uint8Array | null; version: number } = { status: null, version: 0 };

/** Shows a message for a few seconds: `true` for an error, 'warning' for something that did not happen as asked. */
export function toast(text: string, tone: boolean | 'warning' = false): void {
  exerciseStore.setState({ toast: { text, error: tone === true, warning: tone === 'warning' } });
  setTimeout(() => {
    if (exerciseStore.getState().toast?.text === text) exerciseStore.setState({ toast: null });
  }, 6000);
}
