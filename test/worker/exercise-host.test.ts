/**
 * Time travel in the worker: a seek back is a fresh replay of the command log and lands on the
 * very state a fresh run reaches; a branch drops the later commands; the session it exports is
 * the file `twin report` reads; the B run keeps step with A.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files';
import { readFileSync } from 'node:fs';
import { makeSession, parseSession } from '../../src/scenario';
import { createSimulation, type Simulation } from '../../src/sim';
import { ExerciseHost } from '../../src/worker/exercise-host';
import type { ExerciseFromWorker } from '../../src/worker/exercise-protocol';
import type { FromWorker } from '../../src/worker/protocol';
import { SimRunner, type RunnerHost } from '../../src/worker/runner';

const loaded = loadScenarioFile(resolve(__dirname, '../../scenarios/default.json'));
if (!loaded.ok) throw new Error('default scenario does not load');
const { input, meta } = loaded;

function setup() {
  const posted: FromWorker[] = [];
  const loads: { scenario: string; untilMs: number; commands: number }[] = [];
  let cur: { sim: Simulation; runner: SimRunner } | null = null;
  let host!: ExerciseHost;
  const runnerHost: RunnerHost = {
    now: () => performance.now(),
    post: (m) => {
      posted.push(m);
      if (m.type === 'frame') host.afterFrame();
    },
    later: (fn, ms) => {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    },
  };
  host = new ExerciseHost({
    current: () => (cur ? { ...cur, input, meta, name: 'default', text: null } : null),
    replace: (sim) => {
      cur!.runner.dispose();
      cur = { sim, runner: new SimRunner(sim, runnerHost, input.durationMs, 60) };
      return cur.runner;
    },
    load: async (scenario, _text, _seed, commands, untilMs) => void loads.push({ scenario, untilMs, commands: commands.length }),
    wantPlaying: () => false,
    post: (m: ExerciseFromWorker) => posted.push(m),
  });
  const sim = createSimulation(input, { seed: 42 });
  cur = { sim, runner: new SimRunner(sim, runnerHost, input.durationMs, 60) };
  host.loaded([], 0);
  const until = (type: string) =>
    new Promise<FromWorker>((ok, fail) => {
      const from = posted.length;
      const t0 = Date.now();
      const poll = () => {
        const m = posted.slice(from).find((x) => x.type === type);
        if (m) ok(m);
        else if (Date.now() - t0 > 50_000) fail(new Error(`no ${type}`));
        else setTimeout(poll, 10);
      };
      poll();
    });
  return { host, posted, loads, current: () => cur!, until };
}

describe('exercise host', () => {
  it('seeks back to the same state a fresh run reaches, and branches by dropping later commands', async () => {
    const { host, posted, current, until } = setup();
    current().runner.command({ type: 'inject.fire', inject: 'vendor-compromise' });
    current().runner.command({ type: 'decision.take', decision: 'restore-or-isolate', option: 'wait', by: 'Deputy' });
    let seeked = until('seeked');
    host.handle({ type: 'seek', tMs: 40 * 60_000 });
    await seeked;
    const log = current().sim.commandLog.map((c) => ({ ...c }));
    expect(log.map((c) => c.command.type)).toEqual(['inject.fire', 'decision.take']);

    // Back to 20 min: a rebuilt simulation, equal to a fresh run of the same log.
    seeked = until('seeked');
    host.handle({ type: 'seek', tMs: 20 * 60_000 });
    await seeked;
    expect(posted.some((m) => m.type === 'rewound')).toBe(true);
    const fresh = createSimulation(input, { seed: 42, commands: log });
    fresh.runUntil(20 * 60_000);
    expect(current().sim.nowMs).toBe(20 * 60_000);
    expect(current().sim.hash()).toBe(fresh.hash());

    // Branch at the start: the decision is dropped, the inject kept.
    seeked = until('seeked');
    host.handle({ type: 'branch', tMs: 0 });
    await seeked;
    expect(host.fullLog().map((c) => c.command.type)).toEqual(['inject.fire']);
    host.handle({ type: 'seek', tMs: 60_000 });
    await until('seeked');
    const state = posted.filter((m): m is Extract<ExerciseFromWorker, { type: 'exercise-state' }> => m.type === 'exercise-state').at(-1)!.state;
    expect(state.branchedAtMs).toBe(0);
    expect(state.decisions[0]!.state).toBe('open');

    // The B run (before the branch) keeps step with A.
    host.handle({ type: 'compare-start', mode: 'before-branch' });
    const b = posted.filter((m): m is Extract<ExerciseFromWorker, { type: 'compare-frame' }> => m.type === 'compare-frame').at(-1)!;
    expect(b.tMs).toBe(current().sim.nowMs);
    expect(b.label).toMatch(/Before the branch/);

    // The session file round-trips through the loader's schema.
    const exported = until('session');
    host.handle({ type: 'session-export', reason: 'download' });
    const s = (await exported) as Extract<ExerciseFromWorker, { type: 'session' }>;
    const parsed = parseSession(s.json);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.session.commands.map((c) => c.command.type)).toEqual(['inject.fire']);
    current().runner.dispose();
  });

  it("replays a session no further than the scenario's end, and a cancel stops it where it has got to", async () => {
    const { host, posted, current, until } = setup();
    // A link asking for t=9999999 s (116 days) of a 6-hour scenario.
    const seeked = until('seeked');
    host.replayTo(9_999_999_000);
    const rewound = posted.find((m): m is Extract<ExerciseFromWorker, { type: 'rewound' }> => m.type === 'rewound')!;
    expect(rewound).toEqual({ type: 'rewound', targetMs: input.durationMs, askedMs: 9_999_999_000 });
    // Cancel once the replay has started moving.
    await new Promise<void>((ok) => {
      const poll = () => (current().sim.nowMs > 0 ? ok() : setTimeout(poll, 5));
      poll();
    });
    host.handle({ type: 'cancel' });
    const done = (await seeked) as Extract<ExerciseFromWorker, { type: 'seeked' }>;
    expect(done.cancelled).toBe(true);
    expect(done.tMs).toBeGreaterThan(0);
    expect(done.tMs).toBeLessThan(input.durationMs);
    // Nothing runs on after the cancel, and a second cancel has nothing to stop.
    const at = current().sim.nowMs;
    await new Promise((ok) => setTimeout(ok, 100));
    expect(current().sim.nowMs).toBe(at);
    const before = posted.length;
    host.handle({ type: 'cancel' });
    expect(posted.slice(before).some((m) => m.type === 'seeked')).toBe(false);
    // A jump forward stops at the scenario's end too (50 hours past it would take a minute).
    const jumped = until('seeked');
    host.handle({ type: 'seek', tMs: input.durationMs + 50 * 3_600_000 });
    expect(((await jumped) as Extract<ExerciseFromWorker, { type: 'seeked' }>).tMs).toBe(input.durationMs);
    current().runner.dispose();
  });

  it('asks before building a heavy scenario carried in a session file, and builds it once confirmed', () => {
    const { host, posted, loads, current } = setup();
    const text = JSON.parse(readFileSync(resolve(__dirname, '../../scenarios/default.json'), 'utf8')) as Record<string, any>;
    const light = JSON.stringify(makeSession({ scenarioName: 'mine', scenarioText: JSON.stringify(text), seed: 1, untilMs: 60_000, commands: [] }));
    text.population.residents = 1_000_000;
    text.population.history = '30d';
    const heavy = JSON.stringify(makeSession({ scenarioName: 'mine', scenarioText: JSON.stringify(text), seed: 1, untilMs: 60_000, commands: [] }));
    host.handle({ type: 'session-import', text: light, reason: 'import' });
    expect(loads).toEqual([{ scenario: 'mine', untilMs: 60_000, commands: 0 }]);
    host.handle({ type: 'session-import', text: heavy, reason: 'import' });
    expect(loads).toHaveLength(1);
    const ask = posted.find((m): m is Extract<ExerciseFromWorker, { type: 'session-heavy' }> => m.type === 'session-heavy')!;
    expect(ask.reason).toBe('import');
    expect(ask.estimate).toMatchObject({ heavy: true, residents: 1_000_000, historyDays: 30 });
    host.handle({ type: 'session-import', text: heavy, reason: 'restore' });
    expect(loads).toHaveLength(1);
    host.handle({ type: 'session-import', text: heavy, reason: 'import', confirmed: true });
    expect(loads).toHaveLength(2);
    current().runner.dispose();
  });
});
