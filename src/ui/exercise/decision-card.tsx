/**
 * A decision point put to the players: the prompt, the options (the recommended one marked, what
 * each does), the time left of its budget in simulated time, and who decided and why.
 */
import { useState } from 'react';
import { formatClock } from '../../sim';
import type { ExerciseSpec, ExerciseState } from '../../worker/exercise-protocol';
import { useUi } from '../store/ui-store';
import { namesInText } from '../panels/event-text';
import { takeDecision } from './exercise-controller';
import { useExercise } from './exercise-store';
import { useHosted } from '../hosted/hosted-store';

type Spec = ExerciseSpec['decisions'][number];
type Rec = ExerciseState['decisions'][number];

export function DecisionCard({ spec, rec, floating = false, onFold }: { spec: Spec; rec: Rec; floating?: boolean; onFold?: () => void }) {
  const clockMs = useUi((s) => s.clockMs);
  const index = useUi((s) => s.index);
  const facilitator = useExercise((s) => s.facilitator);
  const [option, setOption] = useState(spec.options.find((o) => o.recommended)?.id ?? spec.options[0]?.id ?? '');
  const [by, setBy] = useState('');
  const [why, setWhy] = useState('');
  const left = rec.openedMs !== null ? rec.openedMs + spec.budgetMs - clockMs : spec.budgetMs;
  const expired = rec.state === 'expired' || left <= 0;
  const taken = rec.state === 'taken';
  const chosen = spec.options.find((o) => o.id === rec.option);
  const idBase = `dec-${spec.id}${floating ? '-f' : ''}`;
  // At a hosted exercise only the seat the decision is addressed to takes it (the facilitator's when none is); the others watch.
  const seats = useExercise((s) => s.spec?.seats);
  const hostedSeat = useHosted((s) => (s.status !== 'off' ? s.seat : null));
  const owner = spec.seat ?? seats?.find((x) => x.role === 'facilitator')?.id ?? null;
  const ownerTitle = seats?.find((x) => x.id === owner)?.title ?? 'the facilitator';
  const mine = hostedSeat === null || hostedSeat === owner;
  return (
    <section
      className={`decision-card${floating ? ' floating' : ''}${expired && !taken ? ' expired' : ''}`}
      aria-label={`Decision: ${spec.title}`}
      data-testid={`decision-${spec.id}`}
    >
      <header className="decision-head">
        <span className="decision-kind">Decision point</span>
        {!taken && (
          <span className={`decision-budget${left < spec.budgetMs / 3 ? ' low' : ''}`} role="timer" aria-label="Time left to decide">
            {expired ? 'Time budget spent: decide late' : `${formatClock(Math.max(0, left))} left to decide`}
          </span>
        )}
        {onFold && (
          <button
            type="button"
            className="icon-btn"
            onClick={onFold}
            aria-label="Fold the decision into a badge"
            title="Fold (Esc)"
            data-testid="decision-fold"
          >
            ▾
          </button>
        )}
      </header>
      <h3 className="decision-title">{spec.title}</h3>
      <p className="decision-prompt">{spec.prompt}</p>
      {taken ? (
        <p className="decision-taken" data-testid="decision-taken">
          ✓ Decided at {formatClock(rec.takenMs ?? 0)}: <strong>{chosen?.label ?? rec.option}</strong>
          {rec.by ? ` — by ${rec.by}` : ''}
          {rec.rationale ? <span className="decision-why">“{rec.rationale}”</span> : null}
        </p>
      ) : !mine ? (
        <p className="decision-waiting" data-testid="decision-waiting">
          For {ownerTitle} to decide: {spec.options.map((o) => o.label).join(' · ')}. Their choice will show here.
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (option) takeDecision(spec.id, option, by || facilitator, why);
          }}
        >
          <fieldset>
            <legend className="sr-only">Options</legend>
            {spec.options.map((o) => (
              <label key={o.id} className={`decision-option${option === o.id ? ' chosen' : ''}`}>
                <input type="radio" name={idBase} value={o.id} checked={option === o.id} onChange={() => setOption(o.id)} />
                <span>
                  <span className="option-label">{o.label}</span>
                  {o.recommended && <span className="badge rec">★ recommended</span>}
                  <span className="option-effects">{o.effects.length ? o.effects.map((e) => namesInText(e, index)).join(' · ') : 'no action'}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="decision-inputs">
            <label hidden={hostedSeat !== null}>
              <span>Decided by</span>
              <input
                value={by}
                onChange={(e) => setBy(e.target.value)}
                placeholder={facilitator || 'e.g. Incident commander'}
                aria-label="Decided by"
                maxLength={80}
              />
            </label>
            <label>
              <span>Rationale</span>
              <textarea value={why} onChange={(e) => setWhy(e.target.value)} rows={2} aria-label="Rationale" maxLength={600} placeholder="Why this option?" />
            </label>
          </div>
          <button type="submit" className="btn primary" disabled={!option} aria-label={`Take decision: ${spec.title}`}>
            Take decision
          </button>
        </form>
      )}
    </section>
  );
}
