/**
 * Records: the after-action report (HTML, Markdown, JSON) in one click, the session file (export,
 * import), a link to this moment of the run, the autosave status, and the sessions kept in this
 * browser (each can be restored).
 */
import { useRef, useState } from 'react';
import { formatClock } from '../../sim';
import { downloadReport, downloadSession, importSessionText, shareLink } from './exercise-controller';
import { toast, useExercise } from './exercise-store';
import { keptSessions, restoreSlot, startFresh } from './saved-sessions';

type Kept = Awaited<ReturnType<typeof keptSessions>>;

/** The sessions kept in this browser (read when opened): scenario, how far, when, and a Restore for each. */
function KeptSessions() {
  const [list, setList] = useState<Kept | null>(null);
  return (
    <details className="kept-sessions" onToggle={(e) => void (e.currentTarget.open ? keptSessions().then(setList) : setList(null))} data-testid="kept-sessions">
      <summary>Saved in this browser</summary>
      {list && list.length === 0 && <p className="muted small">Nothing yet: a session is kept once its clock moves or something is done.</p>}
      {list && list.length > 0 && (
        <ul className="kept-list">
          {list.map((r) => (
            <li key={r.slot}>
              <span>
                “{r.scenarioName}” at {formatClock(r.untilMs)}, {r.commands} command(s), saved {new Date(r.savedAt).toLocaleString('en-GB')}
                {r.failedAtMs != null ? `, failed at ${formatClock(r.failedAtMs)}` : ''}
              </span>{' '}
              {r.current ? (
                <span className="muted small">(this session)</span>
              ) : (
                <button
                  type="button"
                  className="link-btn"
                  onClick={() => void restoreSlot(r.slot)}
                  aria-label={`Restore the session of “${r.scenarioName}” saved ${new Date(r.savedAt).toLocaleString('en-GB')}`}
                >
                  Restore
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

export function RecordsPanel() {
  const file = useRef<HTMLInputElement>(null);
  const saved = useExercise((s) => s.lastSavedAt);
  const rehearsal = useExercise((s) => s.rehearsal);
  const [link, setLink] = useState('');
  const [working, setWorking] = useState(false);
  const report = async (f: 'html' | 'md' | 'json') => {
    setWorking(true);
    try {
      await downloadReport(f);
    } finally {
      setWorking(false);
    }
  };
  return (
    <div className="records">
      <div className="btn-row">
        <button
          type="button"
          className="btn primary"
          onClick={() => void report('html')}
          disabled={working}
          data-testid="report-html"
          aria-label="Download the after-action report (HTML, prints to PDF)"
        >
          ⤓ After-action report
        </button>
        <button type="button" className="btn" onClick={() => void report('md')} disabled={working} aria-label="Download the after-action report as Markdown">
          .md
        </button>
        <button type="button" className="btn" onClick={() => void report('json')} disabled={working} aria-label="Download the after-action report as JSON">
          .json
        </button>
      </div>
      <div className="btn-row">
        <button type="button" className="btn" onClick={() => void downloadSession()} data-testid="export-session" aria-label="Export the session file">
          ⤓ Export session
        </button>
        <button type="button" className="btn" onClick={() => file.current?.click()} aria-label="Import a session file">
          ⤒ Import session…
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          className="sr-only"
          tabIndex={-1}
          aria-label="Session file to import"
          data-testid="import-session"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            if (f.size > 6_000_000) return toast('That file is too large to be a session file', true);
            importSessionText(await f.text());
          }}
        />
        <button type="button" className="btn" onClick={async () => setLink(await shareLink())} aria-label="Copy a link to this moment of the run">
          🔗 Link to this moment
        </button>
      </div>
      {link && <input className="share-link" readOnly value={link} aria-label="Link to this moment" onFocus={(e) => e.target.select()} />}
      <p className="muted small" data-testid="autosave-status">
        {rehearsal ? 'Rehearsal autosaves apart from the exercise record. ' : ''}
        {saved ? `Autosaved in this browser at ${new Date(saved).toLocaleTimeString('en-GB')}.` : 'Autosaves in this browser after every action.'}{' '}
        <button type="button" className="link-btn small" onClick={() => void startFresh()}>
          Start the scenario afresh
        </button>{' '}
        <span className="muted">(this session stays saved)</span>
      </p>
      <KeptSessions />
    </div>
  );
}
