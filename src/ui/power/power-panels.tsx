/**
 * The power layer's parts of the side panels: the grid section of a substation's inspector (bus
 * state, load served and shed, its lines), the inspector for a selected line (flow, rating,
 * loading, who opened it or which step of a cascade tripped it, SCADA's reading beside the
 * truth), and the legend for the lines. Numbers follow the view mode; a spoofed reading is always
 * called out beside the true one.
 */
import { formatClock } from '../../sim';
import type { PowerSnapshot } from '../../sim';
import type { PowerView } from '../../worker/protocol';
import { askExplain } from '../app/session';
import { StatusBadge, StatusGlyph } from '../panels/shape-icon';
import type { StatusName } from '../palette';
import { live } from '../store/live';
import { selectAsset, selectFeature, useUi, type ViewMode } from '../store/ui-store';
import { useStore } from 'zustand';
import type { WorldIndex } from '../store/world-index';
import {
  BUS_STATE_LABEL,
  LOADING_BANDS,
  OPEN_LINE_COLOR,
  POWER_LAYER,
  SPOOF_COLOR,
  TRIPPED_BADGE_COLOR,
  busName,
  busState,
  powerLineName,
  loadingBand,
  mw,
  pct,
  shownFlow,
  shownLoading,
  spoofed,
} from './power-style';
import { powerTrack, type BranchChange } from './power-track';

interface LineReading {
  readonly open: boolean;
  readonly trueMW: number;
  readonly reportedMW: number;
  readonly shownMW: number;
  readonly loading: number;
  readonly spoofed: boolean;
  readonly change: BranchChange | undefined;
}

function readLine(pv: PowerView, ps: PowerSnapshot, k: number, mode: ViewMode, changes: Readonly<Record<string, BranchChange>>): LineReading {
  const br = pv.branches[k]!;
  const trueMW = ps.flowMW[k]!;
  const reportedMW = ps.reportedFlowMW[k]!;
  const shownMW = shownFlow(mode, trueMW, reportedMW);
  const open = ps.branchStatus[k] === 0;
  return {
    open,
    trueMW,
    reportedMW,
    shownMW,
    loading: shownLoading(shownMW, br.ratingMW),
    spoofed: !open && spoofed(trueMW, reportedMW),
    change: changes[br.id],
  };
}

function lineStatus(r: LineReading): { status: StatusName; text: string } {
  if (!r.open) {
    const band = loadingBand(r.loading);
    return band.id === 'over' ? { status: 'degraded', text: 'In service, overloaded' } : { status: 'ok', text: 'In service' };
  }
  const c = r.change;
  if (c?.kind === 'tripped') return { status: 'down', text: `Tripped by protection (step ${c.step} of the cascade)` };
  if (c?.kind === 'opened') return { status: 'down', text: `Open: opened by ${c.actor}` };
  return { status: 'down', text: 'Open' };
}

function SpoofNote({ r }: { r: LineReading }) {
  if (!r.spoofed) return null;
  return (
    <p className="spoof-note" role="note" data-testid="spoof-note">
      <strong>SPOOFED</strong> — SCADA shows {mw(r.reportedMW)}, actually {mw(r.trueMW)}
    </p>
  );
}

/** What the power inspectors show from: the view mode (truth or SCADA), the recent changes, the grid's layout and its state in the latest frame. */
function useGridNow(index: WorldIndex) {
  const mode = useUi((s) => s.viewMode);
  const changes = useStore(powerTrack, (s) => s.changes);
  return { mode, changes, pv: index.view.power, ps: live.snapshot?.power };
}

/** The grid part of a substation's (or grid supply point's) inspector. */
export function PowerAssetSection({ index, asset }: { index: WorldIndex; asset: number }) {
  const { mode, changes, pv, ps } = useGridNow(index);
  if (!pv || !ps) return null;
  const b = pv.buses.findIndex((bus) => bus.asset === asset);
  if (b < 0) return null;
  const state = busState(ps.energized[b]!, ps.shedMW[b]!);
  const served = ps.servedMW[b]!;
  const shed = ps.shedMW[b]!;
  const lines = pv.branches.map((br, k) => ({ br, k })).filter(({ br }) => br.from === b || br.to === b);
  const gens = pv.generators.filter((g) => g.bus === b);
  return (
    <div className="power-section" data-testid="power-section">
      <h3>Grid {mode === 'operator' && <span className="mode-tag">operator view</span>}</h3>
      <StatusBadge status={state === 'energised' ? 'ok' : state === 'shedding' ? 'degraded' : 'down'} label={BUS_STATE_LABEL[state]} />
      <dl className="facts">
        <dt>Load</dt>
        <dd>{mw(served + shed)}</dd>
        <dt>Served</dt>
        <dd>{mw(served)}</dd>
        <dt>Shed</dt>
        <dd>{shed > 1e-3 ? mw(shed) : 'none'}</dd>
        {gens.length > 0 && (
          <>
            <dt>Generation</dt>
            <dd>{gens.map((g) => `${g.id} (up to ${mw(g.pmaxMW)})`).join('; ')}</dd>
          </>
        )}
      </dl>
      <h3>Lines ({lines.length})</h3>
      <ul className="edge-list">
        {lines.map(({ br, k }) => {
          const r = readLine(pv, ps, k, mode, changes);
          const st = lineStatus(r);
          const other = br.from === b ? br.to : br.from;
          const out = (br.from === b ? 1 : -1) * r.shownMW;
          return (
            <li key={br.id} className={`edge-row line-row line-${st.status}`} data-line={br.id}>
              <button
                type="button"
                className="link-btn"
                onClick={() => selectFeature({ layer: POWER_LAYER, id: br.id })}
                aria-label={`Inspect the ${powerLineName(index, pv, k)}`}
              >
                <StatusGlyph status={st.status} size={12} /> {powerLineName(index, pv, k)}
              </button>
              <span className="edge-meta">
                {st.text}
                {r.open && r.change ? ` at ${formatClock(r.change.tMs)}` : ''}
                {!r.open && (
                  <>
                    {' · '}
                    {Math.abs(out) < 0.05 ? 'no flow' : `${mw(out)} ${out > 0 ? 'out to' : 'in from'} ${busName(index, pv, other)}`} · {pct(r.loading)} of{' '}
                    {mw(br.ratingMW)}
                    {mode === 'operator' ? ' (SCADA)' : ''}
                  </>
                )}
              </span>
              <SpoofNote r={r} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The inspector for a selected power line. */
export function PowerLineInspector({ index, id }: { index: WorldIndex; id: string }) {
  const { mode, changes, pv, ps } = useGridNow(index);
  const k = pv ? pv.branches.findIndex((br) => br.id === id) : -1;
  if (!pv || !ps || k < 0) return <p className="muted">This line is not in the loaded grid.</p>;
  const br = pv.branches[k]!;
  const r = readLine(pv, ps, k, mode, changes);
  const st = lineStatus(r);
  const name = powerLineName(index, pv, k);
  const ends = [br.from, br.to].map((b) => ({ b, asset: pv.buses[b]!.asset, name: busName(index, pv, b) }));
  const [src, dst] = r.shownMW >= 0 ? ends : [ends[1]!, ends[0]!];
  return (
    <>
      <div className="panel-head">
        <h2 id="inspector-h">{name}</h2>
        <button type="button" className="icon-btn" onClick={() => selectFeature(null)} aria-label="Close inspector">
          ✕
        </button>
      </div>
      <p className="kind-line">Power line · {mode === 'operator' ? <span className="mode-tag">operator view: SCADA readings</span> : 'physical truth'}</p>
      <div className="status-line">
        <StatusBadge status={st.status} label={st.text} />
      </div>
      <dl className="facts">
        <dt>{mode === 'operator' ? 'Flow (SCADA)' : 'Flow'}</dt>
        <dd data-testid="line-flow">{r.open ? 'none (open)' : Math.abs(r.shownMW) < 0.05 ? 'none' : `${mw(r.shownMW)} from ${src!.name} to ${dst!.name}`}</dd>
        <dt>Rating</dt>
        <dd>{mw(br.ratingMW)}</dd>
        <dt>Loading</dt>
        <dd>{r.open ? '—' : `${pct(r.loading)} · ${loadingBand(r.loading).label.toLowerCase()}`}</dd>
        {r.change && (
          <>
            <dt>{r.change.kind === 'tripped' ? 'Tripped' : r.change.kind === 'opened' ? 'Opened' : 'Closed'}</dt>
            <dd>
              at {formatClock(r.change.tMs)} by {r.change.actor}: {r.change.reason}
            </dd>
          </>
        )}
        <dt>Id</dt>
        <dd className="mono">{br.id}</dd>
      </dl>
      <SpoofNote r={r} />
      <div className="inspector-actions wrap">
        {r.change && r.open && (
          <button type="button" className="btn why" onClick={() => void askExplain(r.change!.event)} aria-label={`Why is the ${name} open?`}>
            Why?
          </button>
        )}
        {ends.map((e) =>
          e.asset >= 0 ? (
            <button key={e.b} type="button" className="btn" onClick={() => selectAsset(index.view.assets[e.asset]!.id)} aria-label={`Inspect ${e.name}`}>
              {e.name}
            </button>
          ) : null,
        )}
      </div>
    </>
  );
}

function LineSwatch({
  color,
  width,
  dash,
  casing = '#0b0e14',
  badge,
}: {
  color: string;
  width: number;
  dash?: string;
  casing?: string;
  badge?: { text: string; fill: string; ring: string };
}) {
  return (
    <svg width="40" height="16" aria-hidden="true" style={{ flex: 'none' }}>
      <line x1="2" y1="8" x2="38" y2="8" stroke={casing} strokeWidth={width + 3} strokeDasharray={dash} />
      <line x1="2" y1="8" x2="38" y2="8" stroke={color} strokeWidth={width} strokeDasharray={dash} />
      {badge && (
        <>
          <circle cx="20" cy="8" r="6.5" fill={badge.fill} stroke={badge.ring} strokeWidth="1.5" />
          <text x="20" y="11" textAnchor="middle" fontSize="9" fontWeight="700" fill="#fff">
            {badge.text}
          </text>
        </>
      )}
    </svg>
  );
}

export function PowerLegend() {
  const has = useUi((s) => (s.world?.power?.branches.length ?? 0) > 0);
  const mode = useUi((s) => s.viewMode);
  if (!has) return null;
  return (
    <>
      <h3>Power lines · loading {mode === 'operator' ? 'as SCADA reports it' : '(physical truth)'}</h3>
      <ul className="legend-list">
        {LOADING_BANDS.map((b, i) => (
          <li key={b.id}>
            <LineSwatch color={b.color} width={3 + i * 1.3} />
            <span>
              {b.label} <span className="muted">— {b.cue}</span>
            </span>
          </li>
        ))}
        <li>
          <LineSwatch color={OPEN_LINE_COLOR} width={3} dash="5 4" badge={{ text: '✕', fill: '#262c37', ring: OPEN_LINE_COLOR }} />
          <span>
            Open <span className="muted">— grey dashes, ✕ at the break: a breaker opened it</span>
          </span>
        </li>
        <li>
          <LineSwatch color={OPEN_LINE_COLOR} width={3} dash="5 4" badge={{ text: '1', fill: TRIPPED_BADGE_COLOR, ring: '#ffffff' }} />
          <span>
            Tripped <span className="muted">— numbered in cascade order; flashes as it trips</span>
          </span>
        </li>
        {mode === 'truth' && (
          <li>
            <LineSwatch color={LOADING_BANDS[0]!.color} width={3} casing={SPOOF_COLOR} />
            <span>
              SCADA reading spoofed <span className="muted">— magenta edge (truth view only)</span>
            </span>
          </li>
        )}
      </ul>
    </>
  );
}
