/**
 * A sweep's distribution plot as SVG text: one row per variant, every run a dot, the 5th–95th
 * percentile band, the median, and the mean with its 95 % interval. The same markup goes into
 * report.html and the browser's sweep view, so both show the same picture.
 */
import type { FigureDef } from './figures';
import type { SweepSummary } from './summary';

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A figure as people read it: thousands separated, three significant digits below a thousand. */
export function formatValue(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-GB');
  if (x === 0) return '0';
  return Number(x.toPrecision(3)).toString();
}

/** Round tick values covering [lo, hi]: 1, 2 or 5 times a power of ten apart, about five of them. */
export function ticks(lo: number, hi: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

const W = 720;
const LEFT = 250;
const RIGHT = 24;
const ROW = 30;
const TOP = 10;
const AXIS = 34;

/** The plot of one figure across the summary's variants (in file order). */
export function distributionSvg(s: SweepSummary, fig: FigureDef): string {
  const rows = s.variants;
  const all = rows.flatMap((v) => (v.figures[fig.id]?.values ?? []).filter((x): x is number => x !== null));
  let lo = all.length ? Math.min(...all) : 0;
  let hi = all.length ? Math.max(...all) : 1;
  if (hi === lo) [lo, hi] = lo === 0 ? [0, 1] : [Math.min(0, lo * 0.9), Math.max(0, hi * 1.1)];
  const pad = (hi - lo) * 0.04;
  lo -= pad;
  hi += pad;
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo)) * (W - LEFT - RIGHT);
  const H = TOP + rows.length * ROW + AXIS;
  const unit = fig.unit ? ` (${fig.unit})` : '';
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`${fig.label}${unit}: every run per variant, with the 5th to 95th percentile band, median and mean`)}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${esc(fig.label + unit)}</title>`,
  ];
  for (const t of ticks(lo, hi)) {
    const tx = x(t).toFixed(1);
    parts.push(`<line x1="${tx}" x2="${tx}" y1="${TOP}" y2="${H - AXIS}" stroke="#d0d4da"/>`);
    parts.push(`<text x="${tx}" y="${H - AXIS + 16}" text-anchor="middle" fill="#444">${esc(formatValue(t))}</text>`);
  }
  parts.push(`<text x="${(LEFT + W - RIGHT) / 2}" y="${H - 4}" text-anchor="middle" fill="#222">${esc(fig.label + unit)}</text>`);
  rows.forEach((v, i) => {
    const st = v.figures[fig.id];
    const cy = TOP + i * ROW + ROW / 2;
    const base = v.id === s.baseline;
    const colour = base ? '#6b7280' : '#1d5fbf';
    const label = v.label.length > 34 ? `${v.label.slice(0, 33)}…` : v.label;
    parts.push(
      `<text x="${LEFT - 8}" y="${cy + 4}" text-anchor="end" fill="#222">${esc(label)}${base ? ' ◦' : ''}<title>${esc(v.label)}${base ? ' (baseline)' : ''}</title></text>`,
    );
    if (!st || st.n === 0) {
      parts.push(`<text x="${LEFT + 4}" y="${cy + 4}" fill="#a00">no values</text>`);
      return;
    }
    if (st.p5 !== null && st.p95 !== null)
      parts.push(
        `<rect x="${x(st.p5).toFixed(1)}" y="${cy - 7}" width="${Math.max(1, x(st.p95) - x(st.p5)).toFixed(1)}" height="14" fill="${colour}" fill-opacity="0.15"/>`,
      );
    st.values.forEach((val, k) => {
      if (val === null) return;
      // Spread the dots up and down by seed so equal values stay visible: the same seed sits at the same height in every row.
      const dy = ((k * 7) % 11) - 5;
      parts.push(`<circle cx="${x(val).toFixed(1)}" cy="${(cy + dy).toFixed(1)}" r="2.4" fill="${colour}" fill-opacity="0.55"/>`);
    });
    if (st.median !== null)
      parts.push(`<line x1="${x(st.median).toFixed(1)}" x2="${x(st.median).toFixed(1)}" y1="${cy - 9}" y2="${cy + 9}" stroke="${colour}" stroke-width="2"/>`);
    // An interval from few runs can reach past every value: draw it clipped to the plot.
    const clip = (v: number) => Math.min(W - RIGHT, Math.max(LEFT, x(v)));
    if (st.ci) parts.push(`<line x1="${clip(st.ci[0]).toFixed(1)}" x2="${clip(st.ci[1]).toFixed(1)}" y1="${cy}" y2="${cy}" stroke="#111" stroke-width="2"/>`);
    if (st.mean !== null) {
      const mx = x(st.mean);
      parts.push(
        `<path d="M${(mx - 5).toFixed(1)} ${cy} L${mx.toFixed(1)} ${cy - 5} L${(mx + 5).toFixed(1)} ${cy} L${mx.toFixed(1)} ${cy + 5} Z" fill="#fff" stroke="#111" stroke-width="1.5"><title>mean ${esc(formatValue(st.mean))}${st.ci ? `, 95% interval ${esc(formatValue(st.ci[0]))} to ${esc(formatValue(st.ci[1]))}` : ''}</title></path>`,
      );
    }
  });
  parts.push('</svg>');
  return parts.join('');
}
