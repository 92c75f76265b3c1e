/**
 * How attacker and operator commands change the world. A vendor compromise gives the attacker
 * every asset the vendor can reach by remote maintenance (ATT&CK for ICS T0822 external remote
 * services / T0862 supply chain compromise); a disable on a compromised asset is caused by that
 * compromise, so "why is the pump down?" walks back through it to the inject.
 */
import type { Actor, Command, EventId, World } from '../core';
import { describeCommand, vendorId, type EventBus } from '../core';
import { selectAssets } from './select';

export const DEFAULT_REMOTE_ACCESS_TECHNIQUE = 'T0822';

/** Commands that act on assets in general; each subsystem handles its own (`power.*`, ...). */
export type AssetCommand = Extract<Command, { type: 'vendor.compromise' | 'asset.disable' | 'asset.restore' | 'asset.secure' }>;

/** `canReach` says whether a vendor's remote access reaches an asset now (segmentation, cut VPNs); all, without a comms model. */
export function applyAssetCommand(
  world: World,
  bus: EventBus,
  command: AssetCommand,
  cause: EventId,
  canReach?: (vendor: string, assetIndex: number) => boolean,
): void {
  switch (command.type) {
    case 'vendor.compromise': {
      const reach = world.assets
        .map((a, i) => i)
        .filter((i) => {
          const a = world.assets[i]!;
          return a.vendor === command.vendor && a.remoteAccess && world.compromise[i] === null && (canReach?.(command.vendor, i) ?? true);
        });
      const technique = command.technique ?? DEFAULT_REMOTE_ACCESS_TECHNIQUE;
      const root = bus.emit('vendor.access.compromised', null, { vendor: vendorId(command.vendor), technique, assets: reach.length }, [cause]);
      // The vendor's remote-maintenance gateway falls first; everything else is reached through it.
      const gateways = reach.filter((i) => world.assets[i]!.kind === 'vendor-gateway');
      let via = root.id;
      for (const i of [...gateways, ...reach.filter((i) => !gateways.includes(i))]) {
        const ev = bus.emit('asset.compromised', world.assets[i]!.id, { vendor: vendorId(command.vendor), technique }, [via]);
        world.setCompromised(i, { vendor: vendorId(command.vendor), technique, event: ev.id, sinceMs: ev.tMs });
        if (gateways[0] === i) via = ev.id;
      }
      return;
    }
    case 'asset.disable': {
      const actor: Actor = command.actor ?? 'attacker';
      for (const i of selectAssets(world, command.targets)) {
        if (world.isDisabled(i)) continue;
        const via = world.compromise[i]?.event;
        const ev = bus.emit(
          'asset.disabled',
          world.assets[i]!.id,
          { actor, technique: command.technique ?? null, reason: command.reason ?? describeCommand(command) },
          via && actor === 'attacker' ? [cause, via] : [cause],
        );
        world.disable(i, ev.id);
      }
      return;
    }
    case 'asset.restore': {
      const actor: Actor = command.actor ?? 'operator';
      for (const i of selectAssets(world, command.targets)) {
        if (!world.isDisabled(i)) continue;
        const ev = bus.emit('asset.restored', world.assets[i]!.id, { actor, reason: command.reason ?? 'crew re-closed and checked it' }, [cause]);
        world.restore(i, ev.id);
      }
      return;
    }
    case 'asset.secure': {
      for (const i of selectAssets(world, command.targets)) {
        const c = world.compromise[i];
        if (!c) continue;
        bus.emit('asset.secured', world.assets[i]!.id, { previousTechnique: c.technique }, [cause, c.event]);
        world.setCompromised(i, null);
      }
      return;
    }
    default: {
      const never: never = command;
      throw new Error(`unhandled command ${String(never)}`);
    }
  }
}
