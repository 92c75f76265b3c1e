/**
 * Exposure per sensitive site on a small map of the city: each site's circle is sized by how many
 * residents visited it and filled by the share of visiting households the attacker attributes
 * (recall). Aggregates only — never a person. Each site also reads out as text.
 */
import type { PrivacyView } from '../../worker/privacy-query';

export const SITE_SYMBOL: Record<string, string> = { clinic: '✚', 'place-of-worship': '☗', 'job-centre': '€', 'party-office': '⚑', 'support-centre': '☂' };

/** The table's figure columns: heading, and what it counts. */
const COLUMNS: readonly (readonly [string, string])[] = [
  ['Visitors', "Residents who visited in the data's window"],
  ['Attributed', 'Households the attacker ties to a visit'],
  ['Precision', 'Share of attributed households that truly visited'],
  ['Recall', 'Share of visiting households the attacker finds'],
];

export function ExposureMap({
  view,
  sizeM,
  districts,
}: {
  view: PrivacyView;
  sizeM: readonly [number, number];
  districts: readonly { id: string; polygon: readonly (readonly [number, number])[] }[];
}) {
  const W = 260;
  const H = Math.round((W * sizeM[1]) / sizeM[0]);
  const sx = (x: number) => (x / sizeM[0]) * W;
  const sz = (z: number) => (z / sizeM[1]) * H;
  const maxVisitors = Math.max(1, ...view.sensitiveSites.map((s) => s.visitors));
  return (
    <figure className="exposure-map">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Exposure of each sensitive site: see the list below">
        {districts.map((d) => (
          <polygon key={d.id} points={d.polygon.map(([x, z]) => `${sx(x)},${sz(z)}`).join(' ')} className="district" />
        ))}
        {view.sensitiveSites.map((s) => {
          const r = 5 + 12 * Math.sqrt(s.visitors / maxVisitors);
          return (
            <g key={s.site} transform={`translate(${sx(s.x)},${sz(s.z)})`}>
              <circle r={r} className="site-ring" />
              <circle r={r * Math.sqrt(s.recall)} className="site-fill" />
              <text y={4} textAnchor="middle" className="site-symbol">
                {SITE_SYMBOL[s.kind] ?? '●'}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="exposure-table">
        <thead>
          <tr>
            <th scope="col">Site</th>
            {COLUMNS.map(([label, title]) => (
              <th key={label} scope="col" title={title}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.sensitiveSites.map((s) => (
            <tr key={s.site}>
              <th scope="row">
                <span aria-hidden="true">{SITE_SYMBOL[s.kind] ?? '●'}</span> {s.name}
                {!s.watchedBy && <small className="muted"> · no camera at its door</small>}
              </th>
              <td>{s.visitors}</td>
              <td>{s.attributed}</td>
              <td>{s.attributed ? `${Math.round(s.precision * 100)}%` : '—'}</td>
              <td>{`${Math.round(s.recall * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
