/**
 * The presenter window believes only what has the shape of a message from the facilitator window
 * it follows, about the session that facilitator announced: a forged frame, a null snapshot or a
 * second facilitator tab cannot put anything on the wall screen.
 */
import { describe, expect, it } from 'vitest';
import { MirrorFollower, SILENT_MS, readMirror } from '../../../src/ui/exercise/mirror-message';

const world = { assets: 3, edges: 2 };
const snapshot = (tMs: number, assets = 3, edges = 2) => ({
  tMs,
  status: new Uint8Array(assets),
  compromised: new Uint8Array(assets),
  edgeState: new Uint8Array(edges),
  firmwareChanged: [],
  kpis: { peopleWithoutPower: 12 },
  eventCount: 0,
  power: null,
  traffic: null,
  water: { tankLevel: new Float32Array(2), n: 1 },
  cyber: null,
});
const hello = (from: string, slot = 'session:a') => ({ type: 'hello', from, slot, scenario: 'default', seed: 42, session: null });
const frame = (from: string, slot = 'session:a', extra: Record<string, unknown> = {}) => ({
  type: 'frame',
  from,
  slot,
  snapshot: snapshot(60_000),
  headline: { kind: 'inject', title: 'Aurora compromised', text: 'Breakers open', tMs: 0 },
  briefing: null,
  rehearsal: false,
  ...extra,
});

describe('presenter messages', () => {
  it("reads a facilitator's hello and frames", () => {
    expect(readMirror(hello('facilitator:1'))).toMatchObject({ type: 'hello', from: 'facilitator:1', scenario: 'default' });
    expect(readMirror(frame('facilitator:1'))).toMatchObject({ type: 'frame', headline: { title: 'Aurora compromised' } });
    expect(readMirror({ type: 'hello?' })).toEqual({ type: 'hello?' });
    // A KPI with nothing measured yet (no emergency call) is null, shown as "—": still a frame.
    expect(
      readMirror(frame('facilitator:1', 'session:a', { snapshot: { ...snapshot(0), kpis: { peopleWithoutPower: 0, emergencyResponseMedian: null } } })),
    ).toMatchObject({ type: 'frame' });
  });

  it('drops what does not have the shape of one: a null snapshot, no sender, bad numbers, odd parts', () => {
    const bad: unknown[] = [
      null,
      'frame',
      frame('facilitator:1', 'session:a', { snapshot: null }),
      { ...frame('facilitator:1'), from: undefined },
      frame('facilitator:1', 'session:a', { snapshot: { ...snapshot(0), tMs: Number.NaN } }),
      frame('facilitator:1', 'session:a', { snapshot: { ...snapshot(0), status: [0, 0, 0] } }),
      frame('facilitator:1', 'session:a', { snapshot: { ...snapshot(0), kpis: { x: 'evacuate' } } }),
      frame('facilitator:1', 'session:a', { snapshot: { ...snapshot(0), power: () => 1 } }),
      frame('facilitator:1', 'session:a', { headline: { kind: 'order', title: 'Evacuate the hospital now', text: '', tMs: 0 } }),
      frame('facilitator:1', 'session:a', { headline: { kind: 'inject', title: 'x'.repeat(301), text: '', tMs: 0 } }),
      frame('facilitator:1', 'session:a', { rehearsal: 'no' }),
      { ...hello('facilitator:1'), seed: -1 },
      { type: 'evacuate' },
    ];
    for (const b of bad) expect(readMirror(b), JSON.stringify(b)?.slice(0, 80)).toBeNull();
  });
});

describe('following one facilitator', () => {
  it('opened by a facilitator, follows that one alone: a forged frame from anyone else shows nothing', () => {
    const f = new MirrorFollower('facilitator:mine', () => 0);
    expect(f.accept(hello('facilitator:other'), world)).toBeNull();
    expect(f.accept(hello('facilitator:mine'), world)).toMatchObject({ type: 'hello' });
    expect(
      f.accept(frame('facilitator:forger', 'session:a', { headline: { kind: 'pressure', title: 'Evacuate the hospital now', text: '', tMs: 0 } }), world),
    ).toBeNull();
    expect(f.accept(frame('facilitator:mine'), world)).toMatchObject({ type: 'frame', from: 'facilitator:mine' });
    expect(f.accept(frame('facilitator:mine', 'session:a', { snapshot: null }), world)).toBeNull();
    expect(f.ignored).toBe(3);
  });

  it('opened by hand, follows the first to answer; a second facilitator tab does not take turns with it', () => {
    let now = 0;
    const f = new MirrorFollower(null, () => now);
    expect(f.accept(frame('facilitator:a'), world)).toBeNull();
    expect(f.accept(hello('facilitator:a'), world)).not.toBeNull();
    expect(f.accept(hello('facilitator:b', 'session:b'), world)).toBeNull();
    now += 1000;
    for (let i = 0; i < 5; i++) {
      expect(f.accept(frame('facilitator:a'), world)).not.toBeNull();
      expect(f.accept(frame('facilitator:b', 'session:b'), world)).toBeNull();
    }
    expect(f.leader).toBe('facilitator:a');
    // Once the one followed has gone quiet (its window closed), another may take over with a hello.
    now += SILENT_MS + 1;
    expect(f.accept(frame('facilitator:b', 'session:b'), world)).toBeNull();
    expect(f.accept(hello('facilitator:b', 'session:b'), world)).not.toBeNull();
    expect(f.accept(frame('facilitator:b', 'session:b'), world)).not.toBeNull();
    expect(f.accept(frame('facilitator:a'), world)).toBeNull();
  });

  it('shows only frames of the session announced, and of the city loaded', () => {
    const f = new MirrorFollower('facilitator:a', () => 0);
    f.accept(hello('facilitator:a', 'session:one'), world);
    expect(f.accept(frame('facilitator:a', 'session:two'), world)).toBeNull();
    expect(f.accept(frame('facilitator:a', 'session:one'), null)).toBeNull();
    expect(f.accept(frame('facilitator:a', 'session:one', { snapshot: snapshot(0, 4, 2) }), world)).toBeNull();
    expect(f.accept(frame('facilitator:a', 'session:one'), world)).not.toBeNull();
    f.accept(hello('facilitator:a', 'session:two'), world);
    expect(f.accept(frame('facilitator:a', 'session:two'), world)).not.toBeNull();
  });
});
