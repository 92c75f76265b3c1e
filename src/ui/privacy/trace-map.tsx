/**
 * The one illustrative trace: a synthetic resident's day as the attacker reconstructs it, on a
 * small map around it — each record a mark coloured and shaped by its dataset, the path in time
 * order, the home the meters give away and the sensitive site — with a plain-language caption,
 * how the pseudonyms were joined, the records as a list, and the truth beside the inference.
 */
import { useEffect } from 'react';
import type { IllustrativeTrace } from '../../sim/analysis';
import { SITE_SYMBOL } from './exposure-map';
import { traceStore, useTraceStore } from './trace-store';
import { dayLabel, hhmm, isTraceDataset, traceCaption, TRACE_STYLE, type TraceDataset } from './trace-text';

type District = { readonly id: string; readonly name?: string; readonly polygon: readonly (readonly [number, number])[] };

const W = 260;
const H = 190;
/** A strip under the map for the scale bar, so it never covers a mark. */
const FOOT = 14;
const PAD_M = 250;
const MIN_SPAN_M = 1000;
/** Co-located records of different datasets sit a little apart, so each stays visible. */
const NUDGE: Record<TraceDataset, [number, number]> = { anpr: [-3.5, -3.5], face: [3.5, -3.5], smartcard: [-3.5, 3.5], wifi: [3.5, 3.5] };

export function Mark({ dataset, x, y, r = 3.2 }: { dataset: TraceDataset; x: number; y: number; r?: number }) {
  const s = TRACE_STYLE[dataset];
  const common = { fill: s.color, stroke: '#0d1118', strokeWidth: 0.8 };
  switch (s.shape) {
    case 'square':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} {...common} />;
    case 'triangle':
      return <polygon points={`${x},${y - r * 1.2} ${x + r * 1.1},${y + r * 0.8} ${x - r * 1.1},${y + r * 0.8}`} {...common} />;
    case 'diamond':
      return <polygon points={`${x},${y - r * 1.3} ${x + r * 1.3},${y} ${x},${y + r * 1.3} ${x - r * 1.3},${y}`} {...common} />;
    case 'circle':
      return <circle cx={x} cy={y} r={r} {...common} />;
  }
}

function frame(t: IllustrativeTrace) {
  const xs = [...t.points.map((p) => p.x), ...(t.home ? [t.home.x] : []), ...(t.site ? [t.site.x] : [])];
  const zs = [...t.points.map((p) => p.z), ...(t.home ? [t.home.z] : []), ...(t.site ? [t.site.z] : [])];
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cz = (Math.min(...zs) + Math.max(...zs)) / 2;
  let sx = Math.max(MIN_SPAN_M, Math.max(...xs) - Math.min(...xs) + 2 * PAD_M);
  let sz = Math.max(MIN_SPAN_M, Math.max(...zs) - Math.min(...zs) + 2 * PAD_M);
  // Same scale both ways: widen the narrower span to the map's shape.
  if (sx / sz > W / H) sz = (sx * H) / W;
  else sx = (sz * W) / H;
  const k = W / sx;
  return { k, px: (x: number) => (x - (cx - sx / 2)) * k, pz: (z: number) => (z - (cz - sz / 2)) * k };
}

export function TraceSection({ trace, districts }: { trace: IllustrativeTrace | undefined; districts: readonly District[] }) {
  const onMap = useTraceStore((s) => s.onMap);
  // The 3D map's trace layer follows the panel's latest analysis; it goes when the panel does.
  useEffect(() => traceStore.setState({ trace: trace ?? null }), [trace]);
  useEffect(() => () => traceStore.setState({ trace: null, onMap: false }), []);
  if (!trace) return null;
  const caption = traceCaption(trace, districts);
  if (trace.status !== 'traced' || !trace.day || !trace.home || !trace.actual) {
    return (
      <section className="trace" aria-labelledby="trace-h">
        <h3 id="trace-h">One illustrative trace</h3>
        <p className="trace-caption muted">{caption}</p>
      </section>
    );
  }
  const { k, px, pz } = frame(trace);
  const points = trace.points.filter((p) => isTraceDataset(p.dataset));
  // The path through distinct consecutive places, in time order.
  const path: [number, number][] = [];
  for (const p of points) {
    const q: [number, number] = [px(p.x), pz(p.z)];
    const last = path[path.length - 1];
    if (!last || Math.hypot(last[0] - q[0], last[1] - q[1]) > 0.5) path.push(q);
  }
  const present = [...new Set(points.map((p) => p.dataset))].filter(isTraceDataset);
  const home = trace.home;
  const cellPx = Math.max(6, home.cellM * k);
  const scaleM = 500;
  return (
    <section className="trace" aria-labelledby="trace-h">
      <h3 id="trace-h">One illustrative trace</h3>
      <p className="trace-caption">{caption}</p>
      <figure className="trace-map">
        <svg
          viewBox={`0 0 ${W} ${H + FOOT}`}
          role="img"
          aria-label={`${trace.label}: ${points.length} records on ${dayLabel(trace.day)}, drawn in time order; the same records are listed below`}
        >
          <defs>
            <marker id="trace-arrow" viewBox="0 0 6 6" refX="3" refY="3" markerWidth="5" markerHeight="5" orient="auto">
              <path d="M0,0 L6,3 L0,6 z" className="trace-arrow" />
            </marker>
          </defs>
          <clipPath id="trace-clip">
            <rect width={W} height={H} />
          </clipPath>
          <g clipPath="url(#trace-clip)">
            {districts.map((d) => (
              <polygon key={d.id} points={d.polygon.map(([x, z]) => `${px(x)},${pz(z)}`).join(' ')} className="district" />
            ))}
            {path.length > 1 && (
              <polyline className="trace-path" points={path.map((q) => q.join(',')).join(' ')} markerMid="url(#trace-arrow)" markerEnd="url(#trace-arrow)" />
            )}
            {points.map((p, i) => {
              const d = p.dataset as TraceDataset;
              const [nx, nz] = NUDGE[d];
              return (
                <g key={i} className="trace-point" data-dataset={d}>
                  <title>{`${hhmm(p.clockS)} · ${TRACE_STYLE[d].label} (${TRACE_STYLE[d].noun} ${p.alias})${p.site && trace.site?.site === p.site ? ` at the ${trace.site.name}'s camera` : ''}`}</title>
                  <Mark dataset={d} x={px(p.x) + nx} y={pz(p.z) + nz} />
                </g>
              );
            })}
            {/* Home and site on top: a ring (or the meter's cell) round the place, the symbol just above it. */}
            <g className="trace-home">
              <title>{`Inferred home: smart meter ${home.alias} in the ${home.cellM} m cell around (${Math.round(home.x)}, ${Math.round(home.z)})`}</title>
              <rect x={px(home.x) - cellPx / 2} y={pz(home.z) - cellPx / 2} width={cellPx} height={cellPx} />
              <text x={px(home.x)} y={pz(home.z) - cellPx / 2 - 2} textAnchor="middle">
                ⌂
              </text>
            </g>
            {trace.site && (
              <g className="trace-site" transform={`translate(${px(trace.site.x)},${pz(trace.site.z)})`}>
                <title>{`Inferred visit: ${trace.site.name} at ${hhmm(trace.site.clockS)}`}</title>
                <circle r={9} />
                <text y={-11} textAnchor="middle">
                  {SITE_SYMBOL[trace.site.kind] ?? '●'}
                </text>
              </g>
            )}
          </g>
          <g className="trace-scale" transform={`translate(4,${H + 9})`}>
            <line x1={0} x2={scaleM * k} y1={0} y2={0} />
            <text x={scaleM * k + 4} y={3}>
              {scaleM} m
            </text>
          </g>
        </svg>
        <ul className="trace-legend" aria-label="Map key">
          {present.map((d) => (
            <li key={d}>
              <svg width="12" height="12" aria-hidden="true">
                <Mark dataset={d} x={6} y={6} r={3.6} />
              </svg>
              {TRACE_STYLE[d].label}
            </li>
          ))}
          <li>
            <span aria-hidden="true" className="trace-key-home">
              ⌂
            </span>
            Home (meter cell)
          </li>
          {trace.site && (
            <li>
              <span aria-hidden="true" className="trace-key-site">
                {SITE_SYMBOL[trace.site.kind] ?? '●'}
              </span>
              {trace.site.name}
            </li>
          )}
        </ul>
      </figure>
      <label className="check trace-on-map" title="Draws the day's path, its records and the home and site pillars over the 3D city">
        <input type="checkbox" checked={onMap} onChange={(e) => traceStore.setState({ onMap: e.target.checked })} />
        <span>Draw this trace on the 3D map</span>
      </label>
      <TraceDetails trace={trace} points={points} />
    </section>
  );
}

function TraceDetails({ trace, points }: { trace: IllustrativeTrace; points: IllustrativeTrace['points'] }) {
  const home = trace.home!;
  const actual = trace.actual!;
  const first = points[0];
  const last = points[points.length - 1];
  const nameOf = (d: string) => (isTraceDataset(d as TraceDataset) ? TRACE_STYLE[d as TraceDataset] : null);
  return (
    <>
      <p className="small">
        <strong>Home.</strong> The attacker ties this person to smart meter {home.alias} (a {home.cellM} m cell): on most days it saw them, that home emptied
        around their first sighting and filled again around their last. That day the meter shows it
        {home.leftClockS !== null ? ` emptying at ${hhmm(home.leftClockS)}` : ' never empty after 06:00'}
        {home.backClockS !== null ? ` and filling again at ${hhmm(home.backClockS)}` : ''}
        {first && last ? `; the first sighting was at ${hhmm(first.clockS)}, the last at ${hhmm(last.clockS)}` : ''}. In truth their home is at (
        {Math.round(actual.homeX)}, {Math.round(actual.homeZ)}): {actual.homeRight ? 'the right household.' : 'another household.'}
      </p>
      <p className="small">
        <strong>Sensitive sites that day, in truth:</strong>{' '}
        {actual.visits.length ? actual.visits.map((v) => `${v.name} at ${hhmm(v.clockS)}`).join('; ') : 'none'}.
      </p>
      {trace.joins.length > 0 && (
        <details className="trace-joins">
          <summary>How the {trace.pseudonyms} pseudonyms were joined</summary>
          <ul>
            {trace.joins.map((j, i) => (
              <li key={i}>
                {nameOf(j.a)?.noun ?? j.a} {j.aliasA} ↔ {nameOf(j.b)?.noun ?? j.b} {j.aliasB}: recorded at the same place and time {j.matches} times
                {j.examples[0]
                  ? ` (e.g. ${hhmm(j.examples[0].clockS)}${j.examples[0].day === trace.day!.index ? '' : ' on another day'} near (${j.examples[0].x}, ${j.examples[0].z}))`
                  : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      <details className="trace-records">
        <summary>The day's {points.length} records</summary>
        <ol>
          {points.map((p, i) => {
            const s = TRACE_STYLE[p.dataset as TraceDataset];
            return (
              <li key={i}>
                {hhmm(p.clockS)} · {s.label} · {s.noun} {p.alias} · ({Math.round(p.x)}, {Math.round(p.z)}){p.site ? ' · sensitive site camera' : ''}
              </li>
            );
          })}
        </ol>
      </details>
    </>
  );
}
