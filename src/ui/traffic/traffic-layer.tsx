/**
 * Traffic in the 3D view: every vehicle as one instance of a small box on its lane (blue for
 * emergency units, orange while waiting), links drawn beside the road centre coloured and widened
 * by congestion, and at each signalised junction one lamp group per approach, just before the stop
 * line over its own lanes, showing its left, ahead and right movements by shape and colour (a green
 * arrow the way of the turn; with a white give-way triangle when the turn must give way; a red bar,
 * a short amber bar, a grey disc when dark: see signal-lamps.ts). The vehicle in the inspector
 * wears a white ring, drawn over everything else.
 *
 * All per-frame work reads the live snapshot in useFrame and only when its version changes; the
 * instance buffer is written directly (no Object3D per vehicle, no React render per frame).
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import {
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  Color,
  DynamicDrawUsage,
  type Group,
  InstancedBufferAttribute,
  InstancedMesh,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  RingGeometry,
} from 'three';
import type { TrafficView } from '../../worker/protocol';
import { SELECTED_COLOR } from '../palette';
import { viewState } from '../scene/view-state';
import { live } from '../store/live';
import { selectFeature, uiStore, useUi } from '../store/ui-store';
import type { WorldIndex } from '../store/world-index';
import { SignalLamps } from './signal-lamps';
import { CONGESTION_BANDS, TRAFFIC_LAYER, VEHICLE_COLOR, congestionBand } from './traffic-style';

const CAR_Y = 1.2;
const LINK_Y = 0.6;

export function TrafficLayer({ index }: { index: WorldIndex }) {
  const tv = index.view.traffic ?? null;
  return tv ? <TrafficDrawing tv={tv} /> : null;
}

function TrafficDrawing({ tv }: { tv: TrafficView }) {
  const on = useUi((s) => s.layers[TRAFFIC_LAYER]);
  const links = useMemo(() => buildLinks(tv), [tv]);
  const lamps = useMemo(() => new SignalLamps(tv), [tv]);
  const cars = useRef<InstancedMesh | null>(null);
  const carGeo = useMemo(() => new BoxGeometry(4.5, 1.6, 1.9), []);
  const carMat = useMemo(() => new MeshBasicMaterial({ color: '#ffffff' }), []);
  const drawn = useRef(-1);
  const drawnScale = useRef(-1);
  const group = useRef<Group | null>(null);
  // The inspected vehicle wears a ring (drawn over buildings, so it can be found in a dense block).
  const selected = useUi((s) =>
    s.selectedFeature?.layer === TRAFFIC_LAYER && s.selectedFeature.id.startsWith('vehicle:') ? Number(s.selectedFeature.id.slice(8)) : -1,
  );
  const ring = useMemo(() => selectionRing(), []);
  const drawnSelected = useRef(-2);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [selected, invalidate]);

  useEffect(
    () => () => {
      links.geometry.dispose();
      (links.material as LineBasicMaterial).dispose();
      lamps.dispose();
      carGeo.dispose();
      carMat.dispose();
      ring.geometry.dispose();
      (ring.material as MeshBasicMaterial).dispose();
      // The vehicles' instance buffers live on the GPU until disposed: free them with the layer.
      cars.current?.dispose();
      cars.current = null;
    },
    [links, lamps, carGeo, carMat, ring],
  );

  useFrame(() => {
    const snap = live.snapshot;
    const t = snap?.traffic;
    if (!t || !group.current || (live.version === drawn.current && viewState.scaleVersion === drawnScale.current && selected === drawnSelected.current)) return;
    drawn.current = live.version;
    drawnScale.current = viewState.scaleVersion;
    drawnSelected.current = selected;
    // Vehicles grow as the camera pulls back (like the markers), so traffic stays visible city-wide.
    const k = Math.max(1, viewState.markerScale * 2);
    const n = t.vehicleState.length;
    let mesh = cars.current;
    if (!mesh || mesh.instanceMatrix.count < n) {
      // Grow by doubling; the old mesh is dropped (this happens a handful of times per run).
      if (mesh) {
        group.current.remove(mesh);
        mesh.dispose();
      }
      mesh = new InstancedMesh(carGeo, carMat, Math.max(256, n * 2));
      mesh.instanceMatrix.setUsage(DynamicDrawUsage);
      mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(mesh.instanceMatrix.count * 3), 3);
      mesh.instanceColor.setUsage(DynamicDrawUsage);
      mesh.frustumCulled = false;
      mesh.name = 'traffic-vehicles';
      mesh.userData.slots = null;
      group.current.add(mesh);
      cars.current = mesh;
    }
    const mat = mesh.instanceMatrix.array as Float32Array;
    const col = mesh.instanceColor!.array as Float32Array;
    const v = t.vehicles;
    for (let i = 0; i < n; i++) {
      const x = v[i * 3]!;
      const z = v[i * 3 + 1]!;
      const h = v[i * 3 + 2]!;
      const c = Math.cos(h) * k;
      const s = Math.sin(h) * k;
      // Rotation about y by −heading (x east, z south), as a column-major 4×4.
      const o = i * 16;
      mat[o] = c;
      mat[o + 1] = 0;
      mat[o + 2] = s;
      mat[o + 3] = 0;
      mat[o + 4] = 0;
      mat[o + 5] = k;
      mat[o + 6] = 0;
      mat[o + 7] = 0;
      mat[o + 8] = -s;
      mat[o + 9] = 0;
      mat[o + 10] = c;
      mat[o + 11] = 0;
      mat[o + 12] = x;
      mat[o + 13] = CAR_Y * k;
      mat[o + 14] = z;
      mat[o + 15] = 1;
      const st = t.vehicleState[i]!;
      const rgb = st >> 4 === 1 ? EMERGENCY : (st & 15) !== 0 && (st & 15) !== 8 ? WAITING : MOVING;
      col[i * 3] = rgb.r;
      col[i * 3 + 1] = rgb.g;
      col[i * 3 + 2] = rgb.b;
    }
    mesh.count = n;
    const at = selected >= 0 ? t.vehicleSlot.indexOf(selected) : -1;
    ring.visible = at >= 0;
    if (at >= 0) {
      ring.position.set(v[at * 3]!, LINK_Y + 0.4, v[at * 3 + 1]!);
      ring.scale.setScalar(k);
    }
    // Picking tests the instances' bounding sphere first; three computes it once, so drop it
    // whenever the vehicles move (it is recomputed on the next click, not every frame).
    mesh.boundingSphere = null;
    mesh.boundingBox = null;
    mesh.userData.slots = t.vehicleSlot;
    mesh.instanceMatrix.needsUpdate = true;
    mesh.instanceColor!.needsUpdate = true;
    // Links by congestion (the snapshot refreshes it once a simulated minute).
    const lc = links.geometry.getAttribute('color') as BufferAttribute;
    const arr = lc.array as Float32Array;
    for (let l = 0; l < t.congestion.length; l++) {
      const b = BAND_RGB[CONGESTION_BANDS.indexOf(congestionBand(t.congestion[l]!))]!;
      arr.set([b.r, b.g, b.b, b.r, b.g, b.b], l * 6);
    }
    lc.needsUpdate = true;
    // Lamps grow faster than vehicles: from afar each approach still shows as its colour and shape.
    if (t.approaches) lamps.update(t.approaches, Math.max(1, viewState.markerScale * 4));
  });

  return (
    <group
      ref={group}
      visible={on}
      name="traffic-layer"
      onClick={(e) => {
        const slots = (e.object as InstancedMesh).userData?.slots as Int32Array | undefined;
        if (e.instanceId === undefined || !slots || e.object !== cars.current) return;
        e.stopPropagation();
        const slot = slots[e.instanceId];
        if (slot !== undefined && uiStore.getState().layers[TRAFFIC_LAYER]) selectFeature({ layer: TRAFFIC_LAYER, id: `vehicle:${slot}` });
      }}
    >
      <primitive object={links} />
      <primitive object={lamps.group} />
      <primitive object={ring} />
    </group>
  );
}

function selectionRing(): Mesh {
  const m = new Mesh(
    new RingGeometry(4, 5.5, 32),
    new MeshBasicMaterial({ color: SELECTED_COLOR, depthTest: false, transparent: true, toneMapped: false, fog: false }),
  );
  m.rotation.x = -Math.PI / 2;
  m.renderOrder = 12;
  m.visible = false;
  m.name = 'selected-vehicle';
  m.raycast = () => undefined;
  return m;
}

const MOVING = new Color(VEHICLE_COLOR.moving);
const WAITING = new Color(VEHICLE_COLOR.waiting);
const EMERGENCY = new Color(VEHICLE_COLOR.emergency);
const BAND_RGB = CONGESTION_BANDS.map((b) => new Color(b.color));

/** One segment per link, 2 m to the driving side of the road centre (the UK drives on the left). */
function buildLinks(tv: TrafficView): LineSegments {
  const n = tv.links.length / 4;
  const pos = new Float32Array(n * 6);
  const col = new Float32Array(n * 6);
  const free = new Color(CONGESTION_BANDS[0].color);
  for (let l = 0; l < n; l++) {
    const ax = tv.links[l * 4]!;
    const az = tv.links[l * 4 + 1]!;
    const bx = tv.links[l * 4 + 2]!;
    const bz = tv.links[l * 4 + 3]!;
    const len = Math.hypot(bx - ax, bz - az) || 1;
    const off = 2 + (tv.lanes[l]! - 1) * 1.6;
    const ox = ((bz - az) / len) * off;
    const oz = (-(bx - ax) / len) * off;
    pos.set([ax + ox, LINK_Y, az + oz, bx + ox, LINK_Y, bz + oz], l * 6);
    col.set([free.r, free.g, free.b, free.r, free.g, free.b], l * 6);
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(pos, 3));
  g.setAttribute('color', new BufferAttribute(col, 3).setUsage(DynamicDrawUsage));
  g.computeBoundingSphere();
  const lines = new LineSegments(g, new LineBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.85 }));
  lines.raycast = () => {};
  lines.name = 'traffic-links';
  lines.renderOrder = 3;
  return lines;
}
