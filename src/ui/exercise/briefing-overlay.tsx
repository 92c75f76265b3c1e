/**
 * Briefing mode: the scenario's narrated steps for a non-technical audience, one at a time, moved
 * with ←/→ or Space. Each step can turn the camera to an asset or a point, set the layers shown
 * and move the run to a moment. The text is shown as text.
 */
import { useEffect } from 'react';
import { formatClock } from '../../sim';
import { sceneHandle } from '../store/scene-handle';
import { DEFAULT_LAYERS, uiStore, type LayerId } from '../store/ui-store';
import { seek } from './exercise-controller';
import { closeConsole, exerciseStore, useExercise } from './exercise-store';
import { openShippedSweep } from '../sweep/sweep-store';

export function openBriefing(): void {
  // The briefing is for the room: the console steps aside.
  closeConsole();
  exerciseStore.setState({ briefing: { step: 0 } });
  applyStep(0);
}

export function closeBriefing(): void {
  exerciseStore.setState({ briefing: null });
  uiStore.setState({ layers: DEFAULT_LAYERS });
}

function go(delta: number): void {
  const { briefing, spec } = exerciseStore.getState();
  if (!briefing || !spec) return;
  const next = Math.max(0, Math.min(spec.briefing.length - 1, briefing.step + delta));
  if (next === briefing.step) return;
  exerciseStore.setState({ briefing: { step: next } });
  applyStep(next);
}

function applyStep(i: number): void {
  const step = exerciseStore.getState().spec?.briefing[i];
  const ui = uiStore.getState();
  if (!step || !ui.index) return;
  if (step.layers) {
    const on = new Set(step.layers);
    const layers = { ...DEFAULT_LAYERS };
    for (const k of Object.keys(layers) as LayerId[]) layers[k] = on.has(k) || (k === 'power-network' && on.has('power'));
    uiStore.setState({ layers });
  }
  const h = sceneHandle.current;
  if (h && step.focus) {
    if ('asset' in step.focus) {
      const idx = ui.index.assetIndex.get(step.focus.asset);
      if (idx !== undefined) h.focusAsset(idx);
    } else if (step.focus.distanceM >= 2500) h.resetView();
    else {
      // No point-focus in the scene handle: centre on the asset nearest the point instead.
      const [px, pz] = step.focus.point;
      let best = -1;
      let bestD = Infinity;
      ui.index.view.assets.forEach((a, k) => {
        const d = (a.position[0] - px) ** 2 + (a.position[1] - pz) ** 2;
        if (d < bestD) ((bestD = d), (best = k));
      });
      if (best >= 0) h.focusAsset(best);
    }
  }
  if (step.atMs !== null && Math.abs(step.atMs - ui.clockMs) >= 1000) seek(step.atMs);
}

/** One empty list, so the selector gives the same value while no exercise is loaded (a new [] each time would re-render forever). */
const NO_STEPS: readonly never[] = [];

export function BriefingOverlay() {
  const briefing = useExercise((s) => s.briefing);
  const steps = useExercise((s) => s.spec?.briefing ?? NO_STEPS);
  const busy = useExercise((s) => s.busy);
  useEffect(() => {
    if (!briefing) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
      if (e.key === 'ArrowRight' || e.key === ' ' || e.key === 'PageDown') {
        e.preventDefault();
        e.stopPropagation();
        go(1);
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        e.preventDefault();
        e.stopPropagation();
        go(-1);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        closeBriefing();
      }
    };
    // Capture, so the map's arrow-key panning does not take these keys while briefing.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [briefing !== null]);
  if (!briefing) return null;
  const step = steps[briefing.step];
  if (!step) return null;
  return (
    <section className="briefing" aria-label="Briefing" aria-live="polite" data-testid="briefing">
      <div className="briefing-count">
        Briefing · step {briefing.step + 1} of {steps.length}
        {step.atMs !== null && <span className="mono"> · {formatClock(step.atMs)}</span>}
        {busy && <span className="muted"> · moving the run…</span>}
      </div>
      <h2 className="briefing-title">{step.title}</h2>
      <p className="briefing-text">{step.text}</p>
      {step.sweep && (
        <p>
          <button
            type="button"
            className="btn primary"
            onClick={() => void openShippedSweep(step.sweep!.results, step.sweep!.figure)}
            data-testid="briefing-sweep"
          >
            📊 Show what the policy sweep found
          </button>
        </p>
      )}
      <div className="briefing-nav">
        <button type="button" className="btn" onClick={() => go(-1)} disabled={briefing.step === 0} aria-label="Previous briefing step">
          ← Back
        </button>
        <span className="muted small">← → or Space · Esc to leave</span>
        <button type="button" className="btn primary" onClick={() => go(1)} disabled={briefing.step >= steps.length - 1} aria-label="Next briefing step">
          Next →
        </button>
        <button type="button" className="btn" onClick={closeBriefing} aria-label="Leave the briefing">
          ✕
        </button>
      </div>
    </section>
  );
}
