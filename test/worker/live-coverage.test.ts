/**
 * Live camera coverage in the worker: sent once for a new run, again only when the set of working
 * cameras changes, never more often than the throttle allows (a change inside the interval is
 * sent when it ends, without waiting for another frame), and the figures drop as cameras go dark.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, SECOND, type SimInput } from '../../src/sim';
import { CoverageTracker, seeingMask, type LiveCoverage } from '../../src/worker/live-coverage';
import { smallNetwork } from '../support/network';
import { FakeHost } from './fake-host';

/** The small network's five cameras look east along z = 100; give them a street to watch. */
function withStreet(): SimInput {
  const fx = smallNetwork();
  return { ...fx, city: { ...fx.city, roads: [{ id: 'high-st', a: [0, 100], b: [600, 100], lanes: 2, cls: 'street' }] } };
}

function setup(minIntervalMs = 2000) {
  const sim = createSimulation(withStreet());
  const host = new FakeHost();
  const sent: LiveCoverage[] = [];
  const tracker = new CoverageTracker(
    sim.cyber!.cctv,
    host,
    (c) => sent.push(c),
    () => sim.nowMs,
    minIntervalMs,
  );
  return { sim, host, sent, tracker };
}

const cells = (c: LiveCoverage) => c.seen.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);

describe('live camera coverage', () => {
  it('counts working and botnet cameras as seeing, dark and looped ones not', () => {
    expect([...seeingMask(Uint8Array.from([0, 1, 2, 3, 4]))]).toEqual([1, 0, 0, 0, 1]);
  });

  it('sends the load-time coverage once, then nothing while no camera changes', () => {
    const { sim, sent, tracker } = setup();
    tracker.poll();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.camerasSeeing).toBe(5);
    expect(sent[0]!.streetCoveragePct).toBe(sent[0]!.atLoadStreetCoveragePct);
    expect(sent[0]!.streetCoveragePct).toBeGreaterThan(0);
    sim.runUntil(5 * SECOND);
    tracker.poll();
    tracker.poll();
    expect(sent).toHaveLength(1);
  });

  it('drops the dark cameras’ fans and the street figure when cameras lose power', () => {
    const { sim, host, sent, tracker } = setup();
    tracker.poll();
    const before = sent[0]!;
    sim.apply({ type: 'asset.disable', targets: { ids: ['cam-1', 'cam-2'] }, actor: 'operator', reason: 'test' });
    sim.runUntil(3 * SECOND);
    host.advance(2500);
    tracker.poll();
    expect(sent).toHaveLength(2);
    const after = sent[1]!;
    expect(after.camerasSeeing).toBe(3);
    expect(after.streetCoveragePct).toBeLessThan(before.streetCoveragePct);
    expect(after.atLoadStreetCoveragePct).toBe(before.streetCoveragePct);
    expect(cells(after)).toBeLessThan(cells(before));
    expect(after.tMs).toBe(sim.nowMs);
    // Every cell still seen is seen no more than before: nothing is gained by losing cameras.
    for (let i = 0; i < after.seen.length; i++) expect(after.seen[i]!).toBeLessThanOrEqual(before.seen[i]!);
  });

  it('holds a change inside the throttle interval and sends it when the interval ends', () => {
    const { sim, host, sent, tracker } = setup(2000);
    tracker.poll();
    sim.apply({ type: 'asset.disable', targets: { ids: ['sw'] }, actor: 'operator', reason: 'cabinet flooded' });
    sim.runUntil(3 * SECOND);
    host.advance(500);
    tracker.poll();
    tracker.poll();
    expect(sent).toHaveLength(1);
    // No further frame arrives (a paused run): the retry still sends it.
    host.advance(1600);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.camerasSeeing).toBe(0);
    expect(sent[1]!.streetCoveragePct).toBe(0);
    expect(cells(sent[1]!)).toBe(0);
  });

  it('stops sending once disposed (its run was replaced)', () => {
    const { sim, host, sent, tracker } = setup();
    tracker.poll();
    sim.apply({ type: 'asset.disable', targets: { ids: ['cam-1'] }, actor: 'operator', reason: 'test' });
    sim.runUntil(3 * SECOND);
    tracker.poll();
    tracker.dispose();
    host.advance(5000);
    expect(sent).toHaveLength(1);
  });
});
