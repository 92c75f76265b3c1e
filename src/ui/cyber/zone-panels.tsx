/**
 * Network zones in the side panels: the legend (each zone's colour, what sits in it, how many
 * devices, and the isolated halo's pattern) and the inspector's line for a device on the network
 * — its zone, whether that zone is isolated, and which zones the firewall lets it reach now.
 * The inspector re-renders on its own schedule (useLiveVersion), so this reads the snapshot directly.
 */
import type { WorldIndex } from '../store/world-index';
import { live } from '../store/live';
import { useLiveVersion } from '../store/use-live';
import { useUi } from '../store/ui-store';
import { zoneColor, zoneLabel, zoneMembers, zoneOfAssets, zoneReach } from './zones';

import './cyber.css';

/** The isolated halo as the legend draws it: a dashed ring with diagonal hatching. */
const IsolatedGlyph = ({ color }: { color: string }) => (
  <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true" className="zone-glyph">
    <circle r="5.6" fill="none" stroke={color} strokeWidth="1.6" strokeDasharray="2.2 1.6" />
    <path d="M-3.2 3.2 L3.2 -3.2 M-4.4 0.6 L0.6 -4.4 M-0.6 4.4 L4.4 -0.6" stroke={color} strokeWidth="1" />
  </svg>
);
const ZoneGlyph = ({ color }: { color: string }) => (
  <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true" className="zone-glyph">
    <circle r="5.6" fill={color} fillOpacity="0.2" stroke={color} strokeWidth="1.8" />
  </svg>
);

export function ZonesLegend() {
  const cv = useUi((s) => s.world?.cyber ?? null);
  const version = useLiveVersion(1000);
  if (!cv) return null;
  const members = zoneMembers(cv);
  if (members.length === 0) return null;
  const iso = live.snapshot?.cyber?.zoneIsolated;
  return (
    <>
      <h3>Network zones · halo under each device</h3>
      <ul className="legend-list" data-version={version}>
        {members.map((m) => {
          const isolated = iso?.[m.zone] === 1;
          const color = zoneColor(m.id);
          return (
            <li key={m.id} data-testid={`zone-${m.id}`}>
              {isolated ? <IsolatedGlyph color={color} /> : <ZoneGlyph color={color} />}
              <span>
                {zoneLabel(m.id)}{' '}
                <span className="muted">
                  — {m.assets.length} device{m.assets.length === 1 ? '' : 's'}
                </span>
                {isolated && <strong className="zone-isolated"> · isolated</strong>}
              </span>
            </li>
          );
        })}
        <li>
          <IsolatedGlyph color="#c9d1d9" />
          <span>
            Isolated zone <span className="muted">— dashed, hatched halo: it reaches no other zone</span>
          </span>
        </li>
      </ul>
    </>
  );
}

/** The inspector's line for a device on the comms network: zone, isolation and firewall reach. */
export function ZoneAssetSection({ index, asset }: { index: WorldIndex; asset: number }) {
  const cv = index.view.cyber;
  if (!cv) return null;
  const z = zoneOfAssets(cv, index.view.assets.length)[asset] ?? -1;
  if (z < 0) return null;
  const id = cv.zones[z]!;
  const snap = live.snapshot?.cyber;
  const isolated = snap?.zoneIsolated ?? new Uint8Array(cv.zones.length);
  const segmented = snap?.policies.segmentation === true;
  const reach = zoneReach(cv, z, isolated, segmented).filter((r) => r !== id);
  return (
    <div className="zone-section" data-testid="zone-section">
      <h3>Network zone</h3>
      <p className="zone-line">
        {isolated[z] ? <IsolatedGlyph color={zoneColor(id)} /> : <ZoneGlyph color={zoneColor(id)} />} <strong>{zoneLabel(id)}</strong>{' '}
        <span className="muted">({id})</span>
        {isolated[z] === 1 && <strong className="zone-isolated"> · isolated</strong>}
      </p>
      <p className="muted small">
        {isolated[z]
          ? 'Cut off: it reaches no other zone until the isolation is lifted.'
          : reach.length === 0
            ? 'The firewall lets it reach no other zone.'
            : `${segmented ? 'Firewall rules let it reach' : 'Flat network: it reaches'} ${reach.map((r) => zoneLabel(r).split(':')[0]!.toLowerCase()).join(', ')}.`}
      </p>
    </div>
  );
}
