/**
 * The presenter view (?view=presenter): for a second screen in the room. Large type, no
 * controls: the map, the clock, the headline KPIs and what the players are facing now (the
 * latest inject, an open decision, or the briefing step). It mirrors the facilitator's window.
 */
import { Suspense, useEffect, useState } from 'react';
import { formatClock } from '../../sim';
import './exercise.css';
import { LazyCityScene } from '../app/lazy-scene';
import { formatCompact } from '../panels/format';
import { useUi } from '../store/ui-store';
import type { TwinClient } from '../../worker/client';
import { followFacilitator, type MirrorMessage } from './presenter-channel';

type Frame = Extract<MirrorMessage, { type: 'frame' }>;
let last: Frame | null = null;
const subs = new Set<() => void>();

export function startPresenter(c: TwinClient, initialKey: string): void {
  followFacilitator(c, initialKey, (m) => {
    last = m;
    for (const f of subs) f();
  });
}

const HEADLINE_KPIS = ['peopleWithoutPower', 'peopleWithoutWater', 'assetsDown', 'assetsCompromised'];

export function PresenterView() {
  const [, bump] = useState(0);
  useEffect(() => {
    let t: ReturnType<typeof setTimeout> | null = null;
    const f = () => {
      if (!t) t = setTimeout(() => ((t = null), bump((n) => n + 1)), 250);
    };
    subs.add(f);
    return () => void subs.delete(f);
  }, []);
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
          <Suspense fallback={<p className="overlay-note">Preparing the map…</p>}>
            <LazyCityScene />
          </Suspense>
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
            <span className="pres-kind">{head.kind === 'decision' ? 'Decision needed' : head.kind === 'pressure' ? 'Breaking' : head.kind === 'briefing' ? 'Briefing' : 'Inject'}</span>
            <h2>{head.title}</h2>
            <p>{head.text}</p>
          </section>
        )}
      </aside>
    </div>
  );
}
