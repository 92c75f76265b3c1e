/**
 * The asset inspector: what the selected asset is, who supplies it, its status and compromise,
 * what it depends on (with the state of each supply and the backup left), what depends on it, and
 * for a degraded or down asset a "Why?" that opens the causal chain back to the root cause.
 */
import { useEffect, useState } from 'react';
import { SUPPLY_LABEL, STATUS_LABEL, statusName, subsystemLabel } from '../palette';
import type { EdgeBufferInfo } from '../../worker/protocol';
import { askWhy, twinClient } from '../app/session';
import { live } from '../store/live';
import { sceneHandle } from '../store/scene-handle';
import { useLiveVersion } from '../store/use-live';
import { selectAsset, useUi } from '../store/ui-store';
import type { WorldIndex } from '../store/world-index';
import { backupText, formatCount, kindLabel } from './format';
import { CompromisedGlyph, StatusBadge, StatusGlyph } from './shape-icon';
import { SUBSYSTEM_PANELS } from './subsystem-panels';

const BUFFER_REFRESH_MS = 1000;

function useEdgeBuffers(assetId: string | null): Map<string, EdgeBufferInfo> {
  const [buffers, setBuffers] = useState<Map<string, EdgeBufferInfo>>(new Map());
  useEffect(() => {
    setBuffers(new Map());
    if (!assetId) return;
    let alive = true;
    const ask = () => {
      twinClient()
        ?.edgeBuffers(assetId)
        .then((list) => alive && setBuffers(new Map(list.map((b) => [b.edge, b]))))
        .catch(() => undefined);
    };
    ask();
    const id = setInterval(ask, BUFFER_REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, [assetId]);
  return buffers;
}

function EdgeRow({ index, ei, side, buffer }: { index: WorldIndex; ei: number; side: 'supplier' | 'dependent'; buffer?: EdgeBufferInfo }) {
  const e = index.view.edges[ei]!;
  const otherId = side === 'supplier' ? e.from : e.to;
  const other = index.assetIndex.get(otherId);
  const state = buffer?.state ?? live.snapshot?.edgeState[ei] ?? 0;
  const otherStatus = other !== undefined ? statusName(live.snapshot?.status[other]) : 'ok';
  return (
    <li className={`edge-row supply-${state}`}>
      <button type="button" className="link-btn" onClick={() => selectAsset(otherId)} aria-label={`Inspect ${index.nameOf(otherId)}`}>
        <StatusGlyph status={otherStatus} size={12} /> {index.nameOf(otherId)}
      </button>
      <span className="edge-meta">
        {e.resource} · {e.kind}
        {side === 'supplier' && (
          <>
            {' · '}
            <span className={`supply supply-${state}`}>
              {state === 1 && buffer?.phase ? (buffer.phase === 'ups' ? 'On UPS' : 'On generator') : SUPPLY_LABEL[state as 0 | 1 | 2]}
            </span>
            {' · '}
            {backupText(state, buffer?.remainingMs ?? e.bufferMs, e.bufferMs)}
          </>
        )}
        {side === 'dependent' && state !== 0 && (
          <>
            {' · '}
            <span className={`supply supply-${state}`}>{SUPPLY_LABEL[state as 0 | 1 | 2]}</span>
          </>
        )}
      </span>
      {side === 'supplier' && e.note && <span className="edge-note">{e.note}</span>}
    </li>
  );
}

export function Inspector() {
  const selected = useUi((s) => s.selected);
  const feature = useUi((s) => s.selectedFeature);
  const index = useUi((s) => s.index);
  useLiveVersion(500);
  const buffers = useEdgeBuffers(selected);
  const i = selected !== null ? index?.assetIndex.get(selected) : undefined;
  const FeatureInspector = feature ? SUBSYSTEM_PANELS.find((p) => p.layer === feature.layer)?.FeatureInspector : undefined;
  if (index && feature && FeatureInspector) {
    return (
      <section className="panel inspector" aria-labelledby="inspector-h" data-testid="inspector">
        <FeatureInspector index={index} id={feature.id} />
      </section>
    );
  }
  if (!index || i === undefined) {
    return (
      <section className="panel inspector empty" aria-labelledby="inspector-h">
        <h2 id="inspector-h">Inspector</h2>
        <p className="muted">Click a marker in the city to see what it is, what it depends on and why it is in its present state.</p>
      </section>
    );
  }
  const loaded = index.view.assets[i]!;
  // A vendor ban may have swapped the kit during the run: the supplier now, not at load.
  const swapped = live.snapshot?.cyber?.resupplied.find((r) => r.asset === loaded.id);
  const a = swapped ? { ...loaded, vendor: swapped.vendor, remoteAccess: swapped.remoteAccess } : loaded;
  const vendor = a.vendor ? index.view.vendors.find((v) => v.id === a.vendor) : undefined;
  // Firmware now: a reflash or new kit during the run changes it.
  const firmware = live.snapshot?.firmwareChanged?.find((f) => f.asset === loaded.id)?.firmware ?? loaded.firmware;
  const status = statusName(live.snapshot?.status[i]);
  const compromised = live.snapshot?.compromised[i] === 1;
  const supplies = index.inEdges[i] ?? [];
  const dependents = index.outEdges[i] ?? [];

  return (
    <section className="panel inspector" aria-labelledby="inspector-h" data-testid="inspector">
      <div className="panel-head">
        <h2 id="inspector-h">{a.name}</h2>
        <button type="button" className="icon-btn" onClick={() => selectAsset(null)} aria-label="Close inspector">
          ✕
        </button>
      </div>
      <p className="kind-line">
        {kindLabel(a.kind)} · {subsystemLabel(a.subsystem)}
        {a.critical && <span className="tag">critical</span>}
      </p>
      {a.synthetic && (
        <p className="source-line synthetic" data-testid="inspector-source">
          Synthesised — not from OpenStreetMap
          <span className="muted"> (laid out on the real streets where OpenStreetMap maps nothing)</span>
        </p>
      )}
      <div className="status-line">
        <StatusBadge status={status} label={STATUS_LABEL[status]} />
        {compromised && (
          <span className="status-badge compromised">
            <CompromisedGlyph /> Compromised
          </span>
        )}
      </div>
      <dl className="facts">
        <dt>Vendor</dt>
        <dd>
          {vendor ? `${vendor.name} (${vendor.jurisdiction})` : (a.vendor ?? 'none')}
          {vendor && (a.remoteAccess ? ' · remote maintenance access' : ' · no remote access')}
        </dd>
        {(firmware ?? null) !== null && (
          <>
            <dt>Firmware</dt>
            <dd>{firmware}</dd>
          </>
        )}
        {a.district && (
          <>
            <dt>District</dt>
            <dd>{index.view.city.districts.find((d) => d.id === a.district)?.name ?? a.district}</dd>
          </>
        )}
        {a.population > 0 && (
          <>
            <dt>Residents</dt>
            <dd>{formatCount(a.population)}</dd>
          </>
        )}
        <dt>Id</dt>
        <dd className="mono">{a.id}</dd>
      </dl>
      <div className="inspector-actions">
        {status !== 'ok' && (
          <button type="button" className="btn why" onClick={() => void askWhy(a.id)} aria-label={`Why is ${a.name} ${status}?`} data-testid="why-button">
            Why?
          </button>
        )}
        <button type="button" className="btn" onClick={() => sceneHandle.current?.focusAsset(i)} aria-label={`Centre the view on ${a.name}`}>
          Centre view
        </button>
      </div>
      {SUBSYSTEM_PANELS.map(({ layer, AssetSection }) => AssetSection && <AssetSection key={layer} index={index} asset={i} />)}
      <h3>Depends on ({supplies.length})</h3>
      {supplies.length === 0 ? (
        <p className="muted">Nothing in this scenario.</p>
      ) : (
        <ul className="edge-list">
          {supplies.map((ei) => (
            <EdgeRow key={ei} index={index} ei={ei} side="supplier" buffer={buffers.get(index.view.edges[ei]!.id)} />
          ))}
        </ul>
      )}
      <h3>Depended on by ({dependents.length})</h3>
      {dependents.length === 0 ? (
        <p className="muted">Nothing in this scenario.</p>
      ) : (
        <ul className="edge-list">
          {dependents.slice(0, 60).map((ei) => (
            <EdgeRow key={ei} index={index} ei={ei} side="dependent" />
          ))}
          {dependents.length > 60 && <li className="muted">… and {dependents.length - 60} more</li>}
        </ul>
      )}
    </section>
  );
}
