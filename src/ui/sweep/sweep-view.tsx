/**
 * A sweep's results in the browser: the ranked table of what each policy buys and costs, and the
 * distribution plot of every figure — the same markup as the report page `twin sweep` writes.
 * Opened from a file (picker or drag and drop), from the results shipped with the twin, or by a
 * briefing step. A dialog over the map; Esc or ✕ closes it.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { distributionSvg } from '../../sweep/plots';
import { rankedTableHtml, SWEEP_CSS } from '../../sweep/report-html';
import { closeSweepView, openShippedSweep, openSweepFile, shippedSweeps, sweepStore, useSweep } from './sweep-store';
import './sweep.css';

function Picker() {
  const input = useRef<HTMLInputElement>(null);
  const shipped = shippedSweeps();
  return (
    <div className="sweep-picker">
      <button type="button" className="btn" onClick={() => input.current?.click()}>
        Open a sweep summary…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Sweep summary file"
        data-testid="sweep-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void openSweepFile(f);
          e.target.value = '';
        }}
      />
      {shipped.map((name) => (
        <button key={name} type="button" className="btn" onClick={() => void openShippedSweep(name)}>
          Shipped: {name.replace(/-/g, ' ')}
        </button>
      ))}
      <span className="muted small">or drop the summary.json that `twin sweep` wrote anywhere on this panel</span>
    </div>
  );
}

export function SweepView() {
  const open = useSweep((s) => s.open);
  const summary = useSweep((s) => s.summary);
  const error = useSweep((s) => s.error);
  const source = useSweep((s) => s.source);
  const figure = useSweep((s) => s.figure);
  const [dragging, setDragging] = useState(false);
  const dialog = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!open) return;
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      closeSweepView();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);
  useEffect(() => {
    if (open && figure) document.getElementById(`sweep-figure-${figure}`)?.scrollIntoView({ block: 'start' });
  }, [open, figure, summary]);
  if (!open) return null;
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) void openSweepFile(f);
  };
  return (
    <section
      ref={dialog}
      className={`sweep-view${dragging ? ' dragging' : ''}`}
      role="dialog"
      aria-modal="true"
      aria-label="Sweep results"
      tabIndex={-1}
      data-testid="sweep-view"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <style>{SWEEP_CSS}</style>
      <header className="sweep-head">
        <h2>{summary ? summary.title : 'Sweep results'}</h2>
        <button type="button" className="btn" onClick={closeSweepView} aria-label="Close the sweep results">
          ✕
        </button>
      </header>
      <Picker />
      {error && (
        <p className="sweep-error" role="alert">
          {error}
        </p>
      )}
      {summary && (
        <div className="sweep-body">
          {summary.question && <p className="sweep-question">{summary.question}</p>}
          <p className="muted small">
            {source} · scenario {summary.scenario} · {summary.variants.length} variants × {summary.seeds.length} seeds,{' '}
            {Math.round((summary.untilS / 3600) * 10) / 10} h each
            {summary.runs.failed ? ` · ${summary.runs.failed} runs failed and are left out` : ''}
          </p>
          <h3>What each policy buys, and what it costs</h3>
          {/* The table and plots are built from the summary's numbers with every text escaped (src/sweep). */}
          <div className="sweep-table-wrap" dangerouslySetInnerHTML={{ __html: rankedTableHtml(summary) }} />
          <h3>How the runs spread</h3>
          <p className="muted small">
            Each dot is one run; the band spans the 5th to 95th percentile, the line is the median, the diamond the mean with its 95 % interval.
          </p>
          {summary.figures.map((f) => (
            <figure key={f.id} id={`sweep-figure-${f.id}`} className={f.id === figure ? 'focus' : ''}>
              <figcaption>
                {f.label}
                {f.unit ? ` (${f.unit})` : ''}
              </figcaption>
              <div dangerouslySetInnerHTML={{ __html: distributionSvg(summary, f) }} />
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}

/** The button that opens the view (in the left column). */
export function SweepButton() {
  return (
    <button
      type="button"
      className="btn sweep-open"
      onClick={() => sweepStore.setState({ open: true })}
      title="See a policy sweep's results: many runs summarised with their uncertainty"
    >
      📊 Sweep results…
    </button>
  );
}
