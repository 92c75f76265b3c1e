/**
 * The World on its own (no subsystems): buffers that count down, recharge and carry over between
 * outages, the backup phase (UPS, then generator), redundant groups, holds, and the reasons written
 * into status changes. Built on a bare Engine so the clock and timers are the real ones.
 */
import { describe, expect, it } from 'vitest';
import { Engine, MINUTE, World, type AssetStatus, type BackupSpec, type SimEvent } from '../../../src/sim/core';
import { asset, edge, worldRig } from '../../support/world';

function rig(assets: string[], edges: ReturnType<typeof edge>[]) {
  const r = worldRig(assets, edges);
  const at = (min: number) => r.engine.runUntil(min * MINUTE);
  const events = (type: SimEvent['type'], source?: string) =>
    r.engine.bus.events.filter((e) => e.type === type && (source === undefined || e.source === source));
  const statusOf = (id: string): AssetStatus => r.world.statusOf(id);
  return { ...r, at, events, statusOf };
}

const withBackup = (e: ReturnType<typeof edge>, backup: BackupSpec) => ({ ...e, backup });

describe('World buffers', () => {
  it('counts a buffer down while on backup, and shows none left once it is lost', () => {
    const r = rig(['sub', 'pump'], [edge('sub', 'pump', { bufferMin: 20 })]);
    expect(r.world.bufferRemaining(0)).toBe(20 * MINUTE);
    r.world.disable(r.i('sub'), r.cause());
    expect(r.world.edgeState[0]).toBe(1);
    r.at(5);
    expect(r.world.bufferRemaining(0)).toBe(15 * MINUTE);
    r.at(20);
    expect(r.world.edgeState[0]).toBe(2);
    expect(r.world.bufferRemaining(0)).toBe(0);
    r.at(30);
    expect(r.world.bufferRemaining(0)).toBe(0);
  });

  it('recharges a part-spent buffer at a quarter of real time once supply returns, up to full', () => {
    const r = rig(['sub', 'pump'], [edge('sub', 'pump', { bufferMin: 20 })]);
    r.world.disable(r.i('sub'), r.cause());
    r.at(8);
    r.world.restore(r.i('sub'), r.cause());
    expect(r.world.edgeState[0]).toBe(0);
    expect(r.world.bufferRemaining(0)).toBe(12 * MINUTE);
    r.at(12);
    expect(r.world.bufferRemaining(0)).toBe(13 * MINUTE);
    r.at(200);
    expect(r.world.bufferRemaining(0)).toBe(20 * MINUTE);
  });

  it('starts a second outage from what the first one left (plus its recharge), not from a full buffer', () => {
    const r = rig(['sub', 'pump'], [edge('sub', 'pump', { bufferMin: 20 })]);
    r.world.disable(r.i('sub'), r.cause());
    r.at(8);
    r.world.restore(r.i('sub'), r.cause());
    r.at(12);
    r.world.disable(r.i('sub'), r.cause());
    const lost = r.events('dependency.supply.lost', 'pump');
    expect(lost.map((e) => (e.type === 'dependency.supply.lost' ? e.data.bufferMs : -1))).toEqual([20 * MINUTE, 13 * MINUTE]);
    r.at(25);
    expect(r.statusOf('pump')).toBe('down');
    const down = r.events('asset.status.changed', 'pump').filter((e) => e.type === 'asset.status.changed' && e.data.to === 'down');
    expect(down.map((e) => e.tMs)).toEqual([25 * MINUTE]);
  });

  it('goes down at once, without a timer, when a supply with no buffer is lost', () => {
    const r = rig(['sub', 'lamp'], [edge('sub', 'lamp')]);
    r.world.disable(r.i('sub'), r.cause());
    expect(r.statusOf('lamp')).toBe('down');
    expect(r.world.edgeState[0]).toBe(2);
    expect(r.engine.scheduler.size).toBe(0);
    expect(r.events('dependency.buffer.exhausted')).toEqual([]);
  });

  it('cancels the buffer timer when supply returns, and exhausts it with a cause chain when it does not', () => {
    const r = rig(['sub', 'pump'], [edge('sub', 'pump', { bufferMin: 10 })]);
    r.world.disable(r.i('sub'), r.cause());
    expect(r.engine.scheduler.size).toBe(1);
    r.at(4);
    r.world.restore(r.i('sub'), r.cause());
    expect(r.engine.scheduler.size).toBe(0);
    r.at(60);
    expect(r.statusOf('pump')).toBe('ok');
    r.world.disable(r.i('sub'), r.cause());
    r.at(200);
    const [ex] = r.events('dependency.buffer.exhausted', 'pump');
    const [, secondLoss] = r.events('dependency.supply.lost', 'pump');
    expect(ex?.causes).toEqual([secondLoss?.id]);
    expect(r.world.statusEvent[r.i('pump')]).toBe(r.events('asset.status.changed', 'pump').at(-1)?.id);
  });

  it('treats a supplier that is only degraded as still supplying, and one back from down to degraded as supplying again', () => {
    const r = rig(['sub', 'pump'], [edge('sub', 'pump', { bufferMin: 10 })]);
    const c = r.cause();
    r.world.hold(r.i('sub'), 'wobble', c, 'degraded', 'wobbling');
    expect(r.statusOf('sub')).toBe('degraded');
    expect(r.world.edgeState[0]).toBe(0);
    r.world.hold(r.i('sub'), 'broken', c, 'down', 'broken');
    expect(r.world.edgeState[0]).toBe(1);
    r.world.release(r.i('sub'), 'broken', c, 'mended');
    expect(r.statusOf('sub')).toBe('degraded');
    expect(r.world.edgeState[0]).toBe(0);
    expect(r.statusOf('pump')).toBe('ok');
  });
});

describe('World backup phase', () => {
  const backup = { upsMs: 10 * MINUTE, generatorStartMs: 2 * MINUTE, fuelMs: 60 * MINUTE };

  it('is the UPS until the generator has started, then the generator; null while supplied or without backup', () => {
    const r = rig(['sub', 'hq', 'shed'], [withBackup(edge('sub', 'hq', { bufferMin: 70 }), backup), edge('sub', 'shed', { bufferMin: 30 })]);
    expect(r.world.backupPhase(0)).toBeNull();
    r.world.disable(r.i('sub'), r.cause());
    r.at(1);
    expect(r.world.backupPhase(0)).toBe('ups');
    r.at(2);
    expect(r.world.backupPhase(0)).toBe('generator');
    r.at(50);
    expect(r.world.backupPhase(0)).toBe('generator');
    expect(r.world.backupPhase(1)).toBeNull();
    r.at(70);
    expect(r.world.edgeState[0]).toBe(2);
    expect(r.world.backupPhase(0)).toBeNull();
  });

  it('stays on the UPS when there is no generator (no start time or no fuel)', () => {
    const r = rig(
      ['sub', 'a', 'b'],
      [
        withBackup(edge('sub', 'a', { bufferMin: 10 }), { upsMs: 10 * MINUTE, generatorStartMs: null, fuelMs: null }),
        withBackup(edge('sub', 'b', { bufferMin: 10 }), { upsMs: 10 * MINUTE, generatorStartMs: 2 * MINUTE, fuelMs: null }),
      ],
    );
    r.world.disable(r.i('sub'), r.cause());
    r.at(9);
    expect([r.world.backupPhase(0), r.world.backupPhase(1)]).toEqual(['ups', 'ups']);
  });

  it('counts UPS time spent in an earlier outage: a UPS already drained hands over to the generator at once', () => {
    const r = rig(['sub', 'hq'], [withBackup(edge('sub', 'hq', { bufferMin: 70 }), backup)]);
    r.world.disable(r.i('sub'), r.cause());
    r.at(30);
    r.world.restore(r.i('sub'), r.cause());
    r.world.disable(r.i('sub'), r.cause());
    r.at(31);
    // 1 min into this outage (before the generator's 2 min start) but 31 min spent in all: generator.
    expect(r.world.backupPhase(0)).toBe('generator');
    expect(r.world.bufferRemaining(0)).toBe(39 * MINUTE);
  });

  it('uses the UPS again in a later outage when the first one spent little of it', () => {
    const r = rig(['sub', 'hq'], [withBackup(edge('sub', 'hq', { bufferMin: 70 }), backup)]);
    r.world.disable(r.i('sub'), r.cause());
    r.at(1);
    r.world.restore(r.i('sub'), r.cause());
    r.world.disable(r.i('sub'), r.cause());
    r.at(2);
    expect(r.world.backupPhase(0)).toBe('ups');
  });
});

describe('World groups, holds and lookups', () => {
  it('loses a resource only when every edge of a redundant group is lost, and ignores other resources', () => {
    const r = rig(
      ['feedA', 'feedB', 'radio', 'site'],
      [edge('feedA', 'site', { group: 'mains' }), edge('feedB', 'site', { group: 'mains' }), edge('radio', 'site', { resource: 'comms', effect: 'degraded' })],
    );
    const site = r.i('site');
    r.world.disable(r.i('feedA'), r.cause());
    expect(r.world.hasLost(site, 'power')).toBe(false);
    expect(r.statusOf('site')).toBe('ok');
    r.world.disable(r.i('radio'), r.cause());
    expect(r.world.hasLost(site, 'comms')).toBe(true);
    expect(r.world.hasLost(site, 'power')).toBe(false);
    // A lost edge whose effect is "degraded" degrades, it does not take the site down.
    expect(r.statusOf('site')).toBe('degraded');
    r.world.disable(r.i('feedB'), r.cause());
    expect(r.world.hasLost(site, 'power')).toBe(true);
    expect(r.statusOf('site')).toBe('down');
    expect(r.world.hasLost(site, 'water')).toBe(false);
  });

  it('takes a group at its best edge: one edge on buffer and one lost is degraded, not down', () => {
    const r = rig(['feedA', 'feedB', 'site'], [edge('feedA', 'site', { group: 'g' }), edge('feedB', 'site', { group: 'g', bufferMin: 30 })]);
    r.world.disable(r.i('feedA'), r.cause());
    r.world.disable(r.i('feedB'), r.cause());
    expect(r.statusOf('site')).toBe('degraded');
    r.at(30);
    expect(r.statusOf('site')).toBe('down');
  });

  it('stacks holds: the worst one wins, and the asset recovers only when all are released', () => {
    const r = rig(['x'], []);
    const x = r.i('x');
    const c = r.cause();
    r.world.hold(x, 'comms', c, 'degraded', 'no comms');
    expect(r.statusOf('x')).toBe('degraded');
    r.world.hold(x, 'power', c, 'down', 'no power');
    expect(r.statusOf('x')).toBe('down');
    expect(r.world.isHeld(x, 'power')).toBe(true);
    r.world.release(x, 'power', c, 'power back');
    expect(r.statusOf('x')).toBe('degraded');
    expect(r.world.isHeld(x, 'power')).toBe(false);
    r.world.release(x, 'comms', c, 'comms back');
    expect(r.statusOf('x')).toBe('ok');
    expect(
      r.events('asset.status.changed', 'x').map((e) => (e.type === 'asset.status.changed' ? `${e.data.from}>${e.data.to}: ${e.data.reason}` : '')),
    ).toEqual(['ok>degraded: no comms', 'degraded>down: no power', 'down>degraded: power back', 'degraded>ok: comms back']);
  });

  it('emits nothing for a repeated hold or a release of a hold that is not there, but does for a hold that changes effect', () => {
    const r = rig(['x'], []);
    const x = r.i('x');
    const c = r.cause();
    r.world.hold(x, 'r', c, 'degraded', 'first');
    r.world.hold(x, 'r', c, 'degraded', 'again');
    r.world.release(x, 'other', c, 'nothing held');
    expect(r.events('asset.status.changed', 'x')).toHaveLength(1);
    r.world.hold(x, 'r', c, 'down', 'worse');
    expect(r.statusOf('x')).toBe('down');
    expect(r.events('asset.status.changed', 'x')).toHaveLength(2);
  });

  it('marks disable as a hold of its own, and restore releases only that one', () => {
    const r = rig(['x'], []);
    const x = r.i('x');
    const c = r.cause();
    expect(r.world.isDisabled(x)).toBe(false);
    r.world.disable(x, c);
    expect(r.world.isDisabled(x)).toBe(true);
    r.world.hold(x, 'power', c, 'down', 'no power');
    r.world.restore(x, c);
    expect(r.world.isDisabled(x)).toBe(false);
    expect(r.statusOf('x')).toBe('down');
    const reasons = r.events('asset.status.changed', 'x').map((e) => (e.type === 'asset.status.changed' ? e.data.reason : ''));
    expect(reasons).toEqual(['taken out of service']);
  });

  it('writes why into each status change: the supply lost and the backup time, exhaustion, restoration', () => {
    const r = rig(['sub', 'pump', 'lamp'], [edge('sub', 'pump', { bufferMin: 20 }), edge('sub', 'lamp', { resource: 'power' })]);
    r.world.disable(r.i('sub'), r.cause());
    r.at(25);
    r.world.restore(r.i('sub'), r.cause());
    const reasons = (id: string) => r.events('asset.status.changed', id).map((e) => (e.type === 'asset.status.changed' ? e.data.reason : ''));
    expect(reasons('sub')).toEqual(['taken out of service', 'returned to service']);
    expect(reasons('pump')).toEqual(['lost power from sub; on backup for 20 min', 'backup for power exhausted', 'power restored from sub']);
    expect(reasons('lamp')).toEqual(['lost power from sub', 'power restored from sub']);
    const restored = r.events('dependency.supply.restored', 'pump')[0];
    expect(restored?.type === 'dependency.supply.restored' && restored.data).toEqual({ edge: 'pump<-sub', supplier: 'sub', resource: 'power' });
    const exhausted = r.events('dependency.buffer.exhausted', 'pump')[0];
    expect(exhausted?.type === 'dependency.buffer.exhausted' && exhausted.data).toEqual({ edge: 'pump<-sub', supplier: 'sub', resource: 'power' });
    expect(exhausted?.tMs).toBe(20 * MINUTE);
  });

  it('looks assets up by id, and says which id is unknown', () => {
    const r = rig(['sub', 'pump', 'tap'], [edge('sub', 'pump'), edge('pump', 'tap', { resource: 'water' })]);
    expect(r.world.has('pump')).toBe(true);
    expect(r.world.has('nope')).toBe(false);
    expect(r.world.get('tap').id).toBe('tap');
    expect(() => r.world.indexOf('nope')).toThrow('unknown asset nope');
    expect(r.world.suppliersOf('pump').map((e) => e.from)).toEqual(['sub']);
    expect(r.world.dependentsOf('pump').map((e) => e.to)).toEqual(['tap']);
    expect(r.world.suppliersOf('sub')).toEqual([]);
  });

  it('swaps kit and firmware on its own copy of the assets, remembering which changed', () => {
    const assets = [asset('cam', { vendor: 'v1' as never, remoteAccess: true, firmware: 'V1 1.0' })];
    const engine = new Engine(1, 1000);
    const world = new World(assets, [], engine.bus, engine.scheduler, () => engine.nowMs);
    world.resupply(0, 'v2' as never, false);
    expect(world.get('cam')).toMatchObject({ vendor: 'v2', remoteAccess: false, firmware: null });
    world.setFirmware(0, 'V2 3.1');
    expect(world.get('cam').firmware).toBe('V2 3.1');
    expect(world.get('cam').vendor).toBe('v2');
    expect([...world.firmwareChanged]).toEqual([0]);
    expect(assets[0]).toMatchObject({ vendor: 'v1', remoteAccess: true, firmware: 'V1 1.0' });
  });

  it('records a compromise per asset', () => {
    const r = rig(['a', 'b'], []);
    const ev = r.cause();
    r.world.setCompromised(1, { vendor: null, technique: 'T0812', event: ev, sinceMs: 0 });
    expect(r.world.compromise).toEqual([null, { vendor: null, technique: 'T0812', event: ev, sinceMs: 0 }]);
    r.world.setCompromised(1, null);
    expect(r.world.compromise[1]).toBeNull();
  });
});
