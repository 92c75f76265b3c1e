/**
 * The time scrubber: a slider over the run so far (to its furthest point), with the injects and
 * decisions marked on it. Moving it replays the run to that moment; Branch keeps the command log
 * up to there and goes on from it, a what-if.
 */
import { useEffect, useState } from 'react';
import { formatClock } from '../../sim';
import { live } from '../store/live';
import { useUi } from '../store/ui-store';
import { branch, cancelBusy, seek } from './exercise-controller';
import { useExercise } from './exercise-store';

export function TimeScrubber() {
  const clockMs = useUi((s) => s.clockMs);
  const state = useExercise((s) => s.state);
  const busy = useExercise((s) => s.busy);
  const head = Math.max(state?.headMs ?? 0, clockMs, 60_000);
  const [drag, setDrag] = useState<number | null>(null);
  const shown = drag ?? clockMs;
  useEffect(() => {
    if (!busy) setDrag(null);
  }, [busy]);
  const commit = (v: number) => {
    if (Math.abs(v - clockMs) >= 1000) seek(v);
  };
  return (
    <div className="scrubber" role="group" aria-label="Time travel">
      <div className="scrub-track">
        <input
          type="range"
          min={0}
          max={head}
          step={30_000}
          value={Math.min(shown, head)}
          aria-label="Run time: drag to go back to any moment"
          aria-valuetext={formatClock(shown)}
          data-testid="time-scrubber"
          disabled={!!busy}
          onChange={(e) => setDrag(Number(e.target.value))}
          onPointerUp={(e) => commit(Number((e.target as HTMLInputElement).value))}
          onKeyUp={(e) => {
            if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End' || e.key.startsWith('Page'))
              commit(Number((e.target as HTMLInputElement).value));
          }}
        />
        <div className="scrub-marks" aria-hidden="true">
          {(state?.markers ?? []).map((m, i) => (
            <span
              key={i}
              className={`scrub-mark ${m.kind}`}
              style={{ left: `${(Math.min(m.tMs, head) / head) * 100}%` }}
              title={`${formatClock(m.tMs)} ${m.label}`}
            />
          ))}
        </div>
      </div>
      <div className="scrub-row">
        <span className="mono">{formatClock(shown)}</span>
        <span className="muted small">of {formatClock(head)} run</span>
        {state && state.futureCommands > 0 && <span className="badge past">viewing the past · {state.futureCommands} later command(s) replay on Play</span>}
        <span className="spacer" />
        <button
          type="button"
          className="btn"
          onClick={() => seek(state?.headMs ?? clockMs)}
          disabled={!!busy || clockMs >= head - 1000}
          aria-label="Jump to the latest moment of the run"
        >
          ⇥ Latest
        </button>
        <button
          type="button"
          className="btn"
          data-testid="branch"
          disabled={!!busy}
          // The store's clock is refreshed a few times a second; branch from where the run really is.
          onClick={() => branch(drag ?? live.snapshot?.tMs ?? clockMs)}
          aria-label={`Branch from ${formatClock(drag ?? clockMs)}: keep what happened up to here and try something else`}
          title="Keep the command log up to this moment and continue from here (a what-if)"
        >
          ↳ Branch here
        </button>
      </div>
      {busy && (
        <p className="busy" role="status" data-testid="busy">
          {busy.label} ({formatClock(busy.targetMs)})…{' '}
          <button type="button" className="btn" onClick={cancelBusy} aria-label="Cancel: stop where the run has got to">
            Cancel
          </button>
        </p>
      )}
    </div>
  );
}
