/**
 * The illustrative trace on the 3D map, when the privacy panel's toggle asks for it: the day's
 * path in time order as a line above the roofs, each record a small solid whose colour and shape
 * follow its dataset (as in the panel's map), a blue pillar on the inferred home and a pink one on
 * the inferred site. Drawn over everything (no depth test) so buildings never hide it.
 */
import { useEffect, useMemo } from 'react';
import {
  BoxGeometry,
  BufferGeometry,
  ConeGeometry,
  CylinderGeometry,
  Float32BufferAttribute,
  Group,
  Line,
  LineBasicMaterial,
  Mesh,
  MeshBasicMaterial,
  OctahedronGeometry,
  SphereGeometry,
} from 'three';
import type { IllustrativeTrace } from '../../sim/analysis';
import { requestAnimation } from '../scene/animation';
import type { WorldIndex } from '../store/world-index';
import { useTraceStore } from './trace-store';
import { isTraceDataset, TRACE_STYLE, type TraceDataset } from './trace-text';

const LIFT_M = 60;
const MARK_M = 30;
const NUDGE_M = 26;
const NUDGE: Record<TraceDataset, [number, number]> = { anpr: [-1, -1], face: [1, -1], smartcard: [-1, 1], wifi: [1, 1] };

function geometryFor(d: TraceDataset): BufferGeometry {
  switch (TRACE_STYLE[d].shape) {
    case 'square':
      return new BoxGeometry(MARK_M * 1.6, MARK_M * 1.6, MARK_M * 1.6);
    case 'triangle':
      return new ConeGeometry(MARK_M, MARK_M * 2, 3);
    case 'diamond':
      return new OctahedronGeometry(MARK_M * 1.2);
    case 'circle':
      return new SphereGeometry(MARK_M, 12, 8);
  }
}

const overlay = <T extends Mesh | Line>(o: T): T => {
  o.renderOrder = 20;
  o.raycast = () => {};
  return o;
};

function build(t: IllustrativeTrace): Group {
  const g = new Group();
  const pts = t.points.filter((p) => isTraceDataset(p.dataset));
  const path: number[] = [];
  for (const p of pts) path.push(p.x, LIFT_M, p.z);
  if (pts.length > 1) {
    const geo = new BufferGeometry();
    geo.setAttribute('position', new Float32BufferAttribute(path, 3));
    g.add(overlay(new Line(geo, new LineBasicMaterial({ color: '#e6ebf4', depthTest: false, transparent: true, opacity: 0.85 }))));
  }
  const geos = new Map<TraceDataset, BufferGeometry>();
  for (const p of pts) {
    const d = p.dataset as TraceDataset;
    if (!geos.has(d)) geos.set(d, geometryFor(d));
    const m = overlay(new Mesh(geos.get(d)!, new MeshBasicMaterial({ color: TRACE_STYLE[d].color, depthTest: false })));
    m.position.set(p.x + NUDGE[d][0] * NUDGE_M, LIFT_M, p.z + NUDGE[d][1] * NUDGE_M);
    g.add(m);
  }
  const pillar = (x: number, z: number, color: string) => {
    const m = overlay(
      new Mesh(new CylinderGeometry(26, 26, LIFT_M * 4, 12), new MeshBasicMaterial({ color, depthTest: false, transparent: true, opacity: 0.8 })),
    );
    m.position.set(x, LIFT_M * 2, z);
    g.add(m);
  };
  if (t.home) pillar(t.home.x, t.home.z, '#6cb6ff');
  if (t.site) pillar(t.site.x, t.site.z, '#ff6b8b');
  return g;
}

export function PrivacyTraceLayer(_: { index: WorldIndex }) {
  const trace = useTraceStore((s) => s.trace);
  const onMap = useTraceStore((s) => s.onMap);
  const group = useMemo(() => (onMap && trace?.status === 'traced' ? build(trace) : null), [trace, onMap]);
  useEffect(() => {
    requestAnimation();
    return () => {
      group?.traverse((o) => {
        if (o instanceof Mesh || o instanceof Line) {
          o.geometry.dispose();
          (o.material as MeshBasicMaterial).dispose();
        }
      });
      requestAnimation();
    };
  }, [group]);
  return group ? <primitive object={group} /> : null;
}
