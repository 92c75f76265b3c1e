/**
 * The top bar: what is loaded, the run controls (Play/Pause, speed, skip ahead), the simulated
 * clock, and the injects a facilitator can fire — the scenario's first inject gets the prominent
 * button, named by its title, the others are in a list beside it.
 */
import { useState } from 'react';
import { formatClock, HOUR } from '../../sim';
import { fireInject, pause, play, setSpeed, skipAhead } from '../app/session';
import { openChooser, useUi } from '../store/ui-store';

export const SPEEDS = [1, 10, 60, 300, 900, 3600] as const;

function speedLabel(f: number): string {
  if (f < 60) return `${f}× · ${f} s/s`;
  if (f < 3600) return `${f}× · ${f / 60} min/s`;
  return `${f}× · ${f / 3600} h/s`;
}

export function TopBar() {
  const world = useUi((s) => s.world);
  const phase = useUi((s) => s.phase);
  const playing = useUi((s) => s.playing);
  const speed = useUi((s) => s.speed);
  const clockMs = useUi((s) => s.clockMs);
  const achieved = useUi((s) => s.achievedSpeed);
  const fired = useUi((s) => s.firedInjects);
  const ready = phase === 'ready';
  const injects = world?.injects ?? [];
  // The first inject is the scenario's headline event; a facilitator can fire it before its time.
  const main = injects[0];
  const others = injects.filter((i) => i !== main);
  const [other, setOther] = useState('');
  const otherId = other || others[0]?.id || '';
  const lagging = playing && achieved > 0 && achieved / 1000 < speed * 0.8;

  return (
    <header className="top-bar">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          ⬢
        </span>
        {/* The page's one top-level heading (screen readers jump to it); styled as the product name it is. */}
        <h1 className="product">citytwin</h1>
        {/* The title is also the way to the scenario chooser: what is open, and "choose another". */}
        <button
          type="button"
          className="scenario-title"
          title={world ? `${world.scenario.summary}\n\nChoose another scenario, or open your own` : 'Choose a scenario, or open your own'}
          onClick={openChooser}
          aria-haspopup="dialog"
          data-testid="open-chooser"
        >
          <span className="sr-only">Scenarios… Now open: </span>
          <span className="title-text">{world ? world.scenario.title : phase === 'loading' ? 'Loading scenario…' : 'No scenario loaded'}</span>
          <span className="chooser-caret" aria-hidden="true">
            ▾
          </span>
        </button>
      </div>

      <div className="run-controls" role="group" aria-label="Simulation controls">
        <button
          type="button"
          className="btn play"
          disabled={!ready}
          onClick={() => (playing ? pause() : play())}
          aria-label={playing ? 'Pause' : 'Play'}
          title={playing ? 'Pause: stop the simulated clock' : 'Play: run the simulated clock at the chosen speed'}
          data-testid="run-button"
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <label className="speed">
          <span className="sr-only">Simulation speed</span>
          <select aria-label="Simulation speed" value={speed} disabled={!ready} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((f) => (
              <option key={f} value={f}>
                {speedLabel(f)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" disabled={!ready} onClick={() => skipAhead(HOUR)} aria-label="Skip ahead one simulated hour">
          +1 h
        </button>
        <div className="clock" aria-live="off">
          <span className="clock-label">Sim time</span>
          <time data-testid="sim-clock" aria-label="Simulated time">
            {formatClock(clockMs)}
          </time>
          {lagging && (
            <span className="lag" title="The computer cannot keep up with this speed">
              running at {Math.round(achieved / 1000)}×
            </span>
          )}
          {!playing && world && clockMs >= world.scenario.durationMs && <span className="lag">end of scenario · Play continues</span>}
        </div>
      </div>

      <div className="inject-controls" role="group" aria-label="Injects">
        {main && (
          <button
            type="button"
            className="btn fire"
            disabled={!ready || fired.includes(main.id)}
            onClick={() => fireInject(main.id)}
            aria-label={`Fire inject: ${main.title}`}
            title={main.description}
            data-testid="fire-main-inject"
          >
            <span className="fire-main">
              {fired.includes(main.id) ? '✓ Fired' : '⚡ Fire now'}
              {main.atMs !== null && !fired.includes(main.id) ? ` · due ${formatClock(main.atMs)}` : ''}
            </span>
            <span className="fire-title">{main.title}</span>
          </button>
        )}
        {others.length > 0 && (
          <>
            <select aria-label="Other injects" value={otherId} onChange={(e) => setOther(e.target.value)} disabled={!ready}>
              {others.map((i) => (
                <option key={i.id} value={i.id}>
                  {fired.includes(i.id) ? '✓ ' : ''}
                  {i.title}
                  {i.atMs !== null ? ` (scheduled ${formatClock(i.atMs)})` : ''}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn"
              disabled={!ready || !otherId || fired.includes(otherId)}
              onClick={() => fireInject(otherId)}
              aria-label="Fire the selected inject now"
            >
              Fire
            </button>
          </>
        )}
      </div>
    </header>
  );
}
