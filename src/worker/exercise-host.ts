/**
 * The worker's exercise side: time travel, branches, sessions, the side-by-side B run and the
 * after-action report. A run is fully given by scenario + seed + command log, so going back in
 * time is a fresh simulation replaying the log (the default 6 h run replays in about two seconds
 * headless, so no keyframes are kept: a seek back is a full re-run, in budgeted slices with
 * frames as progress). Branching is the same replay with the later commands dropped.
 */
import {
  afterActionHtml,
  afterActionMarkdown,
  buildAfterAction,
  createSimulation,
  describeCommand,
  type Command,
  type LoggedCommand,
  type SimInput,
  type Simulation,
} from '../sim';
import { makeSession, parseSession, type ScenarioMeta } from '../scenario';
import type { CompareMode, ExerciseFromWorker, ExerciseSpec, ExerciseState, ExerciseToWorker } from './exercise-protocol';
import type { SimRunner } from './runner';
import { estimateLoad } from './load-estimate';

/** What the host needs from the worker that owns the main run. */
export interface ExerciseDeps {
  current(): { sim: Simulation; input: SimInput; runner: SimRunner; meta: ScenarioMeta; name: string; text: string | null } | null;
  /** Replaces the main run's simulation (the worker makes a runner for it, paused). */
  replace(sim: Simulation): SimRunner;
  /** Loads a scenario afresh (by name or text) and replays `commands` up to `untilMs`. */
  load(scenario: string, text: string | undefined, seed: number, commands: readonly LoggedCommand[], untilMs: number): Promise<void>;
  wantPlaying(): boolean;
  post(msg: ExerciseFromWorker, transfer?: Transferable[]): void;
}

const POLL_MS = 25;
const STATE_INTERVAL_MS = 200;

export class ExerciseHost {
  /** The log the present simulation was built from (it may hold commands later than now). */
  private seedLog: readonly LoggedCommand[] = [];
  private headMs = 0;
  private branchedAtMs: number | null = null;
  private beforeBranch: readonly LoggedCommand[] | null = null;
  private compare: { mode: CompareMode; log: readonly LoggedCommand[]; sim: Simulation; label: string } | null = null;
  private lastStateKey = '';
  private seekGen = 0;
  /** The generation of the seek (replay, jump, restore) still running, or null. */
  private seeking: number | null = null;
  private readonly branchMarks: number[] = [];
  private lastStateAt = 0;
  private stateTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: ExerciseDeps) {}

  /** After every load: the run starts from the log it was given (empty for a plain load). */
  loaded(commands: readonly LoggedCommand[], untilMs: number): void {
    this.seedLog = commands;
    this.headMs = untilMs;
    this.branchedAtMs = null;
    this.beforeBranch = null;
    this.branchMarks.length = 0;
    this.compare = null;
    this.lastStateKey = '';
    const cur = this.deps.current();
    if (cur) this.deps.post({ type: 'exercise-spec', spec: specOf(cur.input, cur.name) });
  }

  /** The whole recorded log: what has been applied, then what is still to come. */
  fullLog(): readonly LoggedCommand[] {
    const cur = this.deps.current();
    if (!cur) return [];
    const applied = cur.sim.commandLog;
    return applied.length >= this.seedLog.length ? applied : this.seedLog;
  }

  hasFuture(): boolean {
    const cur = this.deps.current();
    return !!cur && cur.sim.commandLog.length < this.seedLog.length;
  }

  /** A live command while looking at the past branches from the present first, so the record stays one timeline. */
  beforeCommand(_c: Command): void {
    const cur = this.deps.current();
    if (!cur || !this.hasFuture()) return;
    this.branchNow(cur.sim.nowMs, true);
  }

  handle(msg: ExerciseToWorker): void {
    switch (msg.type) {
      case 'seek':
        this.seek(msg.tMs, false);
        return;
      case 'branch':
        this.seek(msg.tMs, true);
        return;
      case 'session-export':
        this.exportSession(msg.reason);
        return;
      case 'session-import':
        this.importSession(msg.text, msg.reason, msg.confirmed === true);
        return;
      case 'cancel':
        this.cancel();
        return;
      case 'compare-start':
        this.startCompare(msg.mode);
        return;
      case 'compare-stop':
        this.compare = null;
        this.lastStateKey = '';
        this.afterFrame();
        return;
      case 'report':
        this.report(msg.title);
        return;
      default: {
        const never: never = msg;
        throw new Error(`unknown exercise message ${JSON.stringify(never)}`);
      }
    }
  }

  /** Called after each frame of the main run: keeps B in step and sends the exercise state when it changed. */
  afterFrame(): void {
    const cur = this.deps.current();
    if (!cur) return;
    const t = cur.sim.nowMs;
    if (t > this.headMs && !this.hasFuture()) this.headMs = t;
    if (this.compare) {
      let b = this.compare.sim;
      if (b.nowMs > t) {
        b = createSimulation(cur.input, { seed: cur.sim.seed, commands: this.compare.log });
        this.compare.sim = b;
      }
      b.runUntil(t);
      const snap = b.snapshot();
      this.deps.post({ type: 'compare-frame', mode: this.compare.mode, tMs: snap.tMs, kpis: snap.kpis, status: snap.status, label: this.compare.label }, [
        snap.status.buffer as ArrayBuffer,
      ]);
    }
    const key = `${cur.sim.events.length}|${cur.sim.commandLog.length}|${this.headMs}|${this.seedLog.length}|${this.compare?.mode ?? ''}|${this.branchedAtMs}`;
    if (key === this.lastStateKey) return;
    // While the run races ahead, a few states a second are plenty; a new command goes out at once.
    const now = performance.now();
    const sameCommands = this.lastStateKey.split('|')[1] === String(cur.sim.commandLog.length);
    if (sameCommands && this.lastStateKey !== '' && now - this.lastStateAt < STATE_INTERVAL_MS) {
      if (!this.stateTimer) this.stateTimer = setTimeout(() => ((this.stateTimer = null), this.afterFrame()), STATE_INTERVAL_MS);
      return;
    }
    this.lastStateAt = now;
    this.lastStateKey = key;
    this.deps.post({ type: 'exercise-state', state: this.state(cur.sim) });
  }

  private state(sim: Simulation): ExerciseState {
    const { injects, decisions } = sim.exercise;
    const ev = sim.evaluate();
    const pressure: { tMs: number; title: string; text: string }[] = [];
    const notes: ExerciseState['notes'][number][] = [];
    const markers: { tMs: number; kind: 'inject' | 'decision' | 'branch'; label: string }[] = [];
    for (const e of sim.events) {
      if (e.type === 'inject.pressure') pressure.push({ tMs: e.tMs, title: e.data.title, text: e.data.text });
      else if (e.type === 'note.added') notes.push({ tMs: e.tMs, ...e.data });
      else if (e.type === 'inject.applied') markers.push({ tMs: e.tMs, kind: 'inject', label: e.data.title });
      else if (e.type === 'decision.opened') markers.push({ tMs: e.tMs, kind: 'decision', label: `Decision opens: ${e.data.title}` });
      else if (e.type === 'decision.taken') markers.push({ tMs: e.tMs, kind: 'decision', label: `Decided: ${e.data.label}` });
    }
    // Recorded future commands that fire injects or take decisions are marked too, so scrubbing back shows what is ahead.
    for (const c of this.seedLog.slice(sim.commandLog.length)) {
      if (c.command.type === 'inject.fire' || c.command.type === 'inject.pressure')
        markers.push({ tMs: c.tMs, kind: 'inject', label: describeCommand(c.command) });
      else if (c.command.type === 'decision.take') markers.push({ tMs: c.tMs, kind: 'decision', label: describeCommand(c.command) });
    }
    for (const t of this.branchMarks) markers.push({ tMs: t, kind: 'branch', label: `Branched at ${Math.round(t / 60000)} min` });
    return {
      tMs: sim.nowMs,
      headMs: Math.max(this.headMs, sim.nowMs),
      futureCommands: Math.max(0, this.seedLog.length - sim.commandLog.length),
      commandCount: this.fullLog().length,
      branchedAtMs: this.branchedAtMs,
      injects: injects.injects.map((i) => ({ id: i.id, state: injects.stateOf(i.id) ?? 'pending', firedAtMs: injects.firedAtMs(i.id) ?? null })),
      decisions: [...decisions.records.values()].map((r) => ({
        id: r.decision,
        state: r.state,
        openedMs: r.openedMs,
        takenMs: r.takenMs,
        option: r.option,
        by: r.by,
        rationale: r.rationale,
      })),
      pressure,
      notes,
      evaluation: { score: ev.score, results: ev.results.map((r) => ({ ...r })) },
      markers,
      compare: this.compare?.mode ?? null,
    };
  }

  private seek(tMsRaw: number, branch: boolean): void {
    const cur = this.deps.current();
    if (!cur || !Number.isFinite(tMsRaw)) return;
    const tMs = Math.max(0, Math.round(tMsRaw / 500) * 500);
    if (branch) {
      this.branchNow(tMs, false);
      return;
    }
    if (tMs >= cur.sim.nowMs) {
      // Forward: run on (the recorded future commands apply on the way), no further than the scenario's end
      // unless the run is already past it.
      const end = cur.input.durationMs > 0 ? Math.max(cur.input.durationMs, this.headMs, cur.sim.nowMs) : Infinity;
      this.runTo(cur.runner, cur.sim, Math.min(tMs, end), false);
      return;
    }
    const log = this.fullLog();
    this.seedLog = log;
    const sim = createSimulation(cur.input, { seed: cur.sim.seed, commands: log });
    const runner = this.deps.replace(sim);
    this.lastStateKey = '';
    this.deps.post({ type: 'rewound', targetMs: tMs });
    this.runTo(runner, sim, tMs, true);
  }

  /** Drops the commands after `tMs` and rebuilds the run to `tMs`; `sync` runs it at once (before a live command). */
  private branchNow(tMs: number, sync: boolean): void {
    const cur = this.deps.current();
    if (!cur) return;
    const full = this.fullLog();
    this.beforeBranch = full;
    const kept = full.filter((c) => c.tMs <= tMs);
    this.seedLog = kept;
    this.branchedAtMs = tMs;
    this.branchMarks.push(tMs);
    this.headMs = tMs;
    const sim = createSimulation(cur.input, { seed: cur.sim.seed, commands: kept });
    if (sync) sim.runUntil(tMs);
    const runner = this.deps.replace(sim);
    this.lastStateKey = '';
    this.deps.post({ type: 'rewound', targetMs: tMs });
    if (this.compare?.mode === 'before-branch') this.startCompare('before-branch');
    if (sync) runner.flush();
    else this.runTo(runner, sim, tMs, true);
  }

  private runTo(runner: SimRunner, sim: Simulation, tMs: number, resumePlay: boolean): void {
    const gen = ++this.seekGen;
    this.seeking = gen;
    const wasPlaying = runner.isPlaying;
    if (wasPlaying) runner.pause();
    // A frame at once: a rebuilt run shows its start, and a seek to where it already is still answers.
    runner.flush();
    runner.skip(tMs - sim.nowMs);
    const poll = () => {
      if (gen !== this.seekGen || this.deps.current()?.sim !== sim) return;
      if (sim.nowMs + 500 <= tMs) {
        setTimeout(poll, POLL_MS);
        return;
      }
      this.seeking = null;
      this.deps.post({ type: 'seeked', tMs: sim.nowMs });
      if (wasPlaying || (resumePlay && this.deps.wantPlaying())) runner.play();
    };
    setTimeout(poll, 0);
  }

  /** Stops the replay or jump in progress where it has got to, paused (the log and the run's head are kept). */
  cancel(): void {
    const cur = this.deps.current();
    if (!cur || this.seeking === null) return;
    this.seeking = null;
    this.seekGen++;
    cur.runner.stopSkip();
    this.lastStateKey = '';
    this.deps.post({ type: 'seeked', tMs: cur.sim.nowMs, cancelled: true });
  }

  private startCompare(mode: CompareMode): void {
    const cur = this.deps.current();
    if (!cur) return;
    let log: readonly LoggedCommand[];
    let label: string;
    if (mode === 'baseline') {
      log = cur.input.injects.map((i) => ({ tMs: 0, command: { type: 'inject.skip', inject: i.id } as Command }));
      label = 'Baseline: no injects';
    } else {
      log = this.beforeBranch ?? this.fullLog();
      label = this.beforeBranch ? `Before the branch at ${clock(this.branchedAtMs ?? 0)}` : 'This run (no branch yet)';
    }
    const sim = createSimulation(cur.input, { seed: cur.sim.seed, commands: log });
    this.compare = { mode, log, sim, label };
    this.lastStateKey = '';
    this.afterFrame();
  }

  private exportSession(reason: 'autosave' | 'download' | 'share'): void {
    const cur = this.deps.current();
    if (!cur) return;
    const commands = this.fullLog();
    const untilMs = Math.max(cur.sim.nowMs, this.hasFuture() ? cur.sim.nowMs : 0);
    const session = makeSession({
      scenarioName: cur.name,
      ...(cur.text !== null && reason !== 'share' ? { scenarioText: cur.text } : {}),
      seed: cur.sim.seed,
      untilMs,
      commands,
      title: cur.meta.title,
      savedAt: new Date().toISOString(),
    });
    this.deps.post({ type: 'session', reason, json: `${JSON.stringify(session, null, 2)}\n`, untilMs, commands: commands.length });
  }

  private importSession(text: string, reason: 'restore' | 'import' | 'share', confirmed: boolean): void {
    const parsed = parseSession(text);
    if (!parsed.ok) {
      this.deps.post({ type: 'session-error', issues: parsed.issues.map((i) => ({ path: i.path, message: i.message, hint: i.hint })) });
      return;
    }
    const s = parsed.session;
    const name = s.scenario.name ?? (s.scenario.file ? s.scenario.file.replace(/^.*\//, '').replace(/\.json$/, '') : 'session');
    const commands = s.commands.map((c) => ({ tMs: c.tMs, command: c.command as Command }));
    const untilMs = Math.max(s.untilMs, commands[commands.length - 1]?.tMs ?? 0);
    // A scenario carried in the file (not one shipped with the twin) is sized up before it is built.
    if (s.scenario.text !== undefined && reason !== 'share' && !confirmed) {
      const estimate = estimateLoad(s.scenario.text, untilMs);
      if (estimate?.heavy) {
        this.deps.post({ type: 'session-heavy', reason, estimate });
        return;
      }
    }
    void this.deps.load(name, s.scenario.text, s.seed, commands, untilMs);
  }

  /** After a load with a log: run to where the session had got, but no further than the scenario's end. */
  replayTo(untilMs: number): void {
    const cur = this.deps.current();
    if (!cur || untilMs <= 0) return;
    const end = cur.input.durationMs > 0 ? cur.input.durationMs : Infinity;
    const targetMs = Math.min(untilMs, end);
    this.deps.post({ type: 'rewound', targetMs, ...(targetMs < untilMs ? { askedMs: untilMs } : {}) });
    this.runTo(cur.runner, cur.sim, targetMs, true);
  }

  private report(title?: string): void {
    const cur = this.deps.current();
    if (!cur) return;
    const r = buildAfterAction(cur.sim, cur.meta);
    const report = title ? { ...r, title } : r;
    const base = `${cur.name}-after-action-${clock(cur.sim.nowMs).replace(/:/g, '')}`;
    this.deps.post({
      type: 'report-ready',
      html: afterActionHtml(report),
      markdown: afterActionMarkdown(report),
      json: `${JSON.stringify(report, null, 2)}\n`,
      fileBase: base,
    });
  }
}

function clock(ms: number): string {
  const m = Math.floor(ms / 60000);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function specOf(input: SimInput, scenarioName: string): ExerciseSpec {
  return {
    scenarioName,
    injects: input.injects.map((i) => ({
      id: i.id,
      atMs: i.atMs,
      title: i.title,
      description: i.description,
      attack: i.attack,
      effects: i.commands.map(describeCommand),
      expected: (i.expected ?? []).map((x) => ({ id: x.id, description: x.description, command: x.command, withinMs: x.withinMs })),
      seat: i.seat ?? null,
    })),
    decisions: (input.decisions ?? []).map((d) => ({
      id: d.id,
      title: d.title,
      prompt: d.prompt,
      atMs: d.atMs,
      afterInject: d.afterInject,
      afterEvent: d.afterEvent,
      budgetMs: d.budgetMs,
      options: d.options.map((o) => ({ id: o.id, label: o.label, recommended: o.recommended, effects: o.commands.map(describeCommand) })),
      seat: d.seat ?? null,
    })),
    seats: (input.seats ?? []).map((s) => ({ id: s.id, title: s.title, role: s.role })),
    briefing: (input.briefing ?? []).map((b) => ({
      title: b.title,
      text: b.text,
      focus: b.focus,
      layers: b.layers,
      atMs: b.atMs,
      ...(b.sweep ? { sweep: b.sweep } : {}),
    })),
  };
}
