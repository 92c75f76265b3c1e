/**
 * The unicity curve: the share of traces that p random points single out (de Montjoye et al.
 * 2013), one line per resolution, p = 1 to 10. Lines differ by dash as well as colour, and are
 * labelled with the resolution the points were really taken at (never finer than the dataset's
 * own cells and bins), with the share of traces sampled when not all of them were.
 */
import type { PrivacyView } from '../../worker/privacy-query';

const W = 260;
const H = 120;
const PAD = { l: 30, r: 8, t: 8, b: 22 };
const STYLES = [
  { color: '#ff6b8b', dash: '' },
  { color: '#ffd166', dash: '5 3' },
  { color: '#6ecbff', dash: '2 3' },
];

export function resolutionLabel(spatialM: number, temporalS: number): string {
  const place = spatialM > 0 ? `${spatialM >= 1000 ? `${spatialM / 1000} km` : `${spatialM} m`} cells` : 'sensor';
  const time = temporalS >= 3600 ? `${temporalS / 3600} h` : `${Math.round(temporalS / 60)} min`;
  return `${place}, ${time}`;
}

/** "Sampled 500 of 12,000 traces (4%)" or, as p rises and fewer traces qualify, a range of shares; null when every trace was used. */
export function samplingNote(unicity: PrivacyView['unicity']): string | null {
  const used = unicity.filter((u) => u.eligible > 0);
  if (used.every((u) => u.sampled >= u.eligible)) return null;
  const shares = used.map((u) => u.sampled / u.eligible);
  const lo = Math.min(...shares);
  const hi = Math.max(...shares);
  const pct = (x: number) => `${x < 0.1 ? Math.round(x * 1000) / 10 : Math.round(x * 100)}%`;
  const most = used.reduce((a, b) => (b.eligible > a.eligible ? b : a));
  return `Each point from a random sample of traces: ${most.sampled.toLocaleString('en-GB')} of ${most.eligible.toLocaleString('en-GB')} at p = ${most.p}; ${lo === hi ? pct(lo) : `${pct(lo)} to ${pct(hi)}`} of those that qualify.`;
}

export function UnicityChart({ unicity }: { unicity: PrivacyView['unicity'] }) {
  const series = new Map<string, { label: string; points: { p: number; e: number }[] }>();
  for (const u of unicity) {
    const key = `${u.spatialM}/${u.temporalS}`;
    const s = series.get(key) ?? { label: resolutionLabel(u.spatialM, u.temporalS), points: [] };
    s.points.push({ p: u.p, e: u.epsilon });
    series.set(key, s);
  }
  const x = (p: number) => PAD.l + ((p - 1) / 9) * (W - PAD.l - PAD.r);
  const y = (e: number) => PAD.t + (1 - e) * (H - PAD.t - PAD.b);
  const list = [...series.values()];
  const dataset = unicity[0]?.dataset ?? 'wifi';
  return (
    <figure className="unicity-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Unicity of the ${dataset} traces: ${list.map((s) => `${s.label}: 4 points single out ${Math.round((s.points.find((q) => q.p === 4)?.e ?? 0) * 100)}%`).join('; ')}`}
      >
        {[0, 0.5, 1].map((e) => (
          <g key={e}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(e)} y2={y(e)} className="grid" />
            <text x={PAD.l - 4} y={y(e) + 3} textAnchor="end">
              {Math.round(e * 100)}%
            </text>
          </g>
        ))}
        {[1, 4, 7, 10].map((p) => (
          <text key={p} x={x(p)} y={H - 6} textAnchor="middle">
            {p}
          </text>
        ))}
        {list.map((s, i) => (
          <polyline
            key={s.label}
            points={s.points.map((q) => `${x(q.p)},${y(q.e)}`).join(' ')}
            fill="none"
            stroke={STYLES[i % 3]!.color}
            strokeDasharray={STYLES[i % 3]!.dash}
            strokeWidth={2}
          />
        ))}
      </svg>
      <figcaption>
        <span className="muted">Share of {dataset} traces singled out by p points (x: p)</span>
        {samplingNote(unicity) && <span className="muted small sampling-note"> {samplingNote(unicity)}</span>}
        <ul className="legend-list">
          {list.map((s, i) => (
            <li key={s.label}>
              <svg width="22" height="8" aria-hidden="true">
                <line x1="0" x2="22" y1="4" y2="4" stroke={STYLES[i % 3]!.color} strokeDasharray={STYLES[i % 3]!.dash} strokeWidth={2} />
              </svg>{' '}
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
