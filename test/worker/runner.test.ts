import { describe, expect, it, vi } from 'vitest';
import { createSimulation, injectId, MINUTE, type InjectSpec } from '../../src/sim';
import { SimRunner, SLICE_BUDGET_MS } from '../../src/worker/runner';
import { asset, edge, input } from '../support/world';
import { FakeHost } from './fake-host';

const cut: InjectSpec = {
  id: injectId('cut'),
  atMs: null,
  title: 'Grid cut',
  description: '',
  attack: null,
  commands: [{ type: 'asset.disable', targets: { ids: ['grid'] } }],
};

function setup(durationMs = 0, speed = 60) {
  const sim = createSimulation(
    input([asset('grid'), asset('sub'), asset('hospital', { population: 500 })], [edge('grid', 'sub'), edge('sub', 'hospital', { bufferMin: 30 })], [cut]),
  );
  const host = new FakeHost();
  const runner = new SimRunner(sim, host, durationMs, speed);
  return { sim, host, runner };
}

describe('SimRunner', () => {
  it('keeps simulated time in step with the wall clock at the chosen speed', () => {
    const { sim, host, runner } = setup(0, 60);
    runner.play();
    host.advance(10_000);
    // 10 wall seconds at 60x is 10 simulated minutes, give or take a slice.
    expect(sim.nowMs).toBeGreaterThan(9.5 * MINUTE);
    expect(sim.nowMs).toBeLessThanOrEqual(10 * MINUTE);
    const frames = host.frames();
    expect(frames.length).toBeGreaterThan(100);
    expect(frames.length).toBeLessThan(300);
    expect(frames.at(-1)!.playing).toBe(true);
    expect(frames.at(-1)!.achievedSpeed / 1000).toBeGreaterThan(50);
  });

  it('sends each event once, in order, across frames, and snapshot arrays as transferables', () => {
    const { sim, host, runner } = setup();
    runner.command({ type: 'inject.fire', inject: 'cut' });
    runner.play();
    host.advance(60_000);
    const sent = host.frames().flatMap((f) => f.events.map((e) => e.id));
    expect(sent).toEqual(sim.events.map((e) => e.id));
    const last = host.posted.at(-1)!;
    expect(last.transfer).toHaveLength(3);
    expect(host.frames().at(-1)!.snapshot.status[2]).toBe(2); // the hospital ran out of backup
  });

  it('applies a command at once while paused, by taking one tick', () => {
    const { sim, host, runner } = setup();
    runner.command({ type: 'inject.fire', inject: 'cut' });
    host.advance(100);
    expect(sim.events.some((e) => e.type === 'inject.applied')).toBe(true);
    const frame = host.frames().at(-1)!;
    expect(frame.playing).toBe(false);
    expect(frame.snapshot.status[0]).toBe(2);
    expect(frame.snapshot.tMs).toBe(500);
  });

  it('stops each slice after its wall budget so requests are answered between slices', () => {
    const { sim, host, runner } = setup(0, 86_400);
    host.costPerNow = 2; // every clock read costs 2 ms: steps look slow
    runner.play();
    host.advance(SLICE_BUDGET_MS * 3);
    const advanced = sim.nowMs;
    expect(advanced).toBeGreaterThan(0);
    expect(advanced).toBeLessThan(86_400 * SLICE_BUDGET_MS * 3);
  });

  it('yields after each wall budget: no slice runs more than a few chunks however far behind it is', () => {
    const { sim, host, runner } = setup(0, 86_400);
    host.costPerNow = 2; // every clock read costs 2 ms: each step looks slow
    const perSlice: number[] = [];
    const later = host.later.bind(host);
    host.later = (fn, ms) =>
      later(() => {
        const before = sim.nowMs;
        fn();
        perSlice.push(sim.nowMs - before);
      }, ms);
    runner.play();
    host.advance(2_000);
    expect(perSlice.length).toBeGreaterThan(20);
    // About SLICE_BUDGET_MS / 2 ms of steps of at most 30 s each; without the budget a slice would
    // pay the whole debt (up to 200 ms of wall time at ×86,400: hours of simulated time).
    expect(Math.max(...perSlice)).toBeLessThanOrEqual((SLICE_BUDGET_MS / 2 + 2) * 30_000);
    expect(sim.nowMs).toBeGreaterThan(0);
  });

  it('skips ahead by exactly the asked time and then rests', () => {
    const { sim, host, runner } = setup();
    runner.skip(2 * MINUTE);
    host.advance(1_000);
    expect(sim.nowMs).toBe(2 * MINUTE);
    expect(host.frames().at(-1)!.snapshot.tMs).toBe(2 * MINUTE);
  });

  it('pauses once at the end of the scenario, and carries on if played again', () => {
    const { sim, host, runner } = setup(5 * MINUTE, 3600);
    runner.play();
    host.advance(5_000);
    expect(runner.isPlaying).toBe(false);
    expect(sim.nowMs).toBeGreaterThanOrEqual(5 * MINUTE);
    expect(host.frames().at(-1)!.playing).toBe(false);
    runner.play();
    host.advance(1_000);
    expect(sim.nowMs).toBeGreaterThan(10 * MINUTE);
  });

  it('resends the last KPI point of each series so in-place updates reach the page', () => {
    const { host, runner } = setup();
    runner.flush();
    runner.command({ type: 'inject.fire', inject: 'cut' });
    host.advance(100);
    const frames = host.frames();
    const last = frames.at(-1)!.kpiPoints.peopleWithoutPower!;
    expect(last.length).toBeGreaterThanOrEqual(1);
    expect(frames[0]!.kpiPoints.peopleWithoutPower![0]![0]).toBe(0);
  });

  it('dispose cancels its scheduled slice, disposes the simulation once, and nothing after it steps or posts', () => {
    const { sim, host, runner } = setup();
    const simDispose = vi.spyOn(sim, 'dispose');
    runner.play();
    host.advance(1_000);
    expect(host.pending).toBe(1); // the next slice
    const frames = host.frames().length;
    const t = sim.nowMs;
    expect(t).toBeGreaterThan(0);

    runner.dispose();
    expect(host.pending).toBe(0);
    expect(simDispose).toHaveBeenCalledTimes(1);
    expect(runner.isPlaying).toBe(false);

    runner.play();
    runner.skip(MINUTE);
    runner.command({ type: 'inject.fire', inject: 'cut' });
    runner.flush();
    host.advance(10_000);
    expect(sim.nowMs).toBe(t);
    expect(sim.commandLog).toHaveLength(0);
    expect(host.frames()).toHaveLength(frames);
    expect(host.pending).toBe(0);
    runner.dispose();
    expect(simDispose).toHaveBeenCalledTimes(1);
  });

  it('dispose(true) leaves the simulation to a new runner that carries on over it', () => {
    const { sim, host, runner } = setup();
    const simDispose = vi.spyOn(sim, 'dispose');
    runner.skip(MINUTE);
    host.advance(1_000);
    runner.dispose(true);
    expect(simDispose).not.toHaveBeenCalled();
    const next = new SimRunner(sim, host, 0, 60);
    next.skip(MINUTE);
    host.advance(1_000);
    expect(sim.nowMs).toBe(2 * MINUTE);
    next.dispose();
    expect(simDispose).toHaveBeenCalledTimes(1);
  });
});
