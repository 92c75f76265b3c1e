/**
 * The scenario chooser, opened from the top bar: the shipped scenarios with their title, place,
 * audience and summary, the user's own scenarios kept in this browser, and "Open your own…" —
 * pick or drop a scenario file with the files it references, or an OpenStreetMap extract alone.
 * Problems are listed as the error panel lists them (field: message (hint)).
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { ScenarioIssue } from '../../worker/protocol';
import { twinClient } from '../app/session';
import { closeChooser, useUi } from '../store/ui-store';
import { loadCatalogue, type CatalogueEntry } from './catalogue';
import { deleteOwn, listOwn, OWN_PREFIX, type OwnRecord } from './own-db';
import { checkAndKeep, scenarioHref } from './own-open';

const ACCEPT = '.json,.osm,.inp,.cpa,.csv,.m,.geojson';

type OwnState = { kind: 'idle' } | { kind: 'checking'; names: string } | { kind: 'issues'; names: string; issues: readonly ScenarioIssue[] };

function OpenOwn() {
  const [state, setState] = useState<OwnState>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const open = async (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (files.length === 0) return;
    const names = files.map((f) => f.name).join(', ');
    const client = twinClient();
    if (!client) return;
    setState({ kind: 'checking', names });
    try {
      const r = await checkAndKeep(client, files);
      if (r.ok) window.location.search = scenarioHref(`${OWN_PREFIX}${r.id}`);
      else setState({ kind: 'issues', names, issues: r.issues });
    } catch (err) {
      setState({
        kind: 'issues',
        names,
        issues: [{ path: '(files)', message: err instanceof Error ? err.message : String(err), hint: 'try again, or open them with the twin command' }],
      });
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void open(e.dataTransfer.files);
  };
  return (
    <section className="own" aria-labelledby="own-h">
      <h3 id="own-h">Open your own…</h3>
      <p>
        Choose a scenario file (.json) together with the files it references — an OpenStreetMap extract, an EPANET .inp, a MATPOWER .m, a camera register (.csv
        or .geojson) — or an OpenStreetMap extract (.osm) alone, which is imported as <code>twin import osm</code> does. It is checked as{' '}
        <code>twin validate</code> checks it and kept in this browser.
      </p>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="own-drop"
      >
        <label className="btn primary">
          Choose files…
          <input
            type="file"
            multiple
            accept={ACCEPT}
            className="sr-only"
            aria-label="Choose a scenario and its files, or an OpenStreetMap extract"
            data-testid="own-files"
            onChange={(e) => void open(e.currentTarget.files)}
          />
        </label>
        <span className="muted"> or drop them here</span>
      </div>
      {state.kind === 'checking' && (
        <p role="status" data-testid="own-checking">
          Checking {state.names}…
        </p>
      )}
      {state.kind === 'issues' && (
        <div className="error-card inline" role="alert" data-testid="own-issues">
          <h4>
            {state.names} could not be opened: {state.issues.length === 1 ? 'one problem' : `${state.issues.length} problems`} to fix
          </h4>
          <ul className="issues">
            {state.issues.slice(0, 50).map((i, k) => (
              <li key={k}>
                <code>{i.path}</code>: {i.message}
                {i.hint && <span className="hint"> ({i.hint})</span>}
              </li>
            ))}
            {state.issues.length > 50 && <li>… and {state.issues.length - 50} more</li>}
          </ul>
        </div>
      )}
    </section>
  );
}

function KeptList({ current }: { current: string }) {
  const [kept, setKept] = useState<OwnRecord[] | null>(null);
  useEffect(() => void listOwn().then(setKept), []);
  if (!kept || kept.length === 0) return null;
  return (
    <section aria-labelledby="kept-h">
      <h3 id="kept-h">Opened in this browser</h3>
      <ul className="scenario-list">
        {kept.map((r) => (
          <li key={r.id} className="scenario-card">
            <div>
              <strong>{r.title}</strong>
              <span className="muted">
                {' '}
                · from {r.from} · {new Date(r.savedAt).toLocaleString()}
              </span>
            </div>
            <div className="actions">
              <a className="btn" href={scenarioHref(`${OWN_PREFIX}${r.id}`)} aria-current={current === `${OWN_PREFIX}${r.id}` ? 'true' : undefined}>
                Open
              </a>
              <button
                type="button"
                className="btn"
                aria-label={`Remove ${r.title} from this browser`}
                onClick={() => void deleteOwn(r.id).then(() => setKept(kept.filter((k) => k.id !== r.id)))}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Shipped({ current }: { current: string }) {
  const [entries, setEntries] = useState<CatalogueEntry[] | null>(null);
  useEffect(() => void loadCatalogue().then(setEntries), []);
  if (!entries) return <p role="status">Reading the scenarios…</p>;
  return (
    <ul className="scenario-list" data-testid="shipped-scenarios">
      {entries.map((e) => (
        <li key={e.name} className="scenario-card">
          <div>
            <strong>{e.title}</strong>
            <dl className="facts">
              <dt>Place</dt>
              <dd>{e.place}</dd>
              {e.audience.length > 0 && (
                <>
                  <dt>For</dt>
                  <dd>{e.audience.join(', ')}</dd>
                </>
              )}
            </dl>
            {e.summary && <p className="summary">{e.summary}</p>}
          </div>
          <div className="actions">
            <a className="btn" href={scenarioHref(e.name)} aria-label={`Open ${e.title}`} aria-current={current === e.name ? 'true' : undefined}>
              {current === e.name ? 'Open again' : 'Open'}
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function ScenarioChooser() {
  const ref = useRef<HTMLDialogElement>(null);
  const current = useUi((s) => s.scenarioName);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="chooser" aria-labelledby="chooser-h" onClose={closeChooser} data-testid="scenario-chooser">
      <header>
        <h2 id="chooser-h">Choose a scenario</h2>
        <button type="button" className="btn" onClick={() => ref.current?.close()} aria-label="Close the scenario chooser">
          ✕
        </button>
      </header>
      <OpenOwn />
      <KeptList current={current} />
      <section aria-labelledby="shipped-h">
        <h3 id="shipped-h">Shipped with the twin</h3>
        <Shipped current={current} />
      </section>
    </dialog>
  );
}
