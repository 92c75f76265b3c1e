/** A small symbol per kind of event, so the log and chains can be scanned without reading colour. */
import type { SimEvent } from '../../sim';
import { COMPROMISED_COLOR, STATUS_COLOR, SUPPLY_COLOR } from '../palette';

function glyphOf(e: SimEvent): { sym: string; color: string; label: string } {
  switch (e.type) {
    case 'sim.started':
      return { sym: '▶', color: '#8a96ad', label: 'start' };
    case 'inject.applied':
      return { sym: '⚡', color: '#ffd166', label: 'inject' };
    case 'command.applied':
      return { sym: '⌘', color: '#8a96ad', label: 'command' };
    case 'vendor.access.compromised':
      return { sym: '⚠', color: COMPROMISED_COLOR, label: 'vendor compromised' };
    case 'asset.compromised':
      return { sym: '◎', color: COMPROMISED_COLOR, label: 'compromised' };
    case 'asset.secured':
      return { sym: '✓', color: STATUS_COLOR.ok, label: 'secured' };
    case 'asset.disabled':
      return { sym: '⊘', color: STATUS_COLOR.down, label: 'disabled' };
    case 'asset.restored':
      return { sym: '↺', color: STATUS_COLOR.ok, label: 'restored' };
    case 'asset.status.changed': {
      const to = e.data.to;
      return { sym: to === 'down' ? '✕' : to === 'degraded' ? '▲' : '●', color: STATUS_COLOR[to], label: to };
    }
    case 'dependency.supply.lost':
      return { sym: '⤳', color: e.data.bufferMs > 0 ? SUPPLY_COLOR[1] : SUPPLY_COLOR[2], label: 'supply lost' };
    case 'dependency.buffer.exhausted':
      return { sym: '◔', color: SUPPLY_COLOR[2], label: 'backup exhausted' };
    case 'dependency.supply.restored':
      return { sym: '⤳', color: STATUS_COLOR.ok, label: 'supply restored' };
    default: {
      const never: never = e;
      return never;
    }
  }
}

export function EventGlyph({ event }: { event: SimEvent }) {
  const g = glyphOf(event);
  return (
    <span className="event-glyph" style={{ color: g.color }} title={g.label} aria-hidden="true">
      {g.sym}
    </span>
  );
}
