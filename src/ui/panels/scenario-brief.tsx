/** The scenario's own description, audience and objectives. Scenario text is shown as plain text only. */
import { formatDuration } from '../../sim';
import { useUi } from '../store/ui-store';

export function ScenarioBrief() {
  const world = useUi((s) => s.world);
  const loadMs = useUi((s) => s.loadMs);
  if (!world) return null;
  const { scenario, city } = world;
  return (
    <section className="panel brief" aria-labelledby="brief-h">
      <details>
        <summary>
          <h2 id="brief-h">About this scenario</h2>
        </summary>
        {scenario.summary && <p>{scenario.summary}</p>}
        {scenario.objectives.length > 0 && (
          <>
            <h3>Objectives</h3>
            <ul>
              {scenario.objectives.map((o, i) => (
                <li key={i}>{o}</li>
              ))}
            </ul>
          </>
        )}
        <dl className="facts">
          <dt>City</dt>
          <dd>
            {city.name} ({(city.sizeM[0] / 1000).toFixed(1)} × {(city.sizeM[1] / 1000).toFixed(1)} km)
          </dd>
          <dt>Run length</dt>
          <dd>{formatDuration(scenario.durationMs)}</dd>
          <dt>Seed</dt>
          <dd>{world.seed}</dd>
          <dt>Vendors</dt>
          <dd>{world.vendors.map((v) => `${v.name} (${v.jurisdiction})`).join('; ') || 'none'}</dd>
          {loadMs !== null && (
            <>
              <dt>Built in</dt>
              <dd>{loadMs} ms</dd>
            </>
          )}
        </dl>
        {city.attribution && <p className="muted">{city.attribution}</p>}
      </details>
    </section>
  );
}
