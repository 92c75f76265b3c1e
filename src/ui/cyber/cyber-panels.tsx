/**
 * The cyber layers' parts of the side panels: the legend (links by utilisation, exfiltration,
 * camera states, jurisdictions) and the vendor panel — who supplies what, what each vendor's VPN
 * reaches, what its cloud holds and where, i.e. the exposure if that vendor is compromised or
 * compelled — a short live line of records taken, and the policy switches (policies.tsx). Plain
 * React, no three.js.
 */
import { useEffect, useState } from 'react';
import { formatClock } from '../../sim';
import type { CyberView } from '../../worker/cyber-view';
import { live } from '../store/live';
import type { WorldIndex } from '../store/world-index';
import { useUi } from '../store/ui-store';
import { kindCount, kindPlural } from '../panels/format';
import { useCoverage } from './coverage-store';
import { BanControl, suppliedNow, useSupplyNow } from './vendor-ban';
import {
  ATTACK_PATH_COLOR,
  BLIND_SINCE_COLOR,
  BLIND_START_COLOR,
  CAMERA_STATE_STYLE,
  COVERAGE_COLOR,
  COVERAGE_LOST_COLOR,
  DOWN_LINK_COLOR,
  EXFIL_COLOR,
  UTIL_BANDS,
  jurisdictionColor,
} from './cyber-style';
import { cloudJurisdictions } from './link-colors';
import { PolicyControls } from './policies';

import './cyber.css';

const Swatch = ({ color, label, cue }: { color: string; label: string; cue: string }) => (
  <li>
    <span className="swatch" style={{ background: color }} aria-hidden="true" />
    <span>
      {label} <span className="muted">— {cue}</span>
    </span>
  </li>
);

/** A legend row for each of a list of styles (utilisation bands, camera states). */
const Swatches = ({ styles }: { styles: readonly { id: string; color: string; label: string; cue: string }[] }) => (
  <>
    {styles.map((s) => (
      <Swatch key={s.id} color={s.color} label={s.label} cue={s.cue} />
    ))}
  </>
);

export function CommsLegend() {
  const cv = useUi((s) => s.world?.cyber ?? null);
  if (!cv || cv.linkIds.length === 0) return null;
  const clouds = cloudJurisdictions(cv);
  return (
    <>
      <h3>Comms links · utilisation</h3>
      <ul className="legend-list">
        <Swatches styles={UTIL_BANDS} />
        <Swatch color={DOWN_LINK_COLOR} label="Down" cue="near-black" />
        <Swatch color={ATTACK_PATH_COLOR} label="The attacker's path to the devices it holds" cue="violet" />
        <Swatch color={EXFIL_COLOR} label="Data leaving for the attacker's server" cue="magenta line off the map" />
      </ul>
      {clouds.length > 0 && (
        <>
          <h3>Data flows to vendor clouds · jurisdiction</h3>
          <ul className="legend-list">
            {clouds.map((j) => (
              <Swatch key={j} color={jurisdictionColor(j, cv.homeJurisdiction)} label={`To a cloud in ${j}`} cue="stripe along the link" />
            ))}
          </ul>
          <p className="legend-note muted">
            Camera video and analytics, striped from the camera to the cloud (where clouds share a link, the largest share); a down or congested link shows that
            instead.
          </p>
        </>
      )}
    </>
  );
}

export function CctvLegend() {
  const has = useUi((s) => (s.world?.cyber?.cameras.length ?? 0) > 0);
  if (!has) return null;
  return (
    <>
      <h3>Cameras · view cones</h3>
      <ul className="legend-list">
        <Swatches styles={CAMERA_STATE_STYLE} />
        <Swatch color={COVERAGE_COLOR} label="Seen by a camera now (line of sight past buildings)" cue="blue wash on the ground, deeper where several see" />
        <Swatch color={COVERAGE_LOST_COLOR} label="Seen at the start, by no working camera now" cue="red diagonal hatching" />
        <Swatch color={BLIND_SINCE_COLOR} label="Watched site no camera sees since cameras went dark" cue="bold red corners around it" />
        <Swatch color={BLIND_START_COLOR} label="Watched site no camera has seen from the start" cue="thin grey corners" />
      </ul>
      <BlindSpots />
    </>
  );
}

function BlindSpots() {
  const world = useUi((s) => s.world);
  const live = useCoverage((s) => s.coverage);
  const blind = live?.blindSpots ?? world?.cyber?.blindSpots ?? [];
  if (blind.length === 0) return null;
  const name = (id: string) => world?.assets.find((a) => a.id === id)?.name ?? id;
  return <p className="legend-note muted">Blind spots (no camera sees the site): {blind.map(name).join(', ')}</p>;
}

/** Who supplies what, and what is exposed if that vendor is compromised or compelled. */
export function VendorPanel() {
  const index = useUi((s) => s.index) as WorldIndex | null;
  const cv: CyberView | null = index?.view.cyber ?? null;
  const now = useCyberLive(cv);
  const supply = useSupplyNow();
  if (!cv || !index) return null;
  const vendorName = (id: string | null) => (id === null ? 'unbranded kit' : (index.view.vendors.find((x) => x.id === id)?.name ?? id));
  return (
    <section className="panel vendors" aria-labelledby="vendors-h">
      <h2 id="vendors-h">Vendors and exposure</h2>
      <p className="note">Records taken so far: {now.records.toLocaleString('en-GB')}</p>
      {now.isolated.length > 0 && <p className="note">Isolated zones: {now.isolated.join(', ')}</p>}
      <PolicyControls />
      {supply.bans.map((b, i) => (
        <p key={i} className="ban-progress" role="status">
          {vendorName(b.vendor)} banned from {b.kinds.map(kindPlural).join(', ')}: {b.done} of {b.assets} unit(s) replaced by {vendorName(b.replacement)}
          {b.done < b.assets ? `, finished by ${formatClock(b.endMs)}` : ', done'}
        </p>
      ))}
      <ul className="vendor-list">
        {cv.vendors.map((v) => {
          // Who supplies what can change during the run (a ban's crews swap the kit).
          const here = suppliedNow(index, supply, v.vendor);
          const spec = index.view.vendors.find((x) => x.id === v.vendor);
          const queued = new Set(supply.bans.filter((b) => b.vendor === v.vendor && b.done < b.assets).flatMap((b) => b.kinds));
          const clouds = v.cloudDatasets.length + supply.datasetsAdded.filter((d) => d.cloudVendor === v.vendor).length;
          return (
            <li key={v.vendor} className="vendor-card">
              <h3>
                {v.name} <small>{v.jurisdiction}</small>
              </h3>
              <dl>
                <dt>Supplies</dt>
                <dd>{here.kinds.map((s) => kindCount(s.count, s.kind)).join(', ') || '—'}</dd>
                <dt>Remote access to</dt>
                <dd>
                  {here.remote > 0 ? `${here.remote} assets` : 'none'}
                  <VpnReach planned={v.vpnZones} now={supply.reach.get(v.vendor)} />
                </dd>
                <dt>Cloud data</dt>
                <dd>
                  {clouds > 0 ? (
                    <>
                      <span className="swatch" style={{ background: jurisdictionColor(v.cloudJurisdiction, cv.homeJurisdiction) }} aria-hidden="true" />{' '}
                      {clouds} dataset(s) in {v.cloudJurisdiction}
                    </>
                  ) : (
                    'none'
                  )}
                </dd>
              </dl>
              {spec && <BanControl vendor={spec} vendors={index.view.vendors} units={here.units} queuedKinds={queued} />}
            </li>
          );
        })}
      </ul>
      {cv.attribution && <p className="attribution">{cv.attribution}</p>}
    </section>
  );
}

interface CyberLive {
  readonly records: number;
  readonly isolated: readonly string[];
}

/** Slow-changing cyber state, polled once a second from the live snapshot (not per frame). */
function useCyberLive(cv: CyberView | null): CyberLive {
  const [v, setV] = useState<CyberLive>({ records: 0, isolated: [] });
  useEffect(() => {
    const t = setInterval(() => {
      const c = live.snapshot?.cyber;
      if (!c || !cv) return;
      const isolated = cv.zones.filter((_, z) => c.zoneIsolated[z]);
      setV((p) => (p.records === c.recordsExfiltrated && p.isolated.join() === isolated.join() ? p : { records: c.recordsExfiltrated, isolated }));
    }, 1000);
    return () => clearInterval(t);
  }, [cv]);
  return v;
}

/** Where a vendor's remote-maintenance VPN lands now, against what the scenario gave it (policies and responses change it). */
function VpnReach({ planned, now }: { planned: readonly string[]; now: { enabled: boolean; zones: readonly string[] } | undefined }) {
  if (!now) return planned.length > 0 ? <small> · VPN reaches {planned.join(', ')}</small> : null;
  if (!now.enabled) return <small className="vpn-cut"> · VPN access cut</small>;
  if (now.zones.length === 0) return <small className="vpn-cut"> · VPN reaches no zone now</small>;
  return <small> · VPN reaches {now.zones.join(', ')}</small>;
}
