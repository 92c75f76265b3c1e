/** A small SVG step chart of a KPI's history (values hold until the next sample). */
import { downsample, type Point } from '../store/kpi-history';

/** The chart spans at least this many simulated seconds, so the first minutes are not stretched. */
const MIN_SPAN_S = 3600;

export function Sparkline({
  points,
  color,
  label,
  nowS,
  width = 140,
  height = 34,
}: {
  points: readonly Point[];
  color: string;
  label: string;
  /** The present simulated time in seconds: the chart runs up to it. */
  nowS: number;
  width?: number;
  height?: number;
}) {
  const pts = downsample(points, Math.floor(width / 2));
  if (pts.length === 0) return <svg width={width} height={height} role="img" aria-label={`${label}: no history yet`} />;
  const t0 = pts[0]![0];
  const t1 = Math.max(pts[pts.length - 1]![0], nowS, t0 + MIN_SPAN_S);
  let max = 0;
  for (const p of pts) max = Math.max(max, p[1]);
  const x = (t: number) => ((t - t0) / (t1 - t0)) * (width - 2) + 1;
  const y = (v: number) => height - 2 - (max > 0 ? (v / max) * (height - 4) : 0);
  let d = `M${x(pts[0]![0]).toFixed(1)},${y(pts[0]![1]).toFixed(1)}`;
  for (let i = 1; i < pts.length; i++) d += `H${x(pts[i]![0]).toFixed(1)}V${y(pts[i]![1]).toFixed(1)}`;
  d += `H${x(Math.max(nowS, pts[pts.length - 1]![0])).toFixed(1)}`;
  const area = `${d}V${height - 1}H${x(t0).toFixed(1)}Z`;
  return (
    <svg width={width} height={height} role="img" aria-label={`${label}: history, peak ${Math.round(max).toLocaleString('en-GB')}`} className="sparkline">
      <path d={area} fill={color} fillOpacity={0.18} stroke="none" />
      <path d={d} fill="none" stroke={color} strokeWidth={1.5} />
    </svg>
  );
}
