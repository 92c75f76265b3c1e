/**
 * The harness itself: each expectation passes on what the run did and fails on what it did not,
 * so a test written with it cannot pass by asserting nothing.
 */
import { describe, expect, it } from 'vitest';
import { injectId, MINUTE } from '../../src/sim';
import { ms, twin } from './twin';
import { asset, edge, input } from './world';

/** A substation feeding a pump (10 min of UPS) that supplies homes; an inject opens the substation at 5 min. */
const town = () =>
  input(
    [asset('sub', { kind: 'substation' }), asset('pump'), asset('homes', { population: 200 })],
    [edge('sub', 'pump', { bufferMin: 10 }), edge('pump', 'homes', { resource: 'water' })],
    [{ id: injectId('cut'), atMs: 5 * MINUTE, title: 'Cut', description: '', attack: null, commands: [{ type: 'asset.disable', targets: { ids: ['sub'] } }] }],
  );

describe('the twin harness', () => {
  it('reads durations as the scenario writes them, and refuses what is not one', () => {
    expect([ms(1500), ms('90s'), ms('1h30m'), ms('2d')]).toEqual([1500, 90_000, 5_400_000, 172_800_000]);
    expect(() => ms('soon')).toThrow(/not a duration/);
  });

  it('runs for a duration from now, or to a time from the start', () => {
    const t = twin(town()).run('2m').run('3m');
    expect(t.now).toBe(5 * MINUTE);
    expect(t.until('1h').now).toBe(60 * MINUTE);
  });

  it('passes expectations the run meets, and fails each one it does not', () => {
    const t = twin(town())
      .until('16m')
      .expectStatuses({ sub: 'down', pump: 'down', homes: 'down' })
      .expectKpi('peopleWithoutWater', 200)
      .expectKpi('peopleWithoutWater', (v) => v > 100)
      .expectKpis({ peopleWithoutWater: 200 })
      .expectCount('inject.applied', 1)
      .expectEvent('dependency.buffer.exhausted', 'pump')
      .expectNoEvent('decision.opened')
      .expectRoots('homes', ['inject.applied'])
      .expectRoot({ type: 'asset.status.changed', source: 'pump' }, 'inject.applied')
      .expectChain('homes', ['asset.disabled', 'dependency.buffer.exhausted']);
    expect(() => t.expectStatus('homes', 'ok')).toThrow();
    expect(() => t.expectStatuses({ sub: 'down', pump: 'ok' })).toThrow();
    expect(() => t.expectKpi('peopleWithoutWater', 0)).toThrow();
    expect(() => t.expectKpi('peopleWithoutWater', (v) => v < 100)).toThrow(/fails/);
    expect(() => t.expectKpi('peopleWithoutWater', () => expect(1).toBe(2))).toThrow();
    expect(() => t.expectKpi('noSuchKpi', 0)).toThrow(/no KPI "noSuchKpi"/);
    expect(() => t.expectKpis({ peopleWithoutWater: 1 })).toThrow();
    expect(() => t.expectCount('inject.applied', 2)).toThrow();
    expect(() => t.expectEvent('decision.opened')).toThrow();
    expect(() => t.expectNoEvent('inject.applied')).toThrow();
    expect(() => t.expectRoots('homes', ['command.applied'])).toThrow();
    expect(() => t.expectRoot('homes', 'command.applied')).toThrow();
    expect(() => t.expectChain('homes', ['water.pump.stopped'])).toThrow();
  });

  it('explains an asset, the first or last event of a type, or an event; and says when there is nothing to explain', () => {
    const t = twin(town()).until('20m');
    expect(t.why('homes').roots.map((e) => e.type)).toEqual(['inject.applied']);
    const changes = t.events('asset.status.changed');
    expect(changes.length).toBeGreaterThan(1);
    expect(t.first('asset.status.changed')).toBe(changes[0]);
    expect(t.last('asset.status.changed')).toBe(changes.at(-1));
    expect(t.why({ type: 'asset.status.changed', which: 'last' }).chain.at(-1)).toBe(changes.at(-1));
    expect(t.why(changes[0]!).chain.at(-1)).toBe(changes[0]);
    expect(() => t.why('decision.opened')).toThrow(/no decision.opened event/);
    expect(() => twin(town()).why('homes')).toThrow(/nothing to explain/);
  });

  it('compiles a scenario object given instead of an input', () => {
    const t = twin({ duration: '1h', assets: [{ id: 'a', kind: 'hospital', subsystem: 'civic', position: [0, 0] }] }, { seed: 7 });
    expect(t.sim.seed).toBe(7);
    t.until('10m').expectStatus('a', 'ok');
  });
});
