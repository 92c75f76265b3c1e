/** The name and status of the asset under the pointer, next to the pointer (and its network zone, if on the comms network). */
import { useStore } from 'zustand';
import { STATUS_LABEL, statusName, subsystemLabel } from '../palette';
import { live } from '../store/live';
import type { WorldIndex } from '../store/world-index';
import { hoverStore } from './hover';
import { zoneLabel, zoneOfAssets } from '../cyber/zones';

export function HoverTooltip({ index }: { index: WorldIndex }) {
  const hover = useStore(hoverStore);
  if (hover.asset === null) return null;
  const a = index.view.assets[hover.asset];
  if (!a) return null;
  const status = statusName(live.snapshot?.status[hover.asset]);
  const compromised = live.snapshot?.compromised[hover.asset] === 1;
  const cv = index.view.cyber;
  const z = cv ? (zoneOfAssets(cv, index.view.assets.length)[hover.asset] ?? -1) : -1;
  const zone = cv && z >= 0 ? `${zoneLabel(cv.zones[z]!).split(':')[0]} zone${live.snapshot?.cyber?.zoneIsolated[z] ? ' (isolated)' : ''}` : null;
  return (
    <div className="hover-tip" style={{ left: hover.x + 14, top: hover.y + 12 }} role="tooltip">
      <strong>{a.name}</strong>
      <span>
        {subsystemLabel(a.subsystem)} · {STATUS_LABEL[status]}
        {compromised ? ' · compromised' : ''}
      </span>
      {zone && <span>Network: {zone}</span>}
    </div>
  );
}
