/**
 * Side by side: a second run (B) beside this one (A), stepped to the same simulated time, with the
 * difference of their KPIs and a split view. The split view is two small 2D status maps drawn on
 * plain canvases rather than a second WebGL city: on software GL (SwiftShader in briefing laptops
 * and tests) a second 3D canvas halves the frame rate of both, while a 2D map of a few hundred
 * status dots costs well under a millisecond and shows exactly where the runs differ.
 */
import { useEffect, useRef } from 'react';
import { formatClock } from '../../sim';
import { STATUS_COLOR } from '../palette';
import { live, onLiveChange } from '../store/live';
import { useUi } from '../store/ui-store';
import { startCompare, stopCompare } from './exercise-controller';
import { compareLive, useExercise } from './exercise-store';

const fmt = (v: number) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-GB') : String(Math.round(v * 10) / 10));

export function ComparePanel() {
  const compare = useExercise((s) => s.compare);
  const mode = useExercise((s) => s.state?.compare ?? null);
  const branched = useExercise((s) => s.state?.branchedAtMs ?? null);
  const world = useUi((s) => s.world);
  const kpis = useUi((s) => s.kpis);
  const clockMs = useUi((s) => s.clockMs);
  return (
    <div className="compare">
      <div className="btn-row" role="group" aria-label="Compare this run with">
        <button
          type="button"
          className={`btn${mode === 'baseline' ? ' on' : ''}`}
          aria-pressed={mode === 'baseline'}
          onClick={() => startCompare('baseline')}
          data-testid="compare-baseline"
        >
          vs baseline (no injects)
        </button>
        <button
          type="button"
          className={`btn${mode === 'before-branch' ? ' on' : ''}`}
          aria-pressed={mode === 'before-branch'}
          onClick={() => startCompare('before-branch')}
          data-testid="compare-branch"
          title={branched === null ? 'Branch first to compare the what-if with the original run' : ''}
        >
          vs before the branch
        </button>
        {mode && (
          <button type="button" className="btn" onClick={stopCompare} aria-label="Stop comparing">
            ✕ Stop
          </button>
        )}
      </div>
      {mode && compare && world && (
        <>
          <table className="kpi-diff" data-testid="kpi-diff">
            <caption className="small muted">
              At {formatClock(clockMs)} · B = {compare.label}
            </caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">A: this run</th>
                <th scope="col">B</th>
                <th scope="col">A − B</th>
              </tr>
            </thead>
            <tbody>
              {world.kpis.map((d) => {
                const a = kpis[d.id] ?? null;
                const b = compare.kpis[d.id] ?? null;
                // Nothing to compare where either run has no data yet ("—", not a difference from 0).
                const diff = a === null || b === null ? 0 : a - b;
                // More is better for cameras, coverage, speed and trips (KpiDef.better); worse for the harms.
                const worse = d.better === 'higher' ? diff < 0 : diff > 0;
                return (
                  <tr key={d.id} className={diff === 0 ? '' : worse ? 'worse' : 'better'}>
                    <th scope="row">{d.label}</th>
                    <td>{a === null ? '—' : fmt(a)}</td>
                    <td>{b === null ? '—' : fmt(b)}</td>
                    <td>{a === null || b === null ? '—' : diff === 0 ? '=' : `${diff > 0 ? '▲ +' : '▼ '}${fmt(diff)}${worse ? ' worse' : ' better'}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <SplitMaps label={compare.label} />
        </>
      )}
      {!mode && <p className="muted small">Run a second simulation beside this one, in step with its clock.</p>}
    </div>
  );
}

function SplitMaps({ label }: { label: string }) {
  const a = useRef<HTMLCanvasElement>(null);
  const b = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let raf = 0;
    let drawn = -1;
    const draw = () => {
      raf = 0;
      const v = live.version * 100_000 + compareLive.version;
      if (v === drawn) return;
      drawn = v;
      paint(a.current, live.snapshot?.status ?? null, null);
      paint(b.current, compareLive.status, live.snapshot?.status ?? null);
    };
    const ask = () => {
      if (!raf) raf = requestAnimationFrame(draw);
    };
    const off = onLiveChange(ask);
    const t = setInterval(ask, 250);
    ask();
    return () => {
      off();
      clearInterval(t);
      if (raf) cancelAnimationFrame(raf);
    };
  }, []);
  return (
    <div className="split" aria-label="Split view: asset status in run A and run B">
      <figure>
        <canvas ref={a} width={200} height={200} role="img" aria-label="Run A status map" data-testid="split-a" />
        <figcaption>A: this run</figcaption>
      </figure>
      <figure>
        <canvas ref={b} width={200} height={200} role="img" aria-label={`Run B status map: ${label}`} data-testid="split-b" />
        <figcaption>B: {label} · ringed where it differs</figcaption>
      </figure>
    </div>
  );
}

const COLORS = [STATUS_COLOR.ok, STATUS_COLOR.degraded, STATUS_COLOR.down];

function paint(c: HTMLCanvasElement | null, status: Uint8Array | null, other: Uint8Array | null): void {
  const w = live.world;
  if (!c || !w) return;
  const g = c.getContext('2d');
  if (!g) return;
  const [sx, sz] = w.view.city.sizeM;
  const k = Math.min(c.width / sx, c.height / sz);
  g.fillStyle = '#0d1118';
  g.fillRect(0, 0, c.width, c.height);
  g.strokeStyle = '#2a3444';
  g.strokeRect(0.5, 0.5, sx * k - 1, sz * k - 1);
  w.view.assets.forEach((as, i) => {
    const st = status ? (status[i] ?? 0) : 0;
    const x = as.position[0] * k;
    const y = as.position[1] * k;
    g.fillStyle = COLORS[st] ?? COLORS[0]!;
    // Shape as well as colour: ok a dot, degraded a diamond, down a square.
    const r = st === 0 ? 1.6 : 3;
    g.beginPath();
    if (st === 2) g.rect(x - r, y - r, 2 * r, 2 * r);
    else if (st === 1) {
      g.moveTo(x, y - r);
      g.lineTo(x + r, y);
      g.lineTo(x, y + r);
      g.lineTo(x - r, y);
    } else g.arc(x, y, r, 0, Math.PI * 2);
    g.fill();
    if (other && status && other[i] !== status[i]) {
      g.strokeStyle = '#ffffff';
      g.beginPath();
      g.arc(x, y, 5, 0, Math.PI * 2);
      g.stroke();
    }
  });
}
