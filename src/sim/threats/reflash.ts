/**
 * Reflashing firmware with a verified image, crew by crew: each site takes RESPONSE_MS.reflash and
 * the crews work in parallel, so units come back clean one after another (in id order), each the
 * moment its crew is done — the attacker, its flood and any hijacked view end there, and the unit
 * is marked verified so no firmware backdoor triggers on it again.
 */
import type { EventBus, EventId, Scheduler, SimMs, World } from '../core';
import type { CctvSubsystem } from '../cctv';
import { RESPONSE_MS } from './catalogue';

export function reflashCrewByCrew(
  world: World,
  bus: EventBus,
  scheduler: Scheduler,
  t0: SimMs,
  cctv: CctvSubsystem,
  targets: readonly number[],
  cause: EventId,
  hooks: { readonly verified: Set<number>; stopFlood(assetIndex: number, cause: EventId): void },
): void {
  const picked = [...targets].sort((a, b) => (world.assets[a]!.id < world.assets[b]!.id ? -1 : 1));
  const crews = RESPONSE_MS.reflashCrews;
  const rounds = Math.max(1, Math.ceil(picked.length / crews));
  const durationS = (rounds * RESPONSE_MS.reflash) / 1000;
  const start = bus.emit('threat.response', null, { action: 'reflash-firmware', done: false, durationS, assets: picked.length }, [cause]);
  picked.forEach((i, n) => {
    scheduler.at(t0 + (Math.floor(n / crews) + 1) * RESPONSE_MS.reflash, () => {
      const a = world.assets[i]!;
      hooks.stopFlood(i, start.id);
      const k = cctv.cameraIndex(a.id);
      if (k >= 0) cctv.setHijacked(k, false, start.id);
      hooks.verified.add(i);
      if (!(a.firmware ?? '').endsWith('(verified image)')) world.setFirmware(i, `${a.firmware ?? 'firmware'} (verified image)`);
      const c = world.compromise[i];
      if (!c) return;
      bus.emit('asset.secured', a.id, { previousTechnique: c.technique }, [start.id, c.event]);
      world.setCompromised(i, null);
    });
  });
  scheduler.at(
    t0 + rounds * RESPONSE_MS.reflash,
    () => void bus.emit('threat.response', null, { action: 'reflash-firmware', done: true, durationS, assets: picked.length }, [start.id]),
  );
}
