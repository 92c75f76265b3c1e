/**
 * Shapes that make status readable without colour: a ✕ above every down asset, a ▲ outline above
 * every degraded one, a pulsing magenta ring around every compromised one, and a white ring around
 * the selected asset. Each is one InstancedMesh whose live instances are packed at the front.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, BufferGeometry, Float32BufferAttribute, InstancedMesh, MeshBasicMaterial, Object3D, TorusGeometry } from 'three';
import { COMPROMISED_COLOR, SELECTED_COLOR, STATUS_COLOR } from '../palette';
import { live } from '../store/live';
import { useUi } from '../store/ui-store';
import type { WorldIndex } from '../store/world-index';
import { requestAnimation } from './animation';
import { markerSize, markerY, overlayY, placementOf, type Placement } from './placement';
import { viewState } from './view-state';

/** Two crossed bars lying flat: an ✕ seen from above and from the usual oblique view. */
function crossGeometry(): BufferGeometry {
  const a = new BoxGeometry(1.15, 0.16, 0.22).rotateY(Math.PI / 4);
  const b = new BoxGeometry(1.15, 0.16, 0.22).rotateY(-Math.PI / 4);
  const merged = new BufferGeometry();
  const pos = [...(a.getAttribute('position').array as Float32Array), ...(b.getAttribute('position').array as Float32Array)];
  const ia = Array.from(a.getIndex()!.array as ArrayLike<number>);
  const ib = Array.from(b.getIndex()!.array as ArrayLike<number>).map((v) => v + a.getAttribute('position').count);
  merged.setAttribute('position', new Float32BufferAttribute(pos, 3));
  merged.setIndex([...ia, ...ib]);
  // Tilt toward the default camera so the ✕ reads from the south as well as from above.
  return merged.rotateX(0.6);
}

type Kind = 'down' | 'degraded' | 'compromised' | 'selected';

function makeMesh(kind: Kind, count: number): InstancedMesh {
  const geom =
    kind === 'down'
      ? crossGeometry()
      : kind === 'degraded'
        ? new TorusGeometry(0.5, 0.09, 4, 3).rotateX(-Math.PI / 2 + 0.6).rotateY(Math.PI / 2)
        : new TorusGeometry(kind === 'selected' ? 1.05 : 0.85, kind === 'selected' ? 0.05 : 0.08, 6, 40).rotateX(-Math.PI / 2);
  const color = kind === 'down' ? STATUS_COLOR.down : kind === 'degraded' ? STATUS_COLOR.degraded : kind === 'compromised' ? COMPROMISED_COLOR : SELECTED_COLOR;
  const m = new InstancedMesh(geom, new MeshBasicMaterial({ color }), Math.max(1, count));
  m.count = 0;
  m.frustumCulled = false;
  m.raycast = () => {};
  m.renderOrder = 3;
  return m;
}

function place(o: Object3D, p: Placement, i: number, kind: Kind, scale: number, pulse: number): void {
  const s = p.disc[i] ? Math.max(markerSize(p, i, scale) * 1.2, 20 * scale + 8) : markerSize(p, i, scale);
  if (kind === 'down' || kind === 'degraded') {
    o.position.set(p.x[i]!, overlayY(p, i, scale) + s * 0.35, p.z[i]!);
    o.scale.setScalar(s * 1.15);
  } else {
    const ringS = p.disc[i] && kind === 'selected' ? p.radius[i]! : s * (kind === 'compromised' ? 1 + 0.18 * pulse : 1.25);
    o.position.set(p.x[i]!, p.disc[i] ? 3 : markerY(p, i, scale), p.z[i]!);
    o.scale.setScalar(ringS);
  }
  o.updateMatrix();
}

export function StatusOverlays({ index }: { index: WorldIndex }) {
  const layers = useUi((s) => s.layers);
  const selected = useUi((s) => s.selected);
  const p = placementOf(index);
  const n = index.view.assets.length;
  const meshes = useMemo(
    () => ({ down: makeMesh('down', n), degraded: makeMesh('degraded', n), compromised: makeMesh('compromised', n), selected: makeMesh('selected', 1) }),
    [n],
  );
  const drawn = useRef({ version: -1, scale: -1, layers, selected: null as string | null });
  const o = useMemo(() => new Object3D(), []);

  useEffect(
    () => () => {
      for (const m of Object.values(meshes)) {
        m.geometry.dispose();
        (m.material as MeshBasicMaterial).dispose();
      }
    },
    [meshes],
  );

  useFrame(({ clock }) => {
    const snap = live.snapshot;
    if (!snap) return;
    const d = drawn.current;
    const anyCompromised = meshes.compromised.count > 0;
    const stale = d.version !== live.version || d.scale !== viewState.scaleVersion || d.layers !== layers || d.selected !== selected;
    if (!stale && !anyCompromised) return;
    const pulse = Math.sin(clock.elapsedTime * 5);
    if (stale) {
      Object.assign(d, { version: live.version, scale: viewState.scaleVersion, layers, selected });
      let nd = 0;
      let ng = 0;
      for (let i = 0; i < n; i++) {
        if (!(layers as Record<string, boolean>)[index.view.assets[i]!.subsystem]) continue;
        const st = snap.status[i];
        if (st === 2) {
          place(o, p, i, 'down', viewState.markerScale, 0);
          meshes.down.setMatrixAt(nd++, o.matrix);
        } else if (st === 1) {
          place(o, p, i, 'degraded', viewState.markerScale, 0);
          meshes.degraded.setMatrixAt(ng++, o.matrix);
        }
      }
      meshes.down.count = nd;
      meshes.degraded.count = ng;
      meshes.down.instanceMatrix.needsUpdate = true;
      meshes.degraded.instanceMatrix.needsUpdate = true;
      const si = selected !== null ? index.assetIndex.get(selected) : undefined;
      meshes.selected.count = si === undefined ? 0 : 1;
      if (si !== undefined) {
        place(o, p, si, 'selected', viewState.markerScale, 0);
        meshes.selected.setMatrixAt(0, o.matrix);
        meshes.selected.instanceMatrix.needsUpdate = true;
      }
    }
    // The compromise ring pulses, so it is re-laid every animation frame while any exists.
    let nc = 0;
    for (let i = 0; i < n; i++) {
      if (snap.compromised[i] !== 1 || !(layers as Record<string, boolean>)[index.view.assets[i]!.subsystem]) continue;
      place(o, p, i, 'compromised', viewState.markerScale, pulse);
      meshes.compromised.setMatrixAt(nc++, o.matrix);
    }
    meshes.compromised.count = nc;
    meshes.compromised.instanceMatrix.needsUpdate = true;
    if (nc > 0) requestAnimation();
  });

  return (
    <group>
      <primitive object={meshes.down} />
      <primitive object={meshes.degraded} />
      <primitive object={meshes.compromised} />
      <primitive object={meshes.selected} />
    </group>
  );
}
