/// <reference lib="webworker" />
/**
 * The simulation worker: loads a scenario, runs it against the wall clock in budgeted slices and
 * answers the page's questions. The scenario loader (zod, the procedural city) lives only in this
 * bundle, so the page's first paint never waits for it.
 */
import { loadScenarioText } from '../scenario';
import { buildSimulation, loadWaterEngine, type BuildStep, type LoggedCommand, type Simulation, type SimInput } from '../sim';
import type { ScenarioMeta } from '../scenario';
import { ExerciseHost } from './exercise-host';
import type { FollowClock, FromWorker, RequestMessage, ScenarioIssue, ToWorker } from './protocol';
import { QueryError, edgeBuffers, explainEvent, hashAt, whyStatus } from './queries';
import { signalInfo } from './signal-query';
import { vehicleInfo } from './vehicle-query';
import { privacyView } from './privacy-query';
import { SimRunner, type RunnerHost } from './runner';
import { dataReader, fetchDataFiles, fetchScenario } from './scenario-source';
import { checkOwn, ownReader, type OwnFiles } from './own-scenarios';
import { buildWorldView } from './world-view';
import { CoverageTracker } from './live-coverage';
import { knownIdsOf, unknownRefs } from './command-refs';
import { withFault } from './test-fault';
import { bootMark } from './boot-marks';

declare const self: DedicatedWorkerGlobalScope;

const host: RunnerHost = {
  now: () => performance.now(),
  post: (msg, transfer) => {
    self.postMessage(msg, transfer);
    // The exercise side follows every frame: the B run keeps step, the facilitator console's state follows.
    if (msg.type === 'frame') {
      exercise.afterFrame();
      trackCoverage();
    }
  },
  later: (fn, ms) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

/** Live camera coverage for the heat map, following whichever simulation is current. */
let coverage: CoverageTracker | null = null;
function trackCoverage(): void {
  const cctv = current?.sim.cyber?.cctv ?? null;
  if (coverage?.tracks !== cctv) {
    coverage?.dispose();
    const sim = current?.sim;
    coverage =
      cctv && sim
        ? new CoverageTracker(
            cctv,
            host,
            (c) => post({ type: 'coverage', coverage: c }, [c.seen.buffer]),
            () => sim.nowMs,
          )
        : null;
  }
  coverage?.poll();
}

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer);
}

interface Loaded {
  readonly sim: Simulation;
  readonly input: SimInput;
  readonly runner: SimRunner;
  readonly meta: ScenarioMeta;
  readonly name: string;
  /** The scenario file's text, kept for session files that stand alone. */
  readonly text: string | null;
}

let current: Loaded | null = null;
/** Test only: the simulation fails whenever its clock reaches this time (test-fault.ts). */
let faultAtMs: number | null = null;

function makeRunner(sim: Simulation, durationMs: number): SimRunner {
  const runner = new SimRunner(faultAtMs === null ? sim : withFault(sim, faultAtMs), host, durationMs, wantSpeed);
  if (following) runner.setFollow(following);
  return runner;
}
/** A hosted exercise's clock while this page is a seat (every run follows it), else null. */
let following: FollowClock | null = null;
/** Settles when the latest load has finished (either way); requests wait for it. */
let loading: Promise<void> = Promise.resolve();
/** Play state and speed asked for, kept across loads and applied to each new runner. */
let wantPlaying = false;
let wantSpeed = 60;
/** Bumped by every load, so a slower earlier load cannot replace a later one. */
let loadGen = 0;

const exercise = new ExerciseHost({
  current: () => current,
  replace: (sim) => {
    if (!current) throw new Error('nothing loaded');
    current.runner.dispose();
    const runner = makeRunner(sim, current.input.durationMs);
    current = { ...current, sim, runner };
    return runner;
  },
  load: (scenario, text, seed, commands, untilMs) =>
    (loading = load({ type: 'load', scenario, ...(text !== undefined ? { text } : {}), seed }, { commands, untilMs }).catch(fatal)),
  wantPlaying: () => wantPlaying,
  post: (msg, transfer = []) => post(msg, transfer),
});

function fatal(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  // Where the run failed, so the page can go back to before it (0: while a scenario was being built).
  post({ type: 'fatal', message: message || 'the simulation stopped unexpectedly', atMs: current?.sim.nowMs ?? 0 });
}

/** Scenarios the user opened ("own:ID"), as the page handed them over: loads by that name read from here. */
const ownScenarios = new Map<string, { text: string; files: OwnFiles }>();

async function readAndParse(scenario: string, text: string | undefined) {
  let fileName = `${scenario}.json`;
  const own = ownScenarios.get(scenario);
  if (own) {
    const source = text ?? own.text;
    return { ...loadScenarioText(source, { fileName, readFile: ownReader(own.files).readFile }), text: source };
  }
  if (text === undefined) {
    const src = await fetchScenario(scenario);
    if (!src.ok) return { ...src, text: null };
    fileName = src.fileName;
    text = src.text;
  }
  const source = text;
  // A scenario with a water network needs EPANET before its city can be drawn: fetch it while the scenario compiles.
  if (/"water"\s*:/.test(text)) loadWaterEngine().catch(() => {});
  // Data files are fetched on demand: parse, fetch what the loader asked for, parse again.
  for (let attempt = 0; ; attempt++) {
    const reader = dataReader();
    const result = loadScenarioText(text, { fileName, readFile: reader.readFile });
    if (result.ok || reader.missing.size === 0 || attempt >= 3) return { ...result, text: source };
    if (!(await fetchDataFiles(reader.missing))) return { ...result, text: source };
  }
}

async function load(msg: Extract<ToWorker, { type: 'load' }>, replay?: { commands: readonly LoggedCommand[]; untilMs: number }): Promise<void> {
  const t0 = performance.now();
  const gen = ++loadGen;
  current?.runner.dispose();
  current = null;
  const result = await readAndParse(msg.scenario, msg.text);
  if (gen !== loadGen) return;
  post(bootMark('twin:scenario-compiled'));
  if (!result.ok) {
    const issues: ScenarioIssue[] = result.issues.map((i) => ({ path: i.path, message: i.message, hint: i.hint }));
    post({ type: 'load-error', scenario: msg.scenario, issues });
    return;
  }
  const commands = replay?.commands ?? [];
  // EPANET (WASM) is fetched only for a scenario with a water network, here in the worker (its layout is part of the city drawn).
  if (result.input.water) await loadWaterEngine();
  if (gen !== loadGen) return;
  post(bootMark('twin:engines-loaded'));
  const build = buildSimulation(result.input, { ...(msg.seed !== undefined ? { seed: msg.seed } : {}), ...(commands.length > 0 ? { commands } : {}) });
  // The page can draw the city now: the rest (traffic's routes, the residents and their history) is built behind it.
  let step = build.next();
  post(bootMark('twin:parts-built'));
  if (!step.done && step.value.kind === 'drawable') {
    const { seed, kpiDefs, water } = step.value;
    const { view, transfer } = buildWorldView(result.meta, result.input, seed, kpiDefs, water);
    post({ type: 'loaded', world: view, loadMs: Math.round(performance.now() - t0) }, transfer);
    post(bootMark('twin:world-sent'));
    const prepared = await prepareInSlices(build, gen);
    if (prepared === null) return;
    step = prepared;
  }
  if (!step.done) throw new Error('the simulation was built out of order');
  const sim = step.value;
  post(bootMark('twin:sim-ready'));
  const runner = makeRunner(sim, result.input.durationMs);
  current = { sim, input: result.input, runner, meta: result.meta, name: msg.scenario, text: result.text };
  exercise.loaded(commands, replay?.untilMs ?? 0);
  runner.flush();
  if (replay && replay.untilMs > 0) exercise.replayTo(replay.untilMs);
  // A hosted seat's run waits for the host's clock (the follow message after this load).
  else if (wantPlaying && !msg.commands) runner.play();
}

/** Wall ms of preparation between yields to the event loop (a later load can then supersede this one). */
const PREPARE_SLICE_MS = 40;
/**
 * How long the first load's preparation waits for the page to say it has drawn the city. On two
 * cores the history would otherwise take the processor the page and the GPU process need to
 * draw the first frame (in software WebGL, seconds); a page that cannot draw (no WebGL) waits this long.
 */
const FIRST_DRAW_WAIT_MS = 5_000;
/** The page has drawn a city since this worker started ('drawn'). */
let pageDrawn = false;
let onPageDrawn: (() => void) | null = null;

function pageHasDrawn(): Promise<void> {
  if (pageDrawn) return Promise.resolve();
  return new Promise((ok) => {
    const t = setTimeout(() => {
      onPageDrawn = null;
      ok();
    }, FIRST_DRAW_WAIT_MS);
    onPageDrawn = () => {
      clearTimeout(t);
      onPageDrawn = null;
      ok();
    };
  });
}

/**
 * Runs the parts' preparation in slices, telling the page how far it has got; null when a later load
 * superseded this one (the half-built simulation is dropped and freed).
 */
async function prepareInSlices(build: Generator<BuildStep, Simulation, void>, gen: number): Promise<IteratorResult<BuildStep, Simulation> | null> {
  await pageHasDrawn();
  if (gen !== loadGen) {
    build.return(undefined as unknown as Simulation);
    return null;
  }
  let step = build.next();
  let sent = -1;
  for (;;) {
    const start = performance.now();
    while (!step.done && performance.now() - start < PREPARE_SLICE_MS) step = build.next();
    if (step.done) {
      post(bootMark('twin:history-done'));
      return step;
    }
    const { value } = step;
    if (value.kind === 'prepare' && Math.round(value.fraction * 100) !== sent) {
      sent = Math.round(value.fraction * 100);
      post({ type: 'preparing', part: value.part, fraction: value.fraction });
    }
    await new Promise((ok) => setTimeout(ok, 0));
    if (gen !== loadGen) {
      build.return(undefined as unknown as Simulation);
      return null;
    }
  }
}

/** Questions about the loaded simulation (a check of the user's files needs none and is answered in handle). */
function answer(msg: Exclude<RequestMessage, { type: 'checkOwn' }>): void {
  if (!current) {
    post({ type: 'reply-error', reqId: msg.reqId, message: 'no scenario is loaded' });
    return;
  }
  const { sim, input } = current;
  try {
    switch (msg.type) {
      case 'explain':
        post({ type: 'reply', reqId: msg.reqId, result: explainEvent(sim, msg.eventId) });
        return;
      case 'why':
        post({ type: 'reply', reqId: msg.reqId, result: whyStatus(sim, msg.assetId) });
        return;
      case 'edgeBuffers':
        post({ type: 'reply', reqId: msg.reqId, result: edgeBuffers(sim, msg.assetId) });
        return;
      case 'vehicle':
        post({ type: 'reply', reqId: msg.reqId, result: vehicleInfo(sim, msg.slot) });
        return;
      case 'signal':
        post({ type: 'reply', reqId: msg.reqId, result: signalInfo(sim, msg.assetId) });
        return;
      case 'hashAt':
        post({ type: 'reply', reqId: msg.reqId, result: hashAt(input, sim.seed, msg.untilMs, msg.commands) });
        return;
      case 'hashNow':
        post({ type: 'reply', reqId: msg.reqId, result: { tMs: sim.nowMs, hash: sim.hash() } });
        return;
      case 'privacy':
        post({ type: 'reply', reqId: msg.reqId, result: privacyView(sim, msg.whatIf, () => performance.now()) });
        return;
      default: {
        const never: never = msg;
        throw new Error(`unknown request ${String(never)}`);
      }
    }
  } catch (err) {
    if (err instanceof QueryError) post({ type: 'reply-error', reqId: msg.reqId, message: err.message });
    else {
      post({ type: 'reply-error', reqId: msg.reqId, message: 'the simulation could not answer' });
      fatal(err);
    }
  }
}

function handle(msg: ToWorker): void {
  switch (msg.type) {
    case 'load':
      loading = (msg.commands ? load(msg, { commands: msg.commands, untilMs: 0 }) : load(msg)).catch(fatal);
      return;
    case 'follow':
      following = msg.clock;
      current?.runner.setFollow(msg.clock);
      return;
    case 'follow-command':
      if (!current) return;
      try {
        current.sim.applyAt(msg.tMs, msg.command);
      } catch (err) {
        post({ type: 'follow-error', message: err instanceof Error ? err.message : String(err) });
      }
      return;
    case 'own-files':
      ownScenarios.set(msg.scenario, { text: msg.text, files: msg.files });
      return;
    case 'checkOwn':
      // Needs no simulation: answered at once, even while nothing is loaded.
      try {
        post({ type: 'reply', reqId: msg.reqId, result: checkOwn(msg.files) });
      } catch (err) {
        post({ type: 'reply-error', reqId: msg.reqId, message: `the files could not be checked: ${err instanceof Error ? err.message : String(err)}` });
      }
      return;
    case 'play':
      wantPlaying = true;
      current?.runner.play();
      return;
    case 'pause':
      wantPlaying = false;
      current?.runner.pause();
      return;
    case 'speed':
      wantSpeed = msg.factor;
      current?.runner.setSpeed(msg.factor);
      return;
    case 'command': {
      // A command naming ids this world lacks would be a silent no-op: refuse it, and say which ids.
      const refused = current ? unknownRefs(msg.command, knownIdsOf(current.input, current.sim.cyber?.cctv.input.datasets)) : [];
      const applied = current !== null && refused.length === 0;
      if (applied) {
        exercise.beforeCommand(msg.command);
        current!.runner.command(msg.command);
      }
      post({ type: 'command-result', seq: msg.seq ?? null, command: msg.command, applied, refused });
      return;
    }
    case 'drawn':
      pageDrawn = true;
      onPageDrawn?.();
      return;
    case 'test-fault':
      faultAtMs = msg.atMs !== null && Number.isFinite(msg.atMs) ? msg.atMs : null;
      if (current) {
        // The run in progress takes the fault from now on (a new runner over the same simulation).
        const wasPlaying = current.runner.isPlaying;
        current.runner.dispose(true);
        current = { ...current, runner: makeRunner(current.sim, current.input.durationMs) };
        current.runner.flush();
        if (wasPlaying) current.runner.play();
      }
      return;
    case 'step': {
      // A jump ahead goes no further than the scenario's end, or an hour at a time once past it.
      if (!current) return;
      const room = Math.max(current.input.durationMs - current.sim.nowMs, 3_600_000);
      current.runner.skip(Math.min(msg.ms, room));
      return;
    }
    case 'seek':
    case 'branch':
    case 'session-export':
    case 'session-import':
    case 'compare-start':
    case 'compare-stop':
    case 'report':
    case 'cancel':
      exercise.handle(msg);
      return;
    case 'explain':
    case 'why':
    case 'edgeBuffers':
    case 'vehicle':
    case 'signal':
    case 'hashAt':
    case 'hashNow':
    case 'privacy':
      void loading.then(() => answer(msg));
      return;
    default: {
      const never: never = msg;
      throw new Error(`unknown message ${JSON.stringify(never)}`);
    }
  }
}

post(bootMark('twin:worker-started'));
self.addEventListener('message', (ev: MessageEvent<ToWorker>) => {
  // Control messages wait behind a load in progress so they act on the new simulation.
  const msg = ev.data;
  // A session import is a load too: it supersedes a load still in progress instead of waiting for it.
  if (msg.type === 'load' || msg.type === 'session-import' || msg.type === 'own-files' || msg.type === 'checkOwn' || msg.type === 'drawn') handle(msg);
  else
    void loading.then(() => {
      try {
        handle(msg);
      } catch (err) {
        fatal(err);
      }
    });
});
// Handled here, once, with the time of the failure: the page's own error event would say less.
self.addEventListener('error', (ev) => {
  ev.preventDefault();
  fatal(ev.error ?? ev.message);
});
self.addEventListener('unhandledrejection', (ev) => {
  ev.preventDefault();
  fatal(ev.reason);
});
