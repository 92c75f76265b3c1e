/**
 * Shown instead of the city when a scenario cannot be loaded (each problem as "path: message
 * (hint)") or the simulation stopped. Plain text only: no stack traces, no scenario markup.
 */
import { useUi } from '../store/ui-store';

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
          <p>
            {issues.length === 1 ? 'There is one problem' : `There are ${issues.length} problems`} to fix before the city can be built:
          </p>
          <ul className="issues">
            {issues.slice(0, 50).map((i, k) => (
              <li key={k}>
                <code>{i.path}</code>: {i.message}
                {i.hint && <span className="hint"> ({i.hint})</span>}
              </li>
            ))}
            {issues.length > 50 && <li>… and {issues.length - 50} more</li>}
          </ul>
          <p>
            <a href="?scenario=default">Open the default scenario instead</a>
          </p>
        </>
      ) : (
        <>
          <h2>The simulation stopped</h2>
          <p>{fatal ?? 'An unexpected error occurred.'}</p>
          <p>Reload the page to start again. If it happens again, note what you did just before and report it.</p>
        </>
      )}
    </div>
  );
}
