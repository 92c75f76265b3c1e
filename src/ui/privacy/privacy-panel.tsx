/**
 * The privacy panel: which datasets the attacker holds and how it got them, how unique the traces
 * are (the unicity curve), how many residents it re-identifies and from which datasets, and the
 * exposure of each sensitive site — aggregates, never a dossier on a synthetic person beyond one
 * illustrative trace (one resident's day as the attacker reconstructs it, beside the truth). The
 * analysis runs in the worker on demand; the what-if controls re-run it as they change, and
 * "Apply as policy" turns the anonymisation settings into commands in the run.
 */
import { useEffect, useRef, useState } from 'react';
import type { population } from '../../sim';
import type { PrivacyView, PrivacyWhatIf } from '../../worker/privacy-query';
import { twinClient } from '../app/session';
import { useUi } from '../store/ui-store';
import { useCloseOnEscape } from '../store/escape-stack';
import { ExposureMap } from './exposure-map';
import { ConfidenceTable } from './confidence-table';
import { AnonymisationControls, DATASET_SHORT_LABEL, HoldingsControls, type WhatIfSettings } from './privacy-controls';
import { TraceSection } from './trace-map';
import { UnicityChart } from './unicity-chart';

import './privacy.css';

const HOW: Record<string, string> = {
  exfiltrated: 'stolen',
  compelled: 'compelled from a vendor',
  purchased: 'bought',
  published: 'published',
  'what-if': 'what-if',
};
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const same = (a: population.Anonymisation, b: population.Anonymisation) =>
  a.rotation === b.rotation && a.cellM === b.cellM && a.binS === b.binS && a.k === b.k && a.epsilon === b.epsilon && a.retentionS === b.retentionS;

export function PrivacyPanel() {
  const world = useUi((s) => s.world);
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<PrivacyView | null>(null);
  const [none, setNone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [holds, setHolds] = useState<population.DatasetId[] | null>(null);
  const [settings, setSettings] = useState<WhatIfSettings | null>(null);
  const [focus, setFocus] = useState<population.DatasetId>('wifi');
  const req = useRef(0);

  const analyse = (whatIf?: PrivacyWhatIf) => {
    const client = twinClient();
    if (!client) return;
    const mine = ++req.current;
    setBusy(true);
    setError(null);
    client.privacy(whatIf).then(
      (v) => {
        if (mine !== req.current) return;
        setBusy(false);
        if (!v) return setNone(true);
        setView(v);
        setSettings((s) => s ?? (Object.fromEntries(v.datasets.map((d) => [d.id, d.settings])) as WhatIfSettings));
      },
      (err: unknown) => {
        if (mine !== req.current) return;
        setBusy(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  // What-if changes re-run the analysis after a short pause, so a slider can be dragged.
  const whatIf = (): PrivacyWhatIf => ({ ...(holds ? { holds } : {}), ...(settings ? { anonymisation: settings } : {}) });
  const first = useRef(true);
  useEffect(() => {
    if (first.current || !open) {
      first.current = false;
      return;
    }
    const t = setTimeout(() => analyse(whatIf()), 500);
    return () => clearTimeout(t);
  }, [holds, settings]);

  // Escape folds the analysis away (it is kept: "Analyse again" shows it at once and refreshes it).
  useCloseOnEscape(open && view !== null, () => setOpen(false));
  if (!world) return null;
  const applyPolicy = () => {
    const client = twinClient();
    if (!client || !view || !settings) return;
    for (const d of view.datasets) {
      const a = settings[d.id];
      if (same(a, d.settings)) continue;
      client.command({
        type: 'privacy.anonymise',
        dataset: d.id,
        rotation: a.rotation,
        cellM: a.cellM,
        binS: a.binS,
        k: a.k,
        epsilon: a.epsilon,
        retentionS: a.retentionS,
      });
    }
    setTimeout(() => analyse(holds ? { holds } : undefined), 300);
  };
  const changed = view && settings ? view.datasets.filter((d) => !same(settings[d.id], d.settings)).length : 0;
  const heldNow = view ? view.datasets.filter((d) => d.held).map((d) => d.id) : [];

  return (
    <section className="panel privacy" aria-labelledby="privacy-h">
      <div className="panel-head">
        <h2 id="privacy-h">Privacy · what the data reveals</h2>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => {
            setOpen(true);
            analyse(whatIf());
          }}
        >
          {busy ? 'Analysing…' : view ? 'Analyse again' : 'Analyse'}
        </button>
        {open && view && (
          <button type="button" className="icon-btn" onClick={() => setOpen(false)} aria-label="Close the privacy analysis" title="Close (Esc)">
            ✕
          </button>
        )}
      </div>
      {none && <p className="muted">This scenario has no synthetic population, so no personal datasets.</p>}
      {error && <p role="alert">{error}</p>}
      {(!view || !open) && !none && !error && (
        <p className="muted">
          Re-identification from the datasets the attacker holds: unicity, linkage, and exposure of sensitive sites. Takes a second or two.
        </p>
      )}
      {view && open && (
        <div aria-busy={busy} data-testid="privacy-analysis">
          <p className="headline">
            <strong>{view.reidentified.count.toLocaleString('en-GB')}</strong> of {view.residents.toLocaleString('en-GB')} residents (
            {pct(view.reidentified.share)}) tied to their household
            {view.reidentified.wrong > 0 && <span className="muted"> · {view.reidentified.wrong} wrongly</span>}
          </p>
          {view.reidentified.byDatasets.length > 0 && (
            <ul className="legend-list combos">
              {view.reidentified.byDatasets.map((c) => (
                <li key={c.datasets.join('+')}>
                  {c.datasets.map((d) => DATASET_SHORT_LABEL[d as population.DatasetId] ?? d).join(' + ')}: {c.count}
                </li>
              ))}
            </ul>
          )}
          <ConfidenceTable reidentified={view.reidentified} />
          <h3>Datasets</h3>
          <table className="datasets-table">
            <tbody>
              {view.datasets.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{DATASET_SHORT_LABEL[d.id]}</th>
                  <td>{d.records.toLocaleString('en-GB')}</td>
                  <td>{d.held ? <span className="held">held · {HOW[d.held.how] ?? d.held.how}</span> : <span className="muted">not held</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            {view.historyDays > 0 ? `${view.historyDays} days recorded before the run. ` : ''}Analysed in {(view.computeMs / 1000).toFixed(1)} s.
          </p>
          <h3>Published counts</h3>
          <p className="small">
            {view.aggregates.published.toLocaleString('en-GB')} counts per {view.aggregates.cellM} m cell and {view.aggregates.binS / 3600} h published,{' '}
            {view.aggregates.suppressed.toLocaleString('en-GB')} withheld; {view.aggregates.smallCounts.toLocaleString('en-GB')} of 1 to 4 people; noise off by{' '}
            {view.aggregates.meanAbsError} people on average.
          </p>
          <p className="muted small">
            The linkage below does not use these counts: on their own they name nobody. Small counts and little noise are what would let someone who already
            knows a person was there confirm it.
          </p>
          <h3>Unicity</h3>
          <UnicityChart unicity={view.unicity} />
          <h3>Sensitive sites</h3>
          <ExposureMap view={view} sizeM={world.city.sizeM} districts={world.city.districts} />
          <TraceSection trace={view.illustration} districts={world.city.districts} />
          <details className="what-if">
            <summary>What if… (holdings and anonymisation)</summary>
            <HoldingsControls ids={view.datasets.map((d) => d.id)} holds={holds ?? heldNow} onChange={setHolds} />
            <label htmlFor="anon-dataset">Anonymisation of</label>{' '}
            <select id="anon-dataset" value={focus} onChange={(e) => setFocus(e.target.value as population.DatasetId)}>
              {view.datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {DATASET_SHORT_LABEL[d.id]}
                </option>
              ))}
            </select>
            {settings && <AnonymisationControls dataset={focus} value={settings[focus]} onChange={(a) => setSettings({ ...settings, [focus]: a })} />}
            <div className="what-if-actions">
              <button type="button" className="btn" disabled={!changed} onClick={applyPolicy}>
                Apply as policy{changed ? ` (${changed})` : ''}
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setHolds(null);
                  setSettings(Object.fromEntries(view.datasets.map((d) => [d.id, d.settings])) as WhatIfSettings);
                }}
              >
                Back to the run
              </button>
            </div>
          </details>
        </div>
      )}
    </section>
  );
}
