/**
 * The presenter view (?view=presenter): for a second screen in the room. Large type, no
 * controls: the map, the clock, the headline KPIs and what the players are facing now (the
 * latest inject, an open decision, or the briefing step). It mirrors one facilitator's window
 * (?follow=, set by the console's button). An error boundary keeps the wall screen up: a map that
 * fails to draw an update says so and tries again with the next one, instead of going blank.
 */
import { Component, Suspense, useEffect, useState, type ReactNode } from 'react';
import { formatClock } from '../../sim';
import './exercise.css';
import { LazyCityScene } from '../app/lazy-scene';
import { formatCompact } from '../panels/format';
import { useUi } from '../store/ui-store';
import type { TwinClient } from '../../worker/client';
import type { FrameMessage } from './mirror-message';
import { followFacilitator } from './presenter-channel';

let last: FrameMessage | null = null;
/** Frames shown so far: a boundary that caught an error tries again once this moves on. */
let shown = 0;
const subs = new Set<() => void>();

export function startPresenter(c: TwinClient, initialKey: string, follow: string | null): void {
  const follower = followFacilitator(c, initialKey, follow, (m) => {
    last = m;
    shown++;
    for (const f of subs) f();
  });
  // window.__twin.presenter: read-only, for end-to-end tests (what it follows, how much it ignored).
  const hooks = (window as unknown as { __twin?: Record<string, unknown> }).__twin;
  if (hooks) hooks.presenter = { leader: () => follower.leader, ignored: () => follower.ignored, shown: () => shown };
}

/** Catches what fails to render; tries again when `resetKey` moves on, at most every two seconds. */
export class PresenterBoundary extends Component<{ resetKey: number; what: string; children: ReactNode }, { error: string | null; at: number }> {
  override state: { error: string | null; at: number } = { error: null, at: 0 };

  static getDerivedStateFromError(e: unknown): { error: string; at: number } {
    return { error: e instanceof Error ? e.message : String(e), at: Date.now() };
  }

  override componentDidUpdate(prev: { resetKey: number }): void {
    if (this.state.error !== null && prev.resetKey !== this.props.resetKey && Date.now() - this.state.at > 2000) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <p className="overlay-note" role="alert" data-testid="presenter-error">
        The {this.props.what} could not show the latest update ({this.state.error.slice(0, 200)}). It tries again with the next one from the facilitator.
      </p>
    );
  }
}

const HEADLINE_KPIS = ['peopleWithoutPower', 'peopleWithoutWater', 'assetsDown', 'assetsCompromised'];

export function PresenterView() {
  // Re-rendered a few times a second as frames arrive, so a boundary that caught an error gets its next try.
  const [, bump] = useState(0);
  useEffect(() => {
    let t: ReturnType<typeof setTimeout> | null = null;
    const f = () => {
      if (!t) t = setTimeout(() => ((t = null), bump((n) => n + 1)), 250);
    };
    subs.add(f);
    return () => void subs.delete(f);
  }, []);
  return (
    <PresenterBoundary resetKey={shown} what="presenter view">
      <PresenterScreen />
    </PresenterBoundary>
  );
}

function PresenterScreen() {
  const phase = useUi((s) => s.phase);
  const world = useUi((s) => s.world);
  const clockMs = useUi((s) => s.clockMs);
  const kpis = useUi((s) => s.kpis);
  const defs = (world?.kpis ?? []).filter((d) => HEADLINE_KPIS.includes(d.id));
  const head = last?.briefing ? { kind: 'briefing', title: last.briefing.title, text: last.briefing.text } : (last?.headline ?? null);
  return (
    <div className="presenter" data-testid="presenter">
      <header className="pres-top">
        <h1 className="pres-title">{world?.scenario.title ?? 'Waiting for the facilitator…'}</h1>
        {last?.rehearsal && <span className="pres-rehearsal">REHEARSAL</span>}
        <time className="pres-clock" data-testid="presenter-clock" aria-label="Simulated time">
          {formatClock(clockMs)}
        </time>
      </header>
      <main className="pres-map" aria-label="City map">
        {phase === 'ready' && world && (
          <PresenterBoundary resetKey={shown} what="map">
            <Suspense fallback={<p className="overlay-note">Preparing the map…</p>}>
              <LazyCityScene />
            </Suspense>
          </PresenterBoundary>
        )}
        {!last && <p className="overlay-note">Open the facilitator's window in this browser: this screen follows it.</p>}
      </main>
      <aside className="pres-side">
        <section className="pres-kpis" aria-label="Headline indicators">
          {defs.map((d) => (
            <div key={d.id} className={`pres-kpi${(kpis[d.id] ?? 0) > 0 ? ' alert' : ''}`}>
              <span className="pres-kpi-value">{kpis[d.id] === null || kpis[d.id] === undefined ? '—' : formatCompact(kpis[d.id]!)}</span>
              <span className="pres-kpi-label">{d.label}</span>
            </div>
          ))}
        </section>
        {head && (
          <section className={`pres-inject ${head.kind}`} aria-live="polite" data-testid="presenter-inject">
            <span className="pres-kind">
              {head.kind === 'decision' ? 'Decision needed' : head.kind === 'pressure' ? 'Breaking' : head.kind === 'briefing' ? 'Briefing' : 'Inject'}
            </span>
            <h2>{head.title}</h2>
            <p>{head.text}</p>
          </section>
        )}
      </aside>
    </div>
  );
}
