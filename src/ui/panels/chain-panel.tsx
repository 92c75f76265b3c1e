/**
 * A causal chain rendered as numbered steps with their simulated times, oldest first, from the
 * root cause (usually an inject) to the effect asked about. Each step names its asset, which can
 * be opened in the inspector.
 */
import { useEffect, useRef, useState } from 'react';
import { formatClock, type SimEvent } from '../../sim';
import { eventText } from './event-text';
import type { WorldIndex } from '../store/world-index';
import { closeChain, selectAsset, useUi } from '../store/ui-store';
import { EventGlyph } from './event-glyph';
import { useCloseOnEscape } from '../store/escape-stack';

const SHOWN_STEPS = 40;

function Step({ e, isRoot, index }: { e: SimEvent; isRoot: boolean; index: WorldIndex | null }) {
  const nameOf = index?.nameOf ?? ((id: string) => id);
  return (
    <li className={isRoot ? 'chain-step root' : 'chain-step'}>
      <time className="t">{formatClock(e.tMs)}</time>
      <EventGlyph event={e} />
      <span className="text">
        {isRoot && <strong className="root-label">Root cause: </strong>}
        {eventText(e, index)}
      </span>
      {e.source && (
        <button type="button" className="link-btn small" onClick={() => selectAsset(e.source)} aria-label={`Inspect ${nameOf(e.source)}`}>
          inspect
        </button>
      )}
    </li>
  );
}

export function ChainPanel() {
  const chain = useUi((s) => s.chain);
  const index = useUi((s) => s.index);
  const [all, setAll] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const title = chain?.title;
  useCloseOnEscape(chain !== null, closeChain);
  // A newly opened chain is the answer the user asked for: bring it into view and move focus there.
  useEffect(() => {
    if (!title || !heading.current) return;
    setAll(false);
    // At once, not smoothly: a smooth scroll over a long inspector starts late on a slow machine and
    // is cut short by the next one, leaving the answer out of view.
    heading.current.scrollIntoView({ block: 'start' });
    heading.current.focus({ preventScroll: true });
  }, [title]);
  // Once the steps have arrived, again: the inspector above may have grown meanwhile and pushed the heading out of view.
  const loaded = chain !== null && !chain.loading;
  useEffect(() => {
    if (loaded && heading.current) heading.current.scrollIntoView({ block: 'start' });
  }, [loaded, title]);
  if (!chain) return null;
  const events = chain.chain?.chain ?? [];
  const roots = new Set((chain.chain?.roots ?? []).map((r) => r.id));
  // Long chains keep the root causes and the latest steps; the middle can be expanded.
  const hidden = all ? 0 : Math.max(0, events.length - SHOWN_STEPS);
  const shown = hidden > 0 ? [...events.filter((e, i) => roots.has(e.id) && i < hidden), ...events.slice(hidden)] : events;
  return (
    <section className="panel chain" aria-labelledby="chain-h" data-testid="chain-panel">
      <div className="panel-head">
        <h2 id="chain-h" ref={heading} tabIndex={-1}>
          {chain.title}
        </h2>
        <button type="button" className="icon-btn" onClick={closeChain} aria-label="Close causal chain" title="Close (Esc)">
          ✕
        </button>
      </div>
      {chain.loading && <p role="status">Tracing causes…</p>}
      {chain.error && <p className="error-text">{chain.error}</p>}
      {!chain.loading && !chain.error && events.length === 0 && (
        <p className="muted">Nothing has changed this asset's state yet: it is as the scenario started it.</p>
      )}
      {events.length > 0 && (
        <>
          <p className="muted small">
            {events.length} step{events.length === 1 ? '' : 's'}, oldest first. Each step was caused by the ones above it.
          </p>
          <ol className="chain-steps">
            {shown.map((e) => (
              <Step key={e.id} e={e} isRoot={roots.has(e.id)} index={index} />
            ))}
          </ol>
          {hidden > 0 && (
            <button type="button" className="link-btn" onClick={() => setAll(true)}>
              Show all {events.length} steps ({hidden} hidden)
            </button>
          )}
        </>
      )}
    </section>
  );
}
