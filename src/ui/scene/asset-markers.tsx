/**
 * Asset markers: one InstancedMesh per asset kind, shaped by subsystem and coloured by status.
 * Colours update from the live snapshot in useFrame (no React render per frame); matrices are
 * re-laid only when the camera distance changes the marker scale. Clicking a marker selects it.
 */
import { useFrame, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Color, DynamicDrawUsage, InstancedBufferAttribute, InstancedMesh, MeshLambertMaterial, Object3D } from 'three';
import { STATUS_COLOR } from '../palette';
import { live } from '../store/live';
import { selectAsset, useUi } from '../store/ui-store';
import type { WorldIndex } from '../store/world-index';
import { markerGeometry, shapeOf } from './marker-geometry';
import { markerSize, markerY, placementOf, type Placement } from './placement';
import { setHover } from './hover';
import { viewState } from './view-state';

const STATUS_RGB = [new Color(STATUS_COLOR.ok), new Color(STATUS_COLOR.degraded), new Color(STATUS_COLOR.down)];

function layOut(mesh: InstancedMesh, place: Placement, indices: readonly number[], scale: number): void {
  const o = new Object3D();
  indices.forEach((ai, k) => {
    if (place.disc[ai]) {
      const r = place.radius[ai]!;
      o.position.set(place.x[ai]!, markerY(place, ai, scale), place.z[ai]!);
      o.scale.set(r, 1.5, r);
    } else {
      const s = markerSize(place, ai, scale);
      o.position.set(place.x[ai]!, markerY(place, ai, scale), place.z[ai]!);
      o.scale.set(s, s, s);
    }
    o.updateMatrix();
    mesh.setMatrixAt(k, o.matrix);
  });
  mesh.instanceMatrix.needsUpdate = true;
  mesh.computeBoundingSphere();
  mesh.computeBoundingBox();
}

function KindMarkers({ index, kind, indices, visible }: { index: WorldIndex; kind: string; indices: readonly number[]; visible: boolean }) {
  const place = placementOf(index);
  const subsystem = index.view.assets[indices[0]!]!.subsystem;
  const isDisc = subsystem === 'population';
  const mesh = useMemo(() => {
    const mat = new MeshLambertMaterial({ color: 0xffffff, transparent: isDisc, opacity: isDisc ? 0.42 : 1, depthWrite: !isDisc });
    const m = new InstancedMesh(markerGeometry(shapeOf(subsystem)), mat, indices.length);
    m.instanceColor = new InstancedBufferAttribute(new Float32Array(indices.length * 3), 3);
    m.instanceColor.setUsage(DynamicDrawUsage);
    m.name = `markers:${kind}`;
    if (isDisc) m.renderOrder = 2;
    return m;
  }, [indices, kind, subsystem, isDisc]);
  const drawn = useRef({ version: -1, scale: -1 });

  useEffect(() => () => (mesh.material as MeshLambertMaterial).dispose(), [mesh]);

  useFrame(() => {
    if (drawn.current.scale !== viewState.scaleVersion) {
      drawn.current.scale = viewState.scaleVersion;
      layOut(mesh, place, indices, viewState.markerScale);
    }
    const snap = live.snapshot;
    if (!snap || drawn.current.version === live.version) return;
    drawn.current.version = live.version;
    indices.forEach((ai, k) => mesh.setColorAt(k, STATUS_RGB[snap.status[ai]!] ?? STATUS_RGB[0]!));
    mesh.instanceColor!.needsUpdate = true;
  });

  const pick = (e: ThreeEvent<MouseEvent>) => {
    if (e.instanceId === undefined) return;
    e.stopPropagation();
    selectAsset(index.view.assets[indices[e.instanceId]!]!.id);
  };
  const over = (e: ThreeEvent<PointerEvent>) => {
    if (e.instanceId === undefined) return;
    e.stopPropagation();
    setHover(indices[e.instanceId]!, e.nativeEvent.clientX, e.nativeEvent.clientY);
  };

  return <primitive object={mesh} visible={visible} onClick={pick} onPointerMove={over} onPointerOut={() => setHover(null, 0, 0)} />;
}

export function AssetMarkers({ index }: { index: WorldIndex }) {
  const layers = useUi((s) => s.layers);
  const kinds = useMemo(() => [...index.byKind.entries()], [index]);
  return (
    <group>
      {kinds.map(([kind, indices]) => (
        <KindMarkers
          key={kind}
          index={index}
          kind={kind}
          indices={indices}
          visible={(layers as Record<string, boolean>)[index.view.assets[indices[0]!]!.subsystem] ?? true}
        />
      ))}
    </group>
  );
}
