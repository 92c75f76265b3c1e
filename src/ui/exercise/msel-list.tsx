/**
 * The master scenario events list: each inject with its time, ATT&CK id, status, the text read
 * out to players, what it does and the actions expected of players (with the evaluator's marks),
 * and Fire / Hold / Release / Skip. Below it, a form for an unscheduled "pressure" inject.
 */
import { useState } from 'react';
import { formatClock } from '../../sim';
import { fireInject, holdInject, markExpected, pressureInject, releaseInject, skipInject } from './exercise-controller';
import { useExercise } from './exercise-store';
import { useUi } from '../store/ui-store';
import { namesInText } from '../panels/event-text';

const STATE_LABEL = { pending: '○ pending', held: '❚❚ held', fired: '● fired', skipped: '⤼ skipped' } as const;

export function MselList() {
  const spec = useExercise((s) => s.spec);
  const state = useExercise((s) => s.state);
  const busy = useExercise((s) => s.busy);
  const facilitator = useExercise((s) => s.facilitator);
  const index = useUi((s) => s.index);
  if (!spec) return null;
  if (spec.injects.length === 0) return <p className="muted">This scenario has no injects.</p>;
  const results = state?.evaluation.results ?? [];
  return (
    <ol className="msel" aria-label="Master scenario events list">
      {spec.injects.map((inj) => {
        const st = state?.injects.find((i) => i.id === inj.id);
        const s = st?.state ?? 'pending';
        const done = s === 'fired' || s === 'skipped';
        return (
          <li key={inj.id} className={`msel-item ${s}`} data-testid={`inject-${inj.id}`} data-state={s}>
            <div className="msel-head">
              <span className="msel-time mono">{inj.atMs !== null ? formatClock(inj.atMs) : 'on demand'}</span>
              {inj.attack && (
                <span className="badge attack" title="MITRE ATT&CK for ICS technique">
                  {inj.attack}
                </span>
              )}
              <span className={`msel-state ${s}`}>
                {STATE_LABEL[s]}
                {st?.firedAtMs != null ? ` ${formatClock(st.firedAtMs)}` : ''}
              </span>
            </div>
            <p className="msel-title">{inj.title}</p>
            <details>
              <summary>Read-out and effects</summary>
              <p className="msel-text">{inj.description}</p>
              <ul className="msel-effects">
                {inj.effects.map((e, i) => (
                  <li key={i}>{namesInText(e, index)}</li>
                ))}
              </ul>
            </details>
            {inj.expected.length > 0 && (
              <ul className="expected" aria-label="Actions expected of players">
                {inj.expected.map((x) => {
                  const r = results.find((q) => q.inject === inj.id && q.action === x.id);
                  const mark = r && r.how !== 'inject not fired' ? (r.met ? '✓' : '✗') : '·';
                  return (
                    <li key={x.id} className={r?.met ? 'met' : ''}>
                      <span className="exp-mark" aria-hidden="true">
                        {mark}
                      </span>
                      <span className="exp-text">
                        {x.description}
                        <span className="muted small">
                          {' '}
                          within {Math.round(x.withinMs / 60000)} min{x.command ? ` · counts: ${x.command}` : ' · evaluator marks'}
                          {r ? ` · ${r.how}${r.afterS !== null ? ` after ${Math.round(r.afterS / 60)} min` : ''}` : ''}
                        </span>
                      </span>
                      {s === 'fired' && (
                        <span className="exp-btns">
                          <button
                            type="button"
                            className="icon-btn ok"
                            aria-label={`Mark met: ${x.description}`}
                            onClick={() => markExpected(inj.id, x.id, true, facilitator)}
                          >
                            ✓
                          </button>
                          <button
                            type="button"
                            className="icon-btn no"
                            aria-label={`Mark not met: ${x.description}`}
                            onClick={() => markExpected(inj.id, x.id, false, facilitator)}
                          >
                            ✗
                          </button>
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            <div className="msel-btns">
              <button type="button" className="btn fire-sm" disabled={done || !!busy} onClick={() => fireInject(inj.id)} aria-label={`Fire now: ${inj.title}`}>
                ⚡ Fire
              </button>
              {s === 'held' ? (
                <button type="button" className="btn" disabled={!!busy} onClick={() => releaseInject(inj.id)} aria-label={`Release: ${inj.title}`}>
                  ▶ Release
                </button>
              ) : (
                <button
                  type="button"
                  className="btn"
                  disabled={s !== 'pending' || inj.atMs === null || !!busy}
                  onClick={() => holdInject(inj.id)}
                  aria-label={`Hold: ${inj.title}`}
                >
                  ❚❚ Hold
                </button>
              )}
              <button type="button" className="btn" disabled={done || !!busy} onClick={() => skipInject(inj.id)} aria-label={`Skip: ${inj.title}`}>
                ⤼ Skip
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export function PressureForm() {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  return (
    <form
      className="pressure-form"
      aria-label="Pressure inject"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) return;
        pressureInject(title.trim(), text.trim());
        setTitle('');
        setText('');
      }}
    >
      <input
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder="e.g. A journalist calls about the outage"
        aria-label="Pressure inject headline"
        maxLength={160}
      />
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={2}
        placeholder="What the players are told (optional)"
        aria-label="Pressure inject text"
        maxLength={1000}
      />
      <button type="submit" className="btn" disabled={!title.trim()}>
        ⚑ Fire pressure inject
      </button>
    </form>
  );
}
