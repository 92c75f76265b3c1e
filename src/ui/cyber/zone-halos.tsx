/**
 * Network zones in the 3D view: a flat halo on the ground (or the roof a device sits on) under
 * every device on the comms network, tinted by its zone — a faint disc with a solid rim. A device
 * in an isolated zone gets a dashed rim and diagonal hatching instead, so isolation reads without
 * colour. Two InstancedMeshes for the lot; instances are re-laid only when the marker scale or a
 * zone's isolation changes.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferGeometry, Color, DoubleSide, Float32BufferAttribute, InstancedMesh, MeshBasicMaterial, Object3D } from 'three';
import type { CyberView } from '../../worker/cyber-view';
import { markerSize, placementOf } from '../scene/placement';
import { viewState } from '../scene/view-state';
import { MARKER_BASE_M } from '../scene/marker-geometry';
import { live } from '../store/live';
import type { WorldIndex } from '../store/world-index';
import { zoneColor, zoneMembers } from './zones';

/** Triangles in the XZ plane, each vertex white with an alpha (the instance colour tints it). */
class FlatShape {
  readonly pos: number[] = [];
  readonly rgba: number[] = [];
  tri(a: readonly [number, number], b: readonly [number, number], c: readonly [number, number], alpha: number): void {
    for (const [x, z] of [a, b, c]) {
      this.pos.push(x, 0, z);
      this.rgba.push(1, 1, 1, alpha);
    }
  }
  quad(a: readonly [number, number], b: readonly [number, number], c: readonly [number, number], d: readonly [number, number], alpha: number): void {
    this.tri(a, b, c, alpha);
    this.tri(a, c, d, alpha);
  }
  arc(r0: number, r1: number, t0: number, t1: number, steps: number, alpha: number): void {
    for (let s = 0; s < steps; s++) {
      const a = t0 + ((t1 - t0) * s) / steps;
      const b = t0 + ((t1 - t0) * (s + 1)) / steps;
      const p = (r: number, t: number) => [r * Math.cos(t), r * Math.sin(t)] as const;
      this.quad(p(r0, a), p(r1, a), p(r1, b), p(r0, b), alpha);
    }
  }
  geometry(): BufferGeometry {
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute(this.pos, 3));
    g.setAttribute('color', new Float32BufferAttribute(this.rgba, 4));
    return g;
  }
}

const SEGMENTS = 40;
const RIM = 0.74;

/** A faint disc with a solid rim: a device in a zone that is connected as usual. */
export function haloGeometry(): BufferGeometry {
  const s = new FlatShape();
  for (let k = 0; k < SEGMENTS; k++) {
    const a = (2 * Math.PI * k) / SEGMENTS;
    const b = (2 * Math.PI * (k + 1)) / SEGMENTS;
    s.tri([0, 0], [RIM * Math.cos(a), RIM * Math.sin(a)], [RIM * Math.cos(b), RIM * Math.sin(b)], 0.16);
  }
  s.arc(RIM, 1, 0, 2 * Math.PI, SEGMENTS, 0.95);
  return s.geometry();
}

/** A dashed rim and three diagonal hatch bars, no fill: a device in an isolated zone. */
export function isolatedHaloGeometry(): BufferGeometry {
  const s = new FlatShape();
  const dashes = 10;
  for (let k = 0; k < dashes; k++) {
    const a = (2 * Math.PI * k) / dashes;
    s.arc(RIM - 0.04, 1.08, a, a + (Math.PI / dashes) * 1.1, 4, 1);
  }
  const c = Math.SQRT1_2;
  for (const d of [-0.45, 0, 0.45]) {
    const half = Math.sqrt(RIM * RIM - d * d) * 0.92;
    const w = 0.08;
    // Along (c, c), offset across (-c, c).
    const at = (t: number, o: number) => [t * c - (d + o) * c, t * c + (d + o) * c] as const;
    s.quad(at(-half, -w), at(half, -w), at(half, w), at(-half, w), 0.85);
  }
  return s.geometry();
}

function haloMesh(geom: BufferGeometry, count: number): InstancedMesh {
  const m = new InstancedMesh(geom, new MeshBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false, side: DoubleSide }), Math.max(1, count));
  m.count = 0;
  m.frustumCulled = false;
  m.renderOrder = 1;
  // Halos never take a click from the marker above them.
  m.raycast = () => {};
  return m;
}

export function ZoneHalos({ cv, index }: { cv: CyberView; index: WorldIndex }) {
  // Bigger zones first, so a handful of control-room or DMZ halos are drawn over a street full of signals.
  const members = useMemo(() => zoneMembers(cv).sort((a, b) => b.assets.length - a.assets.length || a.zone - b.zone), [cv]);
  const total = members.reduce((n, m) => n + m.assets.length, 0);
  const meshes = useMemo(() => ({ solid: haloMesh(haloGeometry(), total), isolated: haloMesh(isolatedHaloGeometry(), total) }), [total]);
  const drawn = useRef({ scale: -1, isolated: '' });
  const o = useMemo(() => new Object3D(), []);
  const place = placementOf(index);

  useEffect(
    () => () => {
      for (const m of [meshes.solid, meshes.isolated]) {
        m.geometry.dispose();
        (m.material as MeshBasicMaterial).dispose();
      }
    },
    [meshes],
  );

  useFrame(() => {
    const iso = live.snapshot?.cyber?.zoneIsolated;
    const key = iso ? iso.join('') : '';
    if (drawn.current.scale === viewState.scaleVersion && drawn.current.isolated === key) return;
    drawn.current = { scale: viewState.scaleVersion, isolated: key };
    const scale = viewState.markerScale;
    const col = new Color();
    let ns = 0;
    let ni = 0;
    for (const m of members) {
      col.set(zoneColor(m.id));
      const isolated = iso?.[m.zone] === 1;
      const mesh = isolated ? meshes.isolated : meshes.solid;
      for (const a of m.assets) {
        // An isolated zone's halos are drawn half as large again: the change that matters reads from the whole-city view.
        const r = Math.max(MARKER_BASE_M * 0.85 * scale, markerSize(place, a, scale) * 1.1) * (isolated ? 1.5 : 1);
        o.position.set(place.x[a]!, place.top[a]! + 0.7, place.z[a]!);
        o.scale.set(r, 1, r);
        o.updateMatrix();
        const k = isolated ? ni++ : ns++;
        mesh.setMatrixAt(k, o.matrix);
        mesh.setColorAt(k, col);
      }
    }
    meshes.solid.count = ns;
    meshes.isolated.count = ni;
    for (const m of [meshes.solid, meshes.isolated]) {
      m.instanceMatrix.needsUpdate = true;
      if (m.instanceColor) m.instanceColor.needsUpdate = true;
    }
  });

  return (
    <group name="zone-halos">
      <primitive object={meshes.solid} />
      <primitive object={meshes.isolated} />
    </group>
  );
}
