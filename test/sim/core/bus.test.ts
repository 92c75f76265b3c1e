import { describe, expect, it } from 'vitest';
import { EventBus, explain, assetId, type EventId } from '../../../src/sim';

describe('EventBus', () => {
  it('numbers events in emission order and delivers nested emissions after the current one', () => {
    let now = 0;
    const bus = new EventBus(() => now);
    const seen: string[] = [];
    bus.on('asset.disabled', (e) => {
      seen.push(`disabled ${e.id}`);
      bus.emit('asset.status.changed', e.source, { from: 'ok', to: 'down', reason: 'x' }, [e.id]);
      seen.push('after nested emit');
    });
    bus.on('asset.status.changed', (e) => seen.push(`changed ${e.id}`));
    bus.on('*', (e) => seen.push(`any ${e.type}`));
    now = 5000;
    const first = bus.emit('asset.disabled', assetId('a'), { actor: 'attacker', technique: null, reason: 'r' });
    expect(first.id).toBe('e1');
    expect(first.tMs).toBe(5000);
    expect(seen).toEqual(['disabled e1', 'after nested emit', 'any asset.disabled', 'changed e2', 'any asset.status.changed']);
    expect(bus.events.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('explains an event back to its roots through every cause', () => {
    const bus = new EventBus(() => 0);
    const a = bus.emit('inject.applied', null, { inject: 'i' as never, title: 't', attack: null, early: false });
    const b = bus.emit('command.applied', null, { command: 'c', actor: 'operator' });
    const c = bus.emit('asset.disabled', assetId('x'), { actor: 'attacker', technique: null, reason: 'r' }, [a.id]);
    const d = bus.emit('asset.status.changed', assetId('x'), { from: 'ok', to: 'down', reason: 'r' }, [c.id, b.id]);
    bus.emit('asset.status.changed', assetId('y'), { from: 'ok', to: 'down', reason: 'unrelated' });
    const why = explain((id: EventId) => bus.get(id), d.id);
    expect(why.chain.map((e) => e.id)).toEqual([a.id, b.id, c.id, d.id]);
    expect(why.roots.map((e) => e.id)).toEqual([a.id, b.id]);
  });
});
