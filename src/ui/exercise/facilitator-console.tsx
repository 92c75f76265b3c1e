/**
 * The facilitator console: a drawer beside the map (the map narrows to make room; see app.tsx) with the run controls (start, pause, speed,
 * jump), time travel, open decisions, the master scenario events list, pressure injects, notes
 * and evaluation, side-by-side comparison and the records. Opened from the "Exercise" button.
 */
import { useState, type ReactNode } from 'react';
import { formatClock, HOUR, MINUTE } from '../../sim';
import { pause, play, setSpeed, skipAhead } from '../app/session';
import { SPEEDS } from '../panels/top-bar';
import { uiStore, useUi } from '../store/ui-store';
import { openBriefing } from './briefing-overlay';
import { ComparePanel } from './compare-panel';
import { DecisionCard } from './decision-card';
import { seek, sendCommand, setRehearsal } from './exercise-controller';
import { closeConsole, useExercise } from './exercise-store';
import { useCloseOnEscape } from '../store/escape-stack';
import { MselList, PressureForm } from './msel-list';
import { NotesPanel } from './notes-panel';
import { mirrorId } from './presenter-channel';
import { RecordsPanel } from './records-panel';
import { TimeScrubber } from './time-scrubber';

function openPresenter(): void {
  // The presenter follows this window only (?follow=), whatever other facilitator tabs are open.
  const s = new URLSearchParams({ view: 'presenter', scenario: uiStore.getState().scenarioName, follow: mirrorId() });
  const seed = uiStore.getState().world?.seed;
  if (seed !== undefined) s.set('seed', String(seed));
  window.open(`${window.location.pathname}?${s.toString()}`, 'citytwin-presenter', 'popup,width=1280,height=800');
}

function Section({ title, children, open = true, testId }: { title: string; children: ReactNode; open?: boolean; testId?: string }) {
  return (
    <details className="con-section" open={open} data-testid={testId}>
      <summary>
        <h3>{title}</h3>
      </summary>
      <div className="con-body">{children}</div>
    </details>
  );
}

export function FacilitatorConsole() {
  const playing = useUi((s) => s.playing);
  const speed = useUi((s) => s.speed);
  const clockMs = useUi((s) => s.clockMs);
  const spec = useExercise((s) => s.spec);
  const state = useExercise((s) => s.state);
  const rehearsal = useExercise((s) => s.rehearsal);
  const busy = useExercise((s) => s.busy);
  const [jump, setJump] = useState('');
  const open = (state?.decisions ?? []).filter((d) => d.state !== 'waiting');
  const jumpMs = parseClock(jump);
  useCloseOnEscape(true, closeConsole);
  return (
    <aside className="console" aria-label="Facilitator console" data-testid="facilitator-console">
      <header className="console-head">
        <h2>Facilitator console</h2>
        <span className="mono big-clock" aria-label="Simulated time">
          {formatClock(clockMs)}
        </span>
        <button type="button" className="icon-btn" aria-label="Close the facilitator console" title="Close (Esc)" onClick={closeConsole}>
          ✕
        </button>
      </header>
      <div className="console-run" role="group" aria-label="Run controls">
        <button
          type="button"
          className="btn play"
          onClick={() => (playing ? pause() : play())}
          aria-label={playing ? 'Pause' : 'Play'}
          data-testid="console-play"
          disabled={!!busy}
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <select aria-label="Exercise speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((f) => (
            <option key={f} value={f}>
              {f}×
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={() => skipAhead(15 * MINUTE)} aria-label="Jump ahead 15 simulated minutes" disabled={!!busy}>
          +15 min
        </button>
        <button type="button" className="btn" onClick={() => skipAhead(HOUR)} aria-label="Jump ahead one simulated hour" disabled={!!busy}>
          +1 h
        </button>
        <form
          className="jump"
          onSubmit={(e) => {
            e.preventDefault();
            if (jumpMs !== null) seek(jumpMs);
            setJump('');
          }}
        >
          <input value={jump} onChange={(e) => setJump(e.target.value)} placeholder="hh:mm" aria-label="Jump to a simulated time (hh:mm)" size={6} />
          <button type="submit" className="btn" disabled={jumpMs === null || !!busy} aria-label="Jump to that time">
            Go
          </button>
        </form>
      </div>
      <div className="console-modes" role="group" aria-label="Modes">
        <label className="toggle">
          <input
            type="checkbox"
            checked={rehearsal}
            onChange={(e) => void setRehearsal(e.target.checked)}
            aria-label="Rehearsal mode (not recorded)"
            data-testid="rehearsal"
          />
          Rehearsal
        </label>
        <button type="button" className="btn" onClick={openPresenter} aria-label="Open the presenter view in a new window">
          ↗ Presenter view
        </button>
        <button
          type="button"
          className="btn"
          onClick={openBriefing}
          disabled={!spec || spec.briefing.length === 0}
          aria-label="Start the briefing"
          data-testid="start-briefing"
        >
          ▷ Briefing{spec ? ` (${spec.briefing.length})` : ''}
        </button>
      </div>
      <div className="console-scroll">
        <Section title="Time travel">
          <TimeScrubber />
        </Section>
        {spec && spec.decisions.length > 0 && (
          <Section title={`Decisions (${open.filter((d) => d.state === 'open' || d.state === 'expired').length} awaiting)`} testId="decisions">
            {(state?.decisions ?? [])
              .filter((r) => r.state === 'waiting')
              .map((r) => {
                const d = spec.decisions.find((x) => x.id === r.id);
                if (!d) return null;
                return (
                  <p key={r.id} className="decision-waiting small">
                    <span>
                      {d.title}{' '}
                      <span className="muted">
                        (
                        {d.afterInject
                          ? `opens after “${spec.injects.find((i) => i.id === d.afterInject)?.title ?? d.afterInject}”`
                          : d.afterEvent
                            ? `opens on the first ${d.afterEvent.replace(/[._]+/g, ' ')}`
                            : d.atMs !== null
                              ? `opens at ${formatClock(d.atMs)}`
                              : 'on demand'}
                        )
                      </span>
                    </span>
                    <button
                      type="button"
                      className="btn"
                      disabled={!!busy}
                      onClick={() => sendCommand({ type: 'decision.open', decision: d.id })}
                      aria-label={`Open decision now: ${d.title}`}
                    >
                      Open now
                    </button>
                  </p>
                );
              })}
            {open
              .slice()
              .sort((a, b) => (a.state === 'taken' ? 1 : 0) - (b.state === 'taken' ? 1 : 0))
              .map((r) => {
                const d = spec.decisions.find((x) => x.id === r.id);
                return d ? <DecisionCard key={r.id} spec={d} rec={r} /> : null;
              })}
          </Section>
        )}
        <Section title="Injects (MSEL)" testId="msel">
          <MselList />
          <h4>Pressure inject</h4>
          <PressureForm />
        </Section>
        <Section title="Notes and evaluation" open={false}>
          <NotesPanel />
        </Section>
        <Section title="Compare side by side" open={false} testId="compare">
          <ComparePanel />
        </Section>
        <Section title="Records">
          <RecordsPanel />
        </Section>
      </div>
    </aside>
  );
}

/** "1:30", "01:30" or "90" (minutes) → ms, or null. */
export function parseClock(s: string): number | null {
  const t = s.trim();
  let m = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (m) return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
  m = /^(\d{1,4})$/.exec(t);
  return m ? Number(m[1]) * 60_000 : null;
}
