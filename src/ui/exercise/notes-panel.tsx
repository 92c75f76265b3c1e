/**
 * Notes and evaluation: free notes for the record (in the command log, so they replay and go in
 * the report), the evaluator marks made on expected actions, and the score against the objectives.
 */
import { useState } from 'react';
import { formatClock } from '../../sim';
import { useUi } from '../store/ui-store';
import { addNote } from './exercise-controller';
import { exerciseStore, useExercise } from './exercise-store';

/** One empty list, so the selector gives the same value before a world is loaded (a new [] each time would re-render forever). */
const NO_OBJECTIVES: readonly string[] = [];

export function NotesPanel() {
  const state = useExercise((s) => s.state);
  const facilitator = useExercise((s) => s.facilitator);
  const [text, setText] = useState('');
  const score = state?.evaluation.score;
  const objectives = useUi((s) => s.world?.scenario.objectives ?? NO_OBJECTIVES);
  return (
    <div className="notes">
      {objectives.length > 0 && (
        <div>
          <h4>Objectives</h4>
          <ul className="objectives">
            {objectives.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="score" data-testid="score">
        Score against expected actions:{' '}
        <strong>{score === null || score === undefined ? '— (no expected action due yet)' : `${Math.round(score * 100)}%`}</strong>
        {state && (
          <span className="muted small">
            {' '}
            · {state.evaluation.results.filter((r) => r.met).length} of {state.evaluation.results.filter((r) => r.how !== 'inject not fired').length} met
          </span>
        )}
      </p>
      <label className="who">
        <span>At the console</span>
        <input
          value={facilitator}
          onChange={(e) => exerciseStore.setState({ facilitator: e.target.value })}
          placeholder="Your name or role"
          aria-label="Facilitator or evaluator name"
          maxLength={80}
        />
      </label>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          addNote(text.trim(), facilitator);
          setText('');
        }}
      >
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={2}
          placeholder="Observation for the after-action report"
          aria-label="Note text"
          maxLength={2000}
        />
        <button type="submit" className="btn" disabled={!text.trim()}>
          ✎ Add note
        </button>
      </form>
      {state && state.notes.length > 0 && (
        <ul className="note-list" aria-label="Notes so far">
          {state.notes
            .slice()
            .reverse()
            .map((n, i) => (
              <li key={i} className={n.kind}>
                <span className="mono">{formatClock(n.tMs)}</span> {n.kind === 'evaluation' ? (n.met ? '✓ ' : '✗ ') : ''}
                {n.text}
                {n.author ? <span className="muted"> — {n.author}</span> : null}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
