/**
 * Dots travelling along every stressed link from supplier to dependent — amber while the
 * dependent rides on backup, red once the supply is lost — so the direction of a cascade reads
 * even where the lines themselves are thin. One InstancedMesh; live dots packed at the front.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Color, InstancedBufferAttribute, InstancedMesh, MeshBasicMaterial, Object3D, SphereGeometry } from 'three';
import { SUPPLY_COLOR } from '../palette';
import { useUi } from '../store/ui-store';
import type { WorldIndex } from '../store/world-index';
import { arcLength, arcPoint, arcsOf } from './link-arcs';
import { SWEEP_S } from './link-material';
import { linkClock, linkState } from './link-state';
import { viewState } from './view-state';

/** Metres per second a pulse travels, and bounds on the time to cross one link. */
const PULSE_SPEED = 600;
const MIN_TRIP_S = 0.8;
const MAX_TRIP_S = 3;
const COLORS = [new Color(SUPPLY_COLOR[0]), new Color(SUPPLY_COLOR[1]), new Color(SUPPLY_COLOR[2])];

export function LinkPulses({ index }: { index: WorldIndex }) {
  const linksOn = useUi((s) => s.layers.links);
  const n = index.view.edges.length;
  const mesh = useMemo(() => {
    const m = new InstancedMesh(new SphereGeometry(1, 10, 8), new MeshBasicMaterial({ color: 0xffffff }), Math.max(1, n));
    m.instanceColor = new InstancedBufferAttribute(new Float32Array(Math.max(1, n) * 3), 3);
    m.count = 0;
    m.frustumCulled = false;
    m.raycast = () => {};
    m.renderOrder = 5;
    return m;
  }, [n]);
  const scratch = useMemo(() => ({ o: new Object3D(), p: { x: 0, y: 0, z: 0 } }), []);

  useEffect(
    () => () => {
      mesh.geometry.dispose();
      (mesh.material as MeshBasicMaterial).dispose();
    },
    [mesh],
  );

  useFrame(() => {
    const arcs = arcsOf(index);
    const now = linkClock();
    const size = 5 * viewState.markerScale + 2;
    let k = 0;
    for (let ei = 0; ei < n && linksOn; ei++) {
      const st = linkState.state[ei]!;
      if (st === 0 || linkState.vis[ei] === 0 || Number.isNaN(arcs[ei * 9]!)) continue;
      const since = now - linkState.start[ei]! - SWEEP_S;
      if (since < 0) continue; // the line is still sweeping: the pulse follows once it has arrived
      const trip = Math.min(MAX_TRIP_S, Math.max(MIN_TRIP_S, arcLength(arcs, ei) / PULSE_SPEED));
      arcPoint(arcs, ei, (since % trip) / trip, scratch.p);
      scratch.o.position.set(scratch.p.x, scratch.p.y, scratch.p.z);
      scratch.o.scale.setScalar(st === 2 ? size : size * 0.8);
      scratch.o.updateMatrix();
      mesh.setMatrixAt(k, scratch.o.matrix);
      mesh.setColorAt(k, COLORS[st]!);
      k++;
    }
    mesh.count = k;
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  });

  return <primitive object={mesh} visible={linksOn} />;
}
