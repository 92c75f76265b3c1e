/**
 * The exercise side of the worker protocol: time travel (seek, branch), sessions (export,
 * import), the side-by-side B run, the after-action report, and the exercise's state (injects,
 * decisions, notes, evaluation) as plain data for the facilitator console. Merged into ToWorker
 * and FromWorker in protocol.ts.
 */
import type { LoggedCommand, KpiValues } from '../sim';
import type { ScenarioIssue } from '../scenario';
import type { LoadEstimate } from './load-estimate';

/** What to run beside the main run (A) for a side-by-side comparison. */
export type CompareMode =
  /** The same scenario and seed with every inject skipped: the city on a quiet day. */
  | 'baseline'
  /** The run as it was before the latest branch: "what we did" against "what if". */
  | 'before-branch';

export type ExerciseToWorker =
  /** Moves the run to `tMs`: forward by running on, back by replaying the command log from the start. */
  | { readonly type: 'seek'; readonly tMs: number }
  /** Keeps the command log up to `tMs` only and continues from there (a what-if). */
  | { readonly type: 'branch'; readonly tMs: number }
  /** Asks for the session (scenario, seed, command log, how far play got) as session-file JSON. */
  | { readonly type: 'session-export'; readonly reason: 'autosave' | 'download' | 'share' }
  /**
   * Loads a session file's text: its scenario, seed and commands, run to its untilMs (no later than
   * the scenario's end). A file or restore whose embedded scenario is heavy is answered with
   * session-heavy instead, until sent again `confirmed`.
   */
  | { readonly type: 'session-import'; readonly text: string; readonly reason: 'restore' | 'import' | 'share'; readonly confirmed?: boolean }
  /** Stops a replay, jump or restore in progress where it has got to. */
  | { readonly type: 'cancel' }
  | { readonly type: 'compare-start'; readonly mode: CompareMode }
  | { readonly type: 'compare-stop' }
  /** Builds the after-action report of the run so far. */
  | { readonly type: 'report'; readonly title?: string };

/** An inject as the page lists it: when it fires (null: only when fired by hand), what it is called, the attack it starts. */
export interface InjectView {
  readonly id: string;
  readonly atMs: number | null;
  readonly title: string;
  readonly description: string;
  readonly attack: string | null;
}

export interface ExerciseSpec {
  readonly scenarioName: string;
  readonly injects: readonly (InjectView & {
    /** What the inject does, in words (one line per command). */
    readonly effects: readonly string[];
    readonly expected: readonly { readonly id: string; readonly description: string; readonly command: string | null; readonly withinMs: number }[];
    /** In a hosted exercise, the one seat shown this inject; null: every seat. */
    readonly seat: string | null;
  })[];
  readonly decisions: readonly {
    readonly id: string;
    readonly title: string;
    readonly prompt: string;
    readonly atMs: number | null;
    readonly afterInject: string | null;
    readonly afterEvent: string | null;
    readonly budgetMs: number;
    readonly options: readonly { readonly id: string; readonly label: string; readonly recommended: boolean; readonly effects: readonly string[] }[];
    /** In a hosted exercise, the seat that takes it; null: the facilitator. */
    readonly seat: string | null;
  }[];
  /** The seats of a hosted exercise. */
  readonly seats: readonly { readonly id: string; readonly title: string; readonly role: 'facilitator' | 'player' | 'observer' }[];
  readonly briefing: readonly {
    readonly title: string;
    readonly text: string;
    readonly focus: { readonly asset: string } | { readonly point: readonly [number, number]; readonly distanceM: number } | null;
    readonly layers: readonly string[] | null;
    readonly atMs: number | null;
    readonly sweep?: { readonly results: string; readonly figure: string | null };
  }[];
}

export interface ExerciseState {
  readonly tMs: number;
  /** The furthest time this run has reached: the scrubber's right end. */
  readonly headMs: number;
  /** Commands recorded after the present moment (we are looking at the past). */
  readonly futureCommands: number;
  readonly commandCount: number;
  /** When the run last branched, and from which time; null before any branch. */
  readonly branchedAtMs: number | null;
  readonly injects: readonly { readonly id: string; readonly state: 'pending' | 'held' | 'fired' | 'skipped'; readonly firedAtMs: number | null }[];
  readonly decisions: readonly {
    readonly id: string;
    readonly state: 'waiting' | 'open' | 'taken' | 'expired';
    readonly openedMs: number | null;
    readonly takenMs: number | null;
    readonly option: string | null;
    readonly by: string | null;
    readonly rationale: string | null;
  }[];
  readonly pressure: readonly { readonly tMs: number; readonly title: string; readonly text: string }[];
  readonly notes: readonly {
    readonly tMs: number;
    readonly text: string;
    readonly author: string;
    readonly kind: 'note' | 'evaluation';
    readonly expected: string | null;
    readonly met: boolean | null;
  }[];
  readonly evaluation: {
    readonly score: number | null;
    readonly results: readonly {
      readonly inject: string;
      readonly action: string;
      readonly description: string;
      readonly met: boolean;
      readonly how: string;
      readonly afterS: number | null;
    }[];
  };
  /** Times on the scrubber worth marking: injects fired, decisions opened and taken. */
  readonly markers: readonly { readonly tMs: number; readonly kind: 'inject' | 'decision' | 'branch'; readonly label: string }[];
  readonly compare: CompareMode | null;
}

export type ExerciseFromWorker =
  | { readonly type: 'exercise-spec'; readonly spec: ExerciseSpec }
  | { readonly type: 'exercise-state'; readonly state: ExerciseState }
  /**
   * The run was rebuilt from the start (a seek back, branch or import): the page forgets its event
   * log and KPI history. `askedMs` when the time asked for lay past the scenario's end.
   */
  | { readonly type: 'rewound'; readonly targetMs: number; readonly askedMs?: number }
  /** A seek, branch or import has reached its time, or was cancelled where it had got to. */
  | { readonly type: 'seeked'; readonly tMs: number; readonly cancelled?: boolean }
  /** A session's scenario is heavy to build or run: the page asks before sending it again, confirmed. */
  | { readonly type: 'session-heavy'; readonly reason: 'restore' | 'import' | 'share'; readonly estimate: LoadEstimate }
  | { readonly type: 'session'; readonly reason: 'autosave' | 'download' | 'share'; readonly json: string; readonly untilMs: number; readonly commands: number }
  | { readonly type: 'session-error'; readonly issues: readonly ScenarioIssue[] }
  /** The B run beside A, at A's time: its KPIs and asset statuses. */
  | {
      readonly type: 'compare-frame';
      readonly mode: CompareMode;
      readonly tMs: number;
      readonly kpis: KpiValues;
      readonly status: Uint8Array;
      readonly label: string;
    }
  | { readonly type: 'report-ready'; readonly html: string; readonly markdown: string; readonly json: string; readonly fileBase: string };

export type { LoggedCommand };
