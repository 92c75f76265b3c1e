/**
 * The KPI strip: the scenario's headline indicators (about six, from what its injects touch; see
 * headline-kpis.ts), each with its present value, its peak so far, a sparkline of its history and
 * a one-line hint. "All N indicators" shows the rest, where the user pins or unpins headline
 * tiles; the choice is kept with the session (session-view.ts).
 */
import { COMPROMISED_COLOR, STATUS_COLOR } from '../palette';
import { useUi } from '../store/ui-store';
import { formatCompact, formatCount } from './format';
import { Sparkline } from './sparkline';
import type { KpiDef } from '../../sim';
import { closeAllKpis, resetPinned, toggleAllKpis, togglePinned, useLayout } from '../store/layout-store';
import { useCloseOnEscape } from '../store/escape-stack';
import { shownHeadline } from './headline-kpis';
import { kpiHint } from './kpi-hints';

const KPI_STYLE: Record<string, { color: string; symbol: string }> = {
  peopleWithoutPower: { color: '#f2b134', symbol: '⚡' },
  peopleWithoutWater: { color: '#4fa3e0', symbol: '≋' },
  assetsDown: { color: STATUS_COLOR.down, symbol: '✕' },
  assetsCompromised: { color: COMPROMISED_COLOR, symbol: '◎' },
  mwShed: { color: '#f2b134', symbol: '⇣' },
};

/** What a KPI with nothing to measure yet shows. */
export const NO_DATA = '—';

/** Units worth printing next to a value; counts of people and assets are plain from the label. */
const SHOWN_UNITS = new Set(['MW', 'MWh', 'kW', '%', 'm³', 'min', 'h']);

export function KpiStrip() {
  const world = useUi((s) => s.world);
  const defs = world?.kpis ?? [];
  const all = useLayout((s) => s.allKpis);
  const pinned = useLayout((s) => s.pinned);
  useCloseOnEscape(all, closeAllKpis);
  const scenarioId = world?.scenario.id ?? '';
  const headline = world ? shownHeadline(scenarioId, pinned, world.injects, defs) : [];
  const byId = new Map(defs.map((d) => [d.id, d]));
  // The headline in its chosen order; "all" adds the rest after it, in the simulation's order.
  const order = all ? [...headline, ...defs.map((d) => d.id).filter((id) => !headline.includes(id))] : headline;
  const shown = order.map((id) => byId.get(id)).filter((d): d is KpiDef => d !== undefined);
  const ownChoice = pinned !== null && pinned.scenarioId === scenarioId;
  return (
    <footer className={all ? 'kpi-strip all' : 'kpi-strip'} aria-label="Key indicators">
      {defs.length === 0 && <p className="muted">Indicators appear when the scenario has loaded.</p>}
      <div className="kpi-tiles">
        {shown.map((d) => (
          <KpiTile key={d.id} d={d} pin={all ? { on: headline.includes(d.id), toggle: () => togglePinned(scenarioId, headline, d.id) } : null} />
        ))}
      </div>
      {defs.length > 0 && (headline.length < defs.length || all) && (
        <div className="kpi-actions">
          <button type="button" className="btn kpi-more" onClick={toggleAllKpis} aria-expanded={all} data-testid="kpi-more">
            {all ? 'Headline only' : `All ${defs.length} indicators`}
          </button>
          {all && <span className="muted small">☆ pins a tile to the headline</span>}
          {all && ownChoice && (
            <button type="button" className="link-btn small" onClick={resetPinned} data-testid="kpi-reset">
              Back to the scenario's choice
            </button>
          )}
        </div>
      )}
    </footer>
  );
}

function KpiTile({ d, pin }: { d: KpiDef; pin: { on: boolean; toggle: () => void } | null }) {
  const kpis = useUi((s) => s.kpis);
  const history = useUi((s) => s.kpiHistory);
  const clockMs = useUi((s) => s.clockMs);
  const style = KPI_STYLE[d.id] ?? { color: '#c9d1e0', symbol: '•' };
  // null: nothing measured yet (no emergency call, no car on the road): "—", never a 0 that reads as a result.
  const value = kpis[d.id] ?? null;
  const hist = history[d.id] ?? [];
  const peak = hist.reduce((m, p) => Math.max(m, p[1]), value ?? -Infinity);
  const hint = kpiHint(d);
  const hintId = `kpi-hint-${d.id}`;
  const spoken = value === null ? `${d.label}: no data yet` : `${d.label}: ${formatCount(value)} ${d.unit}`;
  return (
    <div
      className={`${value !== null && kpiAlert(d, value, peak) ? 'kpi alert' : 'kpi'}${pin?.on ? ' pinned' : ''}`}
      title={hint}
      role="group"
      aria-label={spoken}
      aria-describedby={hintId}
      data-testid={`kpi-${d.id}`}
    >
      <span className="kpi-label">
        <span aria-hidden="true" style={{ color: style.color }}>
          {style.symbol}
        </span>{' '}
        {d.label}
      </span>
      <div className="kpi-text">
        <span className="kpi-value" data-value={value ?? ''} aria-hidden="true">
          {value === null ? NO_DATA : formatCompact(value)}
          {value !== null && SHOWN_UNITS.has(d.unit) && <span className="kpi-unit"> {d.unit}</span>}
        </span>
        <span className="kpi-peak">peak {Number.isFinite(peak) ? formatCompact(peak) : NO_DATA}</span>
        <span id={hintId} className="sr-only">
          {hint}
        </span>
      </div>
      <Sparkline points={hist} color={style.color} label={d.label} nowS={clockMs / 1000} width={96} height={30} />
      {pin && (
        <button
          type="button"
          className="icon-btn kpi-pin"
          aria-pressed={pin.on}
          aria-label={`Headline: ${d.label}`}
          title={pin.on ? 'In the headline: press to unpin' : 'Pin to the headline'}
          onClick={pin.toggle}
          data-testid={`kpi-pin-${d.id}`}
        >
          {pin.on ? '★' : '☆'}
        </button>
      )}
    </div>
  );
}

/** A harm is an alert once above 0; a good indicator (cameras, coverage) once it falls below its peak. */
export function kpiAlert(d: KpiDef, value: number, peak: number): boolean {
  if (d.better !== 'higher') return value > 0;
  return d.alertBelowPeak === true && value < peak;
}
