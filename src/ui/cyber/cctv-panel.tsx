/**
 * The CCTV panel: how much of the city the cameras see now against the start of the run — street
 * length in view, building entrances, cameras whose picture still reaches the control room — and
 * the watched sites nobody sees, with those newly blind called out. Figures come from the worker's
 * live coverage (coverage-store.ts), so they follow cameras going dark or being looped.
 */
import type { LiveCoverage } from '../../worker/live-coverage';
import { useUi } from '../store/ui-store';
import { useCoverage } from './coverage-store';

import './cyber.css';

/** "47.3%" / "was 47.3%, now 12%": the change spelt out only when there is one. */
export function wasNow(was: number, now: number, unit = ''): string {
  const f = (x: number) => `${x.toLocaleString('en-GB')}${unit}`;
  return was === now ? f(now) : `was ${f(was)}, now ${f(now)}`;
}

/** Sites blind now, split into those blind from the start and those blinded since. */
export function blindSplit(c: LiveCoverage): { already: string[]; since: string[] } {
  const before = new Set(c.atLoadBlindSpots);
  return { already: c.blindSpots.filter((id) => before.has(id)), since: c.blindSpots.filter((id) => !before.has(id)) };
}

export function CctvPanel() {
  const world = useUi((s) => s.world);
  const c = useCoverage((s) => s.coverage);
  if (!world?.cyber || world.cyber.cameras.length === 0) return null;
  const name = (id: string) => world.assets.find((a) => a.id === id)?.name ?? id;
  const blind = c ? blindSplit(c) : null;
  return (
    <section className="panel cctv-coverage" aria-labelledby="cctv-cov-h">
      <h2 id="cctv-cov-h">CCTV coverage</h2>
      {!c ? (
        <p className="note muted">Working out what the cameras see…</p>
      ) : (
        <>
          <dl className="cov-figures">
            <dt>Streets in view</dt>
            <dd data-testid="street-coverage" className={c.streetCoveragePct < c.atLoadStreetCoveragePct ? 'worse' : undefined}>
              {wasNow(c.atLoadStreetCoveragePct, c.streetCoveragePct, '%')}
            </dd>
            <dt>Cameras seeing</dt>
            <dd className={c.camerasSeeing < c.cameras ? 'worse' : undefined}>
              {c.camerasSeeing.toLocaleString('en-GB')} of {c.cameras.toLocaleString('en-GB')}
            </dd>
            <dt>Entrances in view</dt>
            <dd className={c.entrancesSeen < c.atLoadEntrancesSeen ? 'worse' : undefined}>{wasNow(c.atLoadEntrancesSeen, c.entrancesSeen)}</dd>
          </dl>
          {blind && blind.since.length > 0 && <p className="note worse">Newly blind: {blind.since.map(name).join(', ')}</p>}
          {blind && blind.already.length > 0 && <p className="note muted">Blind from the start: {blind.already.map(name).join(', ')}</p>}
          {c.camerasSeeing < c.cameras && <p className="note muted small">Red hatching on the map: ground a camera saw at the start that none sees now.</p>}
        </>
      )}
    </section>
  );
}
