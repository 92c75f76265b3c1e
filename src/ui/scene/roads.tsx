/**
 * Roads as one merged mesh of flat quads, one per segment, wider for arterials and more lanes.
 * Quads rather than GL lines, so roads keep their width when zooming in.
 */
import { useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Color, MeshBasicMaterial } from 'three';
import { ROAD_COLOR } from '../palette';
import type { WorldIndex } from '../store/world-index';

const LANE_M = 3.4;

export function buildRoadGeometry(roads: WorldIndex['view']['city']['roads']): BufferGeometry {
  const pos = new Float32Array(roads.length * 4 * 3);
  const col = new Float32Array(roads.length * 4 * 3);
  const idx = new Uint32Array(roads.length * 6);
  const art = new Color(ROAD_COLOR.arterial);
  const str = new Color(ROAD_COLOR.street);
  roads.forEach((r, i) => {
    const [ax, az] = r.a;
    const [bx, bz] = r.b;
    const len = Math.hypot(bx - ax, bz - az) || 1;
    const half = (Math.max(1, r.lanes) * LANE_M + (r.cls === 'arterial' ? 4 : 1.5)) / 2;
    // Extend each end by half a width so segments meeting at a junction overlap instead of notching.
    const ux = (bx - ax) / len;
    const uz = (bz - az) / len;
    const nx = -uz * half;
    const nz = ux * half;
    const ex = ux * half;
    const ez = uz * half;
    const y = r.cls === 'arterial' ? 0.35 : 0.3;
    const v = [ax - ex + nx, az - ez + nz, ax - ex - nx, az - ez - nz, bx + ex - nx, bz + ez - nz, bx + ex + nx, bz + ez + nz];
    const c = r.cls === 'arterial' ? art : str;
    for (let k = 0; k < 4; k++) {
      pos.set([v[k * 2]!, y, v[k * 2 + 1]!], (i * 4 + k) * 3);
      col.set([c.r, c.g, c.b], (i * 4 + k) * 3);
    }
    const b = i * 4;
    idx.set([b, b + 1, b + 2, b, b + 2, b + 3], i * 6);
  });
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(pos, 3));
  g.setAttribute('color', new BufferAttribute(col, 3));
  g.setIndex(new BufferAttribute(idx, 1));
  g.computeBoundingSphere();
  return g;
}

export function Roads({ index }: { index: WorldIndex }) {
  const roads = index.view.city.roads;
  const geometry = useMemo(() => buildRoadGeometry(roads), [roads]);
  const material = useMemo(
    () => new MeshBasicMaterial({ vertexColors: true, side: 2, polygonOffset: true, polygonOffsetFactor: -3, polygonOffsetUnits: -6 }),
    [],
  );
  return <mesh geometry={geometry} material={material} raycast={() => null} />;
}
