/**
 * The key to the map: status colours with their symbols and scene overlays, the compromise ring,
 * and how dependency links show their supply state. Marker shapes are keyed in the layer list.
 */
import { COMPROMISED_COLOR, STATUS_LABEL, STATUS_NAMES, SUPPLY_COLOR, SUPPLY_LABEL } from '../palette';
import { CompromisedGlyph, StatusGlyph } from './shape-icon';
import { SUBSYSTEM_PANELS } from './subsystem-panels';
import { useUi } from '../store/ui-store';

const OVERLAY_NOTE = { ok: 'plain marker', degraded: 'amber marker with ▲ above', down: 'red marker with ✕ above' } as const;

/** How many of the town's assets an importer synthesised, when any were. */
function SyntheticNote() {
  const counts = useUi((s) => {
    const assets = s.world?.assets ?? [];
    let n = 0;
    for (const a of assets) if (a.synthetic) n++;
    return n > 0 ? `${n}/${assets.length}` : null;
  });
  if (!counts) return null;
  const [n, total] = counts.split('/');
  return (
    <>
      <h3>Where assets come from</h3>
      <p className="small legend-note" data-testid="legend-synthetic">
        <span className="source-tag">Synthesised — not from OpenStreetMap</span>: {n} of {total} assets were laid out on the town&apos;s real streets by the
        generated city&apos;s rules, because OpenStreetMap maps nothing there (substations, water mains, street cabinets, cameras at junctions). The rest come
        from OpenStreetMap, or from the scenario itself (a camera register, assets it lists). Select an asset: the inspector marks the synthesised ones.
      </p>
    </>
  );
}

export function Legend() {
  return (
    <section className="panel legend" aria-labelledby="legend-h">
      <h2 id="legend-h">Legend</h2>
      <h3>Status</h3>
      <ul className="legend-list">
        {STATUS_NAMES.map((s) => (
          <li key={s}>
            <StatusGlyph status={s} />
            <span>
              {STATUS_LABEL[s]} <span className="muted">— {OVERLAY_NOTE[s]}</span>
            </span>
          </li>
        ))}
        <li>
          <CompromisedGlyph />
          <span>
            Compromised <span className="muted">— pulsing </span>
            <span style={{ color: COMPROMISED_COLOR }}>magenta ring</span>
            <span className="muted">: an attacker controls it</span>
          </span>
        </li>
      </ul>
      <p className="muted small legend-note">Each marker's shape shows its subsystem, as in the layer list above.</p>
      <h3>Dependency links</h3>
      <ul className="legend-list">
        {SUPPLY_LABEL.map((label, i) => (
          <li key={label}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="1"
                y1="5"
                x2="27"
                y2="5"
                stroke={SUPPLY_COLOR[i]}
                strokeWidth={i === 0 ? 1.5 : 3}
                strokeDasharray={i === 1 ? '5 3' : i === 2 ? '2 2' : undefined}
                opacity={i === 0 ? 0.7 : 1}
              />
            </svg>
            <span>
              {label}
              {i === 1 && <span className="muted"> — moving dashes, supplier → dependent</span>}
              {i === 2 && <span className="muted"> — fast pulse</span>}
            </span>
          </li>
        ))}
      </ul>
      <SyntheticNote />
      {SUBSYSTEM_PANELS.map(({ layer, Legend: Section }) => Section && <Section key={layer} />)}
    </section>
  );
}
