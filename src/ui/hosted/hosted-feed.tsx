/**
 * What a seat at a hosted exercise is told as it happens: the latest inject meant for it (an inject
 * addressed to one seat shows only there; the facilitator and observers see each, marked with its
 * seat), and the latest decision — waiting for whom, or what was chosen, by whom and why.
 */
import { useState } from 'react';
import { formatClock } from '../../sim';
import { useExercise } from '../exercise/exercise-store';
import { useHosted } from './hosted-store';

export function HostedFeed() {
  const spec = useExercise((s) => s.spec);
  const state = useExercise((s) => s.state);
  const seat = useHosted((s) => s.seat);
  const role = useHosted((s) => s.role);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!spec || !state) return null;
  const titleOf = (id: string | null) => spec.seats.find((s) => s.id === id)?.title ?? 'the facilitator';
  const seesAll = role === 'facilitator' || role === 'observer';
  let inject: { id: string; title: string; description: string; seat: string | null; atMs: number } | null = null;
  for (const r of state.injects) {
    const i = spec.injects.find((x) => x.id === r.id);
    if (!i || r.state !== 'fired' || r.firedAtMs === null) continue;
    if (!seesAll && i.seat !== null && i.seat !== seat) continue;
    if (!inject || r.firedAtMs >= inject.atMs) inject = { id: i.id, title: i.title, description: i.description, seat: i.seat, atMs: r.firedAtMs };
  }
  const recs = state.decisions.filter((d) => d.state !== 'waiting');
  const rec = recs.reduce<(typeof recs)[number] | null>((a, d) => (!a || (d.takenMs ?? d.openedMs ?? 0) >= (a.takenMs ?? a.openedMs ?? 0) ? d : a), null);
  const dspec = rec ? spec.decisions.find((d) => d.id === rec.id) : undefined;
  const owner = dspec ? (dspec.seat ?? spec.seats.find((s) => s.role === 'facilitator')?.id ?? null) : null;
  return (
    <div className="hosted-feed">
      {inject && dismissed !== inject.id && (
        <p className="hosted-inject" data-testid="hosted-inject">
          ⚡ {formatClock(inject.atMs)} <strong>{inject.title}</strong>
          {inject.seat && seesAll ? ` (for ${titleOf(inject.seat)} only)` : ''}
          {inject.description ? ` — ${inject.description}` : ''}{' '}
          <button type="button" className="link-btn" onClick={() => setDismissed(inject!.id)} aria-label={`Dismiss the inject ${inject.title}`}>
            OK
          </button>
        </p>
      )}
      {rec && dspec && (
        <p className="hosted-decision" data-testid="hosted-decision">
          {rec.state === 'taken' ? (
            <>
              ✓ {formatClock(rec.takenMs ?? 0)} <strong>{rec.by ?? titleOf(owner)}</strong> chose “
              {dspec.options.find((o) => o.id === rec.option)?.label ?? rec.option}” for “{dspec.title}”{rec.rationale ? `: ${rec.rationale}` : ''}
            </>
          ) : (
            <>
              ⏳ “{dspec.title}” — {owner === seat ? 'yours to decide' : `waiting for ${titleOf(owner)}`}
            </>
          )}
        </p>
      )}
    </div>
  );
}
