/**
 * Shown instead of the city when a scenario cannot be loaded (each problem as "path: message
 * (hint)") or the simulation stopped. Plain text only: no stack traces, no scenario markup. When
 * the simulation stopped, the card offers to go back to before the failure (the session restored,
 * paused, a minute earlier) or to start afresh; the session is kept either way.
 */
import { formatClock } from '../../sim';
import { goBackFromFailure, startAfreshFromFailure } from '../exercise/exercise-controller';
import { useExercise } from '../exercise/exercise-store';
import { beforeFailureMs } from '../exercise/session-slots';
import { openChooser, useUi } from '../store/ui-store';

function FailureCard({ message }: { message: string | null }) {
  const failure = useExercise((s) => s.failure);
  const atMs = failure?.atMs ?? null;
  const ready = failure?.kept ?? false;
  return (
    <>
      <h2>The simulation stopped{atMs !== null && atMs > 0 ? ` at ${formatClock(atMs)}` : atMs === 0 ? ' while the scenario was being built' : ''}</h2>
      <p>{message ?? 'An unexpected error occurred.'}</p>
      {atMs !== null && atMs > 0 ? (
        <p>
          Your session is kept in this browser. Going back restores it to {formatClock(beforeFailureMs(atMs))}, paused, with everything done before then; a
          reload does the same, so it never replays into the failure.
        </p>
      ) : (
        <p>Your session, if it had started, is kept in this browser.</p>
      )}
      <p className="actions">
        {atMs !== null && atMs > 0 && (
          <button type="button" className="btn primary" disabled={!ready} onClick={() => void goBackFromFailure()} data-testid="failure-go-back">
            ↶ Go back to before the failure ({formatClock(beforeFailureMs(atMs))})
          </button>
        )}
        <button
          type="button"
          className="btn"
          disabled={failure !== null && !ready}
          onClick={() => void startAfreshFromFailure()}
          data-testid="failure-start-afresh"
        >
          Start afresh
        </button>
        {atMs === 0 && <a href="?scenario=default">Open the default scenario instead</a>}
      </p>
      <p className="hint">If it stops again at the same moment, note what was done just before it and report it.</p>
    </>
  );
}

export function ErrorPanel() {
  const phase = useUi((s) => s.phase);
  const issues = useUi((s) => s.issues);
  const fatal = useUi((s) => s.fatal);
  const name = useUi((s) => s.scenarioName);
  return (
    <div className="error-card" role="alert" data-testid="load-error">
      {phase === 'load-error' ? (
        <>
          <h2>The scenario “{name}” could not be loaded</h2>
          <p>{issues.length === 1 ? 'There is one problem' : `There are ${issues.length} problems`} to fix before the city can be built:</p>
          <ul className="issues">
            {issues.slice(0, 50).map((i, k) => (
              <li key={k}>
                <code>{i.path}</code>: {i.message}
                {i.hint && <span className="hint"> ({i.hint})</span>}
              </li>
            ))}
            {issues.length > 50 && <li>… and {issues.length - 50} more</li>}
          </ul>
          <p className="actions">
            <button type="button" className="btn primary" onClick={openChooser}>
              Choose another scenario…
            </button>
            <a href="?scenario=default">Open the default scenario instead</a>
          </p>
        </>
      ) : (
        <FailureCard message={fatal} />
      )}
    </div>
  );
}
