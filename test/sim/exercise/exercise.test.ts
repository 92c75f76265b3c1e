import { describe, expect, it } from 'vitest';
import { injectId, MINUTE, vendorId, type DecisionSpec, type InjectSpec } from '../../../src/sim';
import { twin } from '../../support/twin';
import { asset, edge, input } from '../../support/world';

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
    const t = twin(world()).apply({ type: 'inject.hold', inject: 'hack' }).until('20m').expectStatus('sub', 'ok');
    expect(t.sim.exercise.injects.stateOf('hack')).toBe('held');
    t.apply({ type: 'inject.release', inject: 'hack' }).step(500).expectStatus('sub', 'down');
    expect(t.why('inject.applied').chain.map((e) => e.type)).toEqual(['command.applied', 'inject.released', 'inject.applied']);
  });

  it('opens a decision on the first event of its kind, caused by it, and only once', () => {
    const onCompromise: DecisionSpec = { ...decisions[0]!, id: 'on-compromise', afterInject: null, afterEvent: 'asset.compromised' };
    const acme = vendorId('acme');
    const base = input([asset('sub'), asset('cam-1', { vendor: acme, remoteAccess: true }), asset('cam-2', { vendor: acme, remoteAccess: true })], [], []);
    const t = twin({
      ...base,
      vendors: [{ id: acme, name: 'Acme', jurisdiction: 'X', supplies: ['thing'], remoteMaintenance: true, cloudJurisdiction: null }],
      decisions: [onCompromise],
    })
      .until('30m')
      .expectNoEvent('decision.opened')
      .apply({ type: 'vendor.compromise', vendor: 'acme' })
      .until('31m')
      .expectCount('asset.compromised', 2)
      .expectCount('decision.opened', 1);
    expect(t.first('decision.opened')!.causes).toEqual([t.first('asset.compromised')!.id]);
  });

  it('skips an inject for good', () => {
    twin(world())
      .apply({ type: 'inject.skip', inject: 'later' })
      .until('90m')
      .expectStatus('pump', 'ok')
      .apply({ type: 'inject.fire', inject: 'later' })
      .step(500)
      .expectStatus('pump', 'ok');
  });

  it('opens a decision when its inject fires, applies the chosen option, and records who and why', () => {
    const t = twin(world()).until('12m');
    expect(t.sim.exercise.decisions.records.get('isolate')!.state).toBe('open');
    t.apply({ type: 'decision.take', decision: 'isolate', option: 'restore', by: 'Grid control', rationale: 'hospital on generator' })
      .step(500)
      .expectStatus('sub', 'ok')
      .expectChain('asset.restored', ['decision.taken']);
    expect(t.first('decision.taken')!.data).toMatchObject({ by: 'Grid control', rationale: 'hospital on generator', late: false, label: 'Restore now' });
  });

  it('lets a decision expire when its budget runs out, and marks a later one as late', () => {
    const t = twin(world()).until('26m').expectEvent('decision.expired');
    expect(t.sim.exercise.decisions.records.get('isolate')!.state).toBe('expired');
    t.apply({ type: 'decision.take', decision: 'isolate', option: 'wait' }).step(500);
    expect(t.first('decision.taken')!.data).toMatchObject({ late: true });
  });

  it('evaluates expected actions from the command log and from evaluator marks', () => {
    const t = twin(world())
      .until('20m')
      .apply(
        { type: 'asset.restore', targets: { ids: ['sub'] } },
        { type: 'note.add', text: 'Press office did not speak', author: 'Evaluator A', kind: 'evaluation', expected: 'hack/tell-public', met: false },
      )
      .until('30m');
    const ev = t.sim.evaluate();
    expect(ev.results.map((r) => [r.inject, r.action, r.met, r.how])).toEqual([
      ['hack', 'restore', true, 'command'],
      ['hack', 'tell-public', false, 'evaluator'],
    ]);
    expect(ev.results[0]!.afterS).toBe(600);
    expect(ev.score).toBe(0.5);
  });

  it('adds pressure injects and notes to the log as events', () => {
    const t = twin(world())
      .apply(
        { type: 'inject.pressure', title: 'A journalist calls', text: 'Is the hospital safe?' },
        { type: 'note.add', text: 'Team lead asks for the water numbers' },
      )
      .step(500);
    expect(t.sim.events.filter((e) => e.type === 'inject.pressure' || e.type === 'note.added').map((e) => e.type)).toEqual(['inject.pressure', 'note.added']);
  });
});
