/**
 * The event log: the latest events in plain language, newest first. Choosing one opens the causal
 * chain that led to it. A filter narrows the log to injects and attacks, or to status changes.
 */
import { useMemo, useState } from 'react';
import { formatClock, type SimEvent } from '../../sim';
import { eventText } from './event-text';
import { askExplain } from '../app/session';
import { useUi } from '../store/ui-store';
import { EventGlyph } from './event-glyph';
import { useHosted } from '../hosted/hosted-store';
import { useExercise } from '../exercise/exercise-store';

type Filter = 'all' | 'status' | 'attacks';
const SHOWN = 150;

const FILTERS: Record<Filter, { label: string; test: (e: SimEvent) => boolean }> = {
  all: { label: 'All events', test: () => true },
  status: { label: 'Status changes', test: (e) => e.type === 'asset.status.changed' },
  attacks: {
    label: 'Injects and attacks',
    test: (e) =>
      e.type === 'inject.applied' ||
      e.type === 'command.applied' ||
      e.type === 'vendor.access.compromised' ||
      e.type === 'asset.compromised' ||
      e.type === 'asset.disabled' ||
      e.type === 'asset.secured' ||
      e.type === 'asset.restored',
  },
};

export function EventLog() {
  const events = useUi((s) => s.events);
  const total = useUi((s) => s.eventTotal);
  const index = useUi((s) => s.index);
  const [filter, setFilter] = useState<Filter>('all');
  // A player's seat at a hosted exercise does not see injects addressed to another seat (a phone call to the water team).
  const playerSeat = useHosted((s) => (s.status !== 'off' && s.role === 'player' ? s.seat : null));
  const injects = useExercise((s) => s.spec?.injects);
  const shown = useMemo(() => {
    const elsewhere = new Set(playerSeat ? (injects ?? []).filter((i) => i.seat !== null && i.seat !== playerSeat).map((i) => i.id) : []);
    const out: SimEvent[] = [];
    for (let i = events.length - 1; i >= 0 && out.length < SHOWN; i--) {
      const e = events[i]!;
      if (e.type === 'inject.applied' && elsewhere.has(e.data.inject)) continue;
      if (FILTERS[filter].test(e)) out.push(e);
    }
    return out;
  }, [events, filter, playerSeat, injects]);

  return (
    <section className="panel event-log" aria-labelledby="log-h">
      <div className="panel-head">
        <h2 id="log-h">
          Event log <span className="count">{total.toLocaleString('en-GB')}</span>
        </h2>
        <select aria-label="Filter the event log" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          {(Object.keys(FILTERS) as Filter[]).map((f) => (
            <option key={f} value={f}>
              {FILTERS[f].label}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <p className="muted">Nothing yet. Press Play, or fire an inject.</p>
      ) : (
        <ol className="log" aria-label="Latest events, newest first" data-testid="event-log">
          {shown.map((e) => (
            <li key={e.id}>
              <button type="button" className="log-row" onClick={() => void askExplain(e)} aria-label={`Explain: ${eventText(e, index)}`}>
                <time className="t">{formatClock(e.tMs)}</time>
                <EventGlyph event={e} />
                <span className="text">{eventText(e, index)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
