/**
 * Blind spots on the map: viewfinder corners on the ground around every watched site (hospital,
 * police station, school…) that no working camera sees now — from the worker's live coverage, or
 * the load-time list until the first report. Sites blinded since the start get bold red corners;
 * those blind from the start thin grey ones, so the difference is in the stroke as well as the hue.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BufferGeometry, Color, DoubleSide, Float32BufferAttribute, InstancedMesh, MeshBasicMaterial, Object3D } from 'three';
import type { CyberView } from '../../worker/cyber-view';
import type { WorldIndex } from '../store/world-index';
import { coverageStore } from './coverage-store';
import { BLIND_SINCE_COLOR, BLIND_START_COLOR } from './cyber-style';

/** Four L-shaped corners of a unit square (−0.5..0.5), stroke `w`, arms `arm` long, flat in XZ. */
export function cornersGeometry(w: number, arm: number): BufferGeometry {
  const pos: number[] = [];
  const rect = (x0: number, z0: number, x1: number, z1: number) => pos.push(x0, 0, z0, x1, 0, z0, x1, 0, z1, x0, 0, z0, x1, 0, z1, x0, 0, z1);
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) {
      const cx = 0.5 * sx;
      const cz = 0.5 * sz;
      rect(Math.min(cx, cx - sx * arm), Math.min(cz, cz - sz * w), Math.max(cx, cx - sx * arm), Math.max(cz, cz - sz * w));
      rect(Math.min(cx, cx - sx * w), Math.min(cz, cz - sz * arm), Math.max(cx, cx - sx * w), Math.max(cz, cz - sz * arm));
    }
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(pos, 3));
  return g;
}

/** The footprint (centre, width, depth) of the building a site stands in, or a 40 m box around it. */
function footprint(index: WorldIndex, x: number, z: number): [number, number, number, number] {
  const b = index.view.city.buildings;
  for (let i = 0; i < b.count; i++) {
    if (Math.abs(b.x[i]! - x) <= b.w[i]! / 2 && Math.abs(b.z[i]! - z) <= b.d[i]! / 2) return [b.x[i]!, b.z[i]!, b.w[i]!, b.d[i]!];
  }
  return [x, z, 40, 40];
}

function marks(color: string, w: number, arm: number, capacity: number): InstancedMesh {
  const m = new InstancedMesh(
    cornersGeometry(w, arm),
    new MeshBasicMaterial({ color: new Color(color), side: DoubleSide, transparent: true, opacity: 0.95, depthWrite: false }),
    Math.max(1, capacity),
  );
  m.count = 0;
  m.frustumCulled = false;
  m.renderOrder = 2;
  m.raycast = () => {};
  return m;
}

export function BlindSpotMarks({ cv, index }: { cv: CyberView; index: WorldIndex }) {
  const invalidate = useThree((s) => s.invalidate);
  const capacity = index.view.assets.length;
  const meshes = useMemo(() => ({ since: marks(BLIND_SINCE_COLOR, 0.09, 0.32, capacity), start: marks(BLIND_START_COLOR, 0.035, 0.22, capacity) }), [capacity]);

  useEffect(() => {
    const o = new Object3D();
    const lay = () => {
      const live = coverageStore.getState().coverage;
      const atStart = new Set(live?.atLoadBlindSpots ?? cv.blindSpots);
      const now = live?.blindSpots ?? cv.blindSpots;
      let ns = 0;
      let nb = 0;
      for (const id of now) {
        const i = index.assetIndex.get(id);
        if (i === undefined) continue;
        const a = index.view.assets[i]!;
        const [x, z, w, d] = footprint(index, a.position[0], a.position[1]);
        // A margin outside the walls, so the corners frame the pavement the cameras should see.
        o.position.set(x, 1.1, z);
        o.scale.set(w + 16, 1, d + 16);
        o.updateMatrix();
        const since = !atStart.has(id);
        (since ? meshes.since : meshes.start).setMatrixAt(since ? ns++ : nb++, o.matrix);
      }
      meshes.since.count = ns;
      meshes.start.count = nb;
      meshes.since.instanceMatrix.needsUpdate = true;
      meshes.start.instanceMatrix.needsUpdate = true;
      invalidate();
    };
    lay();
    return coverageStore.subscribe((s, prev) => {
      if (s.coverage !== prev.coverage) lay();
    });
  }, [cv, index, meshes, invalidate]);

  useEffect(
    () => () => {
      for (const m of [meshes.since, meshes.start]) {
        m.geometry.dispose();
        (m.material as MeshBasicMaterial).dispose();
      }
    },
    [meshes],
  );

  return (
    <group name="blind-spots">
      <primitive object={meshes.since} />
      <primitive object={meshes.start} />
    </group>
  );
}
