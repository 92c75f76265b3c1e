/**
 * Layer toggles: one per subsystem (with its marker shape and how many assets it has), buildings,
 * and dependency links with their kinds. Links follow the subsystem layers: hiding CCTV also hides
 * the links to and from cameras.
 */
import { useMemo } from 'react';
import { EDGE_KIND_LABEL, EDGE_KINDS, SUBSYSTEM_LABEL, SUBSYSTEM_ORDER, SUBSYSTEM_SHAPE } from '../palette';
import { toggleLayer, toggleLinkKind, uiStore, useUi } from '../store/ui-store';
import { ShapeIcon } from './shape-icon';
import { SUBSYSTEM_PANELS } from './subsystem-panels';

export function LayersPanel() {
  const layers = useUi((s) => s.layers);
  const linkKinds = useUi((s) => s.linkKinds);
  const stressedOnly = useUi((s) => s.stressedLinksOnly);
  const world = useUi((s) => s.world);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const a of world?.assets ?? []) c[a.subsystem] = (c[a.subsystem] ?? 0) + 1;
    return c;
  }, [world]);
  const edgeCounts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const e of world?.edges ?? []) c[e.kind] = (c[e.kind] ?? 0) + 1;
    return c;
  }, [world]);

  return (
    <section className="panel layers" aria-labelledby="layers-h">
      <h2 id="layers-h">Layers</h2>
      <fieldset>
        <legend className="sr-only">Subsystems</legend>
        {SUBSYSTEM_ORDER.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={layers[s]} onChange={() => toggleLayer(s)} aria-label={`Show ${SUBSYSTEM_LABEL[s]}`} />
            <ShapeIcon shape={SUBSYSTEM_SHAPE[s]} />
            <span className="grow">{SUBSYSTEM_LABEL[s]}</span>
            <span className="count">{counts[s] ?? 0}</span>
          </label>
        ))}
        {world &&
          SUBSYSTEM_PANELS.filter((p) => p.count(world) > 0).map((p) => (
            <label key={p.layer} className="check">
              <input type="checkbox" checked={layers[p.layer]} onChange={() => toggleLayer(p.layer)} aria-label={`Show the ${p.label.toLowerCase()} layer`} />
              <span className="icon-space" aria-hidden="true">
                {p.icon}
              </span>
              <span className="grow">{p.label}</span>
              <span className="count">{p.count(world)}</span>
            </label>
          ))}
        <label className="check">
          <input type="checkbox" checked={layers.buildings} onChange={() => toggleLayer('buildings')} aria-label="Show buildings" />
          <span className="icon-space" aria-hidden="true">
            ▦
          </span>
          <span className="grow">Buildings</span>
          <span className="count">{world?.city.buildings.count ?? 0}</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={layers.links} onChange={() => toggleLayer('links')} aria-label="Show dependency links" />
          <span className="icon-space" aria-hidden="true">
            ⤳
          </span>
          <span className="grow">Dependency links</span>
          <span className="count">{world?.edges.length ?? 0}</span>
        </label>
      </fieldset>
      <fieldset className="sub" disabled={!layers.links}>
        <legend>Link kinds</legend>
        {EDGE_KINDS.map((k) => (
          <label key={k} className="check">
            <input type="checkbox" checked={linkKinds[k]} onChange={() => toggleLinkKind(k)} aria-label={`Show ${k} links`} />
            <span className="grow">{EDGE_KIND_LABEL[k]}</span>
            <span className="count">{edgeCounts[k] ?? 0}</span>
          </label>
        ))}
        <label className="check">
          <input
            type="checkbox"
            checked={stressedOnly}
            onChange={() => uiStore.setState({ stressedLinksOnly: !stressedOnly })}
            aria-label="Show only links on backup or lost"
          />
          <span className="grow">Only links on backup or lost</span>
        </label>
      </fieldset>
    </section>
  );
}
