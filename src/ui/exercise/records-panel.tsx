/**
 * Records: the after-action report (HTML, Markdown, JSON) in one click, the session file (export,
 * import), a link to this moment of the run, and the autosave status.
 */
import { useRef, useState } from 'react';
import { downloadReport, downloadSession, importSessionText, shareLink, startFresh } from './exercise-controller';
import { toast, useExercise } from './exercise-store';

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
        <button type="button" className="btn primary" onClick={() => void report('html')} disabled={working} data-testid="report-html" aria-label="Download the after-action report (HTML, prints to PDF)">
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
        <button
          type="button"
          className="btn"
          onClick={async () => setLink(await shareLink())}
          aria-label="Copy a link to this moment of the run"
        >
          🔗 Link to this moment
        </button>
      </div>
      {link && <input className="share-link" readOnly value={link} aria-label="Link to this moment" onFocus={(e) => e.target.select()} />}
      <p className="muted small" data-testid="autosave-status">
        {rehearsal ? 'Rehearsal autosaves apart from the exercise record. ' : ''}
        {saved ? `Autosaved in this browser at ${new Date(saved).toLocaleTimeString('en-GB')}.` : 'Autosaves in this browser after every action.'}{' '}
        <button type="button" className="link-btn small" onClick={() => void startFresh()}>
          Start the scenario afresh
        </button>
      </p>
    </div>
  );
}
