/**
 * The KPI strip: people without power, people without water, assets down and assets compromised,
 * each with its present value, its peak so far and a sparkline of its history.
 */
import { COMPROMISED_COLOR, STATUS_COLOR } from '../palette';
import { useUi } from '../store/ui-store';
import { formatCompact, formatCount } from './format';
import { Sparkline } from './sparkline';
import type { KpiDef } from '../../sim';
import { HEADLINE_KPIS, toggleAllKpis, useLayout } from '../store/layout-store';

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
  const kpis = useUi((s) => s.kpis);
  const history = useUi((s) => s.kpiHistory);
  const clockMs = useUi((s) => s.clockMs);
  const all = useLayout((s) => s.allKpis);
  const headline = defs.filter((d) => (HEADLINE_KPIS as readonly string[]).includes(d.id));
  const shown = all || headline.length === 0 ? defs : headline;
  return (
    <footer className={all ? 'kpi-strip all' : 'kpi-strip'} aria-label="Key indicators">
      {defs.length === 0 && <p className="muted">Indicators appear when the scenario has loaded.</p>}
      {shown.map((d) => {
        const style = KPI_STYLE[d.id] ?? { color: '#c9d1e0', symbol: '•' };
        // null: nothing measured yet (no emergency call, no car on the road): "—", never a 0 that reads as a result.
        const raw = kpis[d.id];
        const value = raw ?? null;
        const hist = history[d.id] ?? [];
        const peak = hist.reduce((m, p) => Math.max(m, p[1]), value ?? -Infinity);
        return (
          <div key={d.id} className={value !== null && kpiAlert(d, value, peak) ? 'kpi alert' : 'kpi'} title={d.description} data-testid={`kpi-${d.id}`}>
            <div className="kpi-text">
              <span className="kpi-label">
                <span aria-hidden="true" style={{ color: style.color }}>
                  {style.symbol}
                </span>{' '}
                {d.label}
              </span>
              <span
                className="kpi-value"
                data-value={value ?? ''}
                aria-label={value === null ? `${d.label}: no data yet` : `${d.label}: ${formatCount(value)} ${d.unit}`}
              >
                {value === null ? NO_DATA : formatCompact(value)}
                {value !== null && SHOWN_UNITS.has(d.unit) && <span className="kpi-unit"> {d.unit}</span>}
              </span>
              <span className="kpi-peak">peak {Number.isFinite(peak) ? formatCompact(peak) : NO_DATA}</span>
            </div>
            <Sparkline points={hist} color={style.color} label={d.label} nowS={clockMs / 1000} />
          </div>
        );
      })}
      {headline.length > 0 && headline.length < defs.length && (
        <button type="button" className="btn kpi-more" onClick={toggleAllKpis} aria-expanded={all} data-testid="kpi-more">
          {all ? 'Fewer indicators' : `All ${defs.length} indicators`}
        </button>
      )}
    </footer>
  );
}

/** A harm is an alert once above 0; a good indicator (cameras, coverage) once it falls below its peak. */
export function kpiAlert(d: KpiDef, value: number, peak: number): boolean {
  if (d.better !== 'higher') return value > 0;
  return d.alertBelowPeak === true && value < peak;
}
