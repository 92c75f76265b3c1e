import { describe, expect, it } from 'vitest';
import { createSimulation, injectId, MINUTE, vendorId, type DecisionSpec, type InjectSpec } from '../../../src/sim';
import { asset, edge, input } from '../helpers';

const injects: InjectSpec[] = [
  {
    id: injectId('hack'),
    atMs: 10 * MINUTE,
    title: 'Substation opened',
    description: '',
    attack: 'T0855',
    commands: [{ type: 'asset.disable', targets: { ids: ['sub'] } }],
    expected: [
      { id: 'restore', description: 'Restore the substation', command: 'asset.restore', withinMs: 30 * MINUTE },
      { id: 'tell-public', description: 'Warn the public', command: null, withinMs: 60 * MINUTE },
    ],
  },
  {
    id: injectId('later'),
    atMs: 60 * MINUTE,
    title: 'Second blow',
    description: '',
    attack: null,
    commands: [{ type: 'asset.disable', targets: { ids: ['pump'] } }],
  },
];
const decisions: DecisionSpec[] = [
  {
    id: 'isolate',
    title: 'Restore now or wait for forensics?',
    prompt: '',
    atMs: null,
    afterInject: 'hack',
    afterEvent: null,
    budgetMs: 15 * MINUTE,
    options: [
      { id: 'restore', label: 'Restore now', commands: [{ type: 'asset.restore', targets: { ids: ['sub'] } }], recommended: true },
      { id: 'wait', label: 'Wait', commands: [], recommended: false },
    ],
  },
];
const world = () => ({
  ...input([asset('sub'), asset('pump'), asset('home', { population: 10 })], [edge('sub', 'home'), edge('pump', 'home', { resource: 'water' })], injects),
  decisions,
});

describe('exercise control', () => {
  it('holds a scheduled inject past its time and fires it on release', () => {
    const sim = createSimulation(world());
    sim.apply({ type: 'inject.hold', inject: 'hack' });
    sim.runUntil(20 * MINUTE);
    expect(sim.world.statusOf('sub')).toBe('ok');
    expect(sim.exercise.injects.stateOf('hack')).toBe('held');
    sim.apply({ type: 'inject.release', inject: 'hack' });
    sim.step(500);
    expect(sim.world.statusOf('sub')).toBe('down');
    const applied = sim.events.find((e) => e.type === 'inject.applied')!;
    expect(sim.explain(applied.id).chain.map((e) => e.type)).toEqual(['command.applied', 'inject.released', 'inject.applied']);
  });

  it('opens a decision on the first event of its kind, caused by it, and only once', () => {
    const onCompromise: DecisionSpec = { ...decisions[0]!, id: 'on-compromise', afterInject: null, afterEvent: 'asset.compromised' };
    const acme = vendorId('acme');
    const base = input([asset('sub'), asset('cam-1', { vendor: acme, remoteAccess: true }), asset('cam-2', { vendor: acme, remoteAccess: true })], [], []);
    const sim = createSimulation({
      ...base,
      vendors: [{ id: acme, name: 'Acme', jurisdiction: 'X', supplies: ['thing'], remoteMaintenance: true, cloudJurisdiction: null }],
      decisions: [onCompromise],
    });
    sim.runUntil(30 * MINUTE);
    expect(sim.events.some((e) => e.type === 'decision.opened')).toBe(false);
    sim.apply({ type: 'vendor.compromise', vendor: 'acme' });
    sim.runUntil(31 * MINUTE);
    const compromised = sim.events.filter((e) => e.type === 'asset.compromised');
    expect(compromised).toHaveLength(2);
    const opened = sim.events.filter((e) => e.type === 'decision.opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.causes).toEqual([compromised[0]!.id]);
  });

  it('skips an inject for good', () => {
    const sim = createSimulation(world());
    sim.apply({ type: 'inject.skip', inject: 'later' });
    sim.runUntil(90 * MINUTE);
    expect(sim.world.statusOf('pump')).toBe('ok');
    sim.apply({ type: 'inject.fire', inject: 'later' });
    sim.step(500);
    expect(sim.world.statusOf('pump')).toBe('ok');
  });

  it('opens a decision when its inject fires, applies the chosen option, and records who and why', () => {
    const sim = createSimulation(world());
    sim.runUntil(12 * MINUTE);
    expect(sim.exercise.decisions.records.get('isolate')!.state).toBe('open');
    sim.apply({ type: 'decision.take', decision: 'isolate', option: 'restore', by: 'Grid control', rationale: 'hospital on generator' });
    sim.step(500);
    expect(sim.world.statusOf('sub')).toBe('ok');
    const taken = sim.events.find((e) => e.type === 'decision.taken')!;
    expect(taken.data).toMatchObject({ by: 'Grid control', rationale: 'hospital on generator', late: false, label: 'Restore now' });
    const restored = sim.events.find((e) => e.type === 'asset.restored')!;
    expect(sim.explain(restored.id).chain.map((e) => e.type)).toContain('decision.taken');
  });

  it('lets a decision expire when its budget runs out, and marks a later one as late', () => {
    const sim = createSimulation(world());
    sim.runUntil(26 * MINUTE);
    expect(sim.exercise.decisions.records.get('isolate')!.state).toBe('expired');
    expect(sim.events.some((e) => e.type === 'decision.expired')).toBe(true);
    sim.apply({ type: 'decision.take', decision: 'isolate', option: 'wait' });
    sim.step(500);
    expect(sim.events.find((e) => e.type === 'decision.taken')!.data).toMatchObject({ late: true });
  });

  it('evaluates expected actions from the command log and from evaluator marks', () => {
    const sim = createSimulation(world());
    sim.runUntil(20 * MINUTE);
    sim.apply({ type: 'asset.restore', targets: { ids: ['sub'] } });
    sim.apply({ type: 'note.add', text: 'Press office did not speak', author: 'Evaluator A', kind: 'evaluation', expected: 'hack/tell-public', met: false });
    sim.runUntil(30 * MINUTE);
    const ev = sim.evaluate();
    expect(ev.results.map((r) => [r.inject, r.action, r.met, r.how])).toEqual([
      ['hack', 'restore', true, 'command'],
      ['hack', 'tell-public', false, 'evaluator'],
    ]);
    expect(ev.results[0]!.afterS).toBe(600);
    expect(ev.score).toBe(0.5);
  });

  it('adds pressure injects and notes to the log as events', () => {
    const sim = createSimulation(world());
    sim.apply({ type: 'inject.pressure', title: 'A journalist calls', text: 'Is the hospital safe?' });
    sim.apply({ type: 'note.add', text: 'Team lead asks for the water numbers' });
    sim.step(500);
    expect(sim.events.filter((e) => e.type === 'inject.pressure' || e.type === 'note.added').map((e) => e.type)).toEqual(['inject.pressure', 'note.added']);
  });
});
