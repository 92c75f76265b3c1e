/**
 * The water network in the 3D view: pipes as line segments coloured by flow, demand nodes as dots
 * coloured and sized by service (worse service, bigger dot), tanks as a shell with a water column
 * whose height is the fill level, and pumps as boxes coloured by state (running, stopped by its
 * controller, stopped for lack of power). Per-frame work reads the live snapshot in useFrame and
 * only when its version changes; instance buffers are written directly.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import {
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  Color,
  CylinderGeometry,
  type Group,
  InstancedMesh,
  LineBasicMaterial,
  LineSegments,
  Matrix4,
  MeshBasicMaterial,
  SphereGeometry,
} from 'three';
import type { WaterView } from '../../worker/protocol';
import { live } from '../store/live';
import { selectAsset, useUi } from '../store/ui-store';
import type { WorldIndex } from '../store/world-index';
import { CLOSED_PIPE_COLOR, FLOW_BANDS, PUMP_COLOR, SERVICE_BANDS, TANK_COLOR, WATER_LAYER, flowBand, pumpState, serviceBand } from './water-style';

const PIPE_Y = 1.5;
const NODE_Y = 3;
const TANK_R = 14;
const TANK_H = 36;

export function WaterLayer({ index }: { index: WorldIndex }) {
  const wv = index.view.water ?? null;
  return wv ? <WaterDrawing wv={wv} index={index} /> : null;
}

function WaterDrawing({ wv, index }: { wv: WaterView; index: WorldIndex }) {
  const on = useUi((s) => s.layers[WATER_LAYER]);
  const pipes = useMemo(() => buildPipes(wv), [wv]);
  const junctions = useMemo(() => wv.nodeType.reduce<number[]>((a, t, i) => (t === 0 ? [...a, i] : a), []), [wv]);
  const tanks = useMemo(() => wv.nodeType.reduce<number[]>((a, t, i) => (t === 2 ? [...a, i] : a), []), [wv]);
  const pumps = useMemo(() => wv.linkType.reduce<number[]>((a, t, k) => (t === 1 ? [...a, k] : a), []), [wv]);
  const dots = useMemo(() => instanced(new SphereGeometry(1, 8, 6), junctions.length), [junctions]);
  const shells = useMemo(() => {
    const m = instanced(new CylinderGeometry(TANK_R, TANK_R, TANK_H, 20, 1, true), tanks.length, { transparent: true, opacity: 0.25 });
    const at = new Matrix4();
    tanks.forEach((i, j) => {
      m.setMatrixAt(j, at.makeTranslation(wv.nodeX[i]!, TANK_H / 2, wv.nodeZ[i]!));
      m.setColorAt(j, SHELL);
    });
    m.userData.assets = tanks.map((i) => wv.nodeAsset[i]!);
    return m;
  }, [tanks, wv]);
  const columns = useMemo(() => instanced(new CylinderGeometry(TANK_R * 0.9, TANK_R * 0.9, 1, 20), tanks.length), [tanks]);
  const boxes = useMemo(() => {
    const m = instanced(new BoxGeometry(10, 8, 10), pumps.length);
    m.userData.assets = pumps.map((k) => wv.linkAsset[k]!);
    return m;
  }, [pumps, wv]);
  const drawn = useRef(-1);
  const group = useRef<Group | null>(null);

  useEffect(
    () => () => {
      pipes.geometry.dispose();
      (pipes.material as LineBasicMaterial).dispose();
      for (const m of [dots, shells, columns, boxes]) {
        m.geometry.dispose();
        (m.material as MeshBasicMaterial).dispose();
      }
    },
    [pipes, dots, shells, columns, boxes],
  );

  useFrame(() => {
    const w = live.snapshot?.water;
    if (!w || live.version === drawn.current) return;
    drawn.current = live.version;
    const pc = pipes.geometry.getAttribute('color') as BufferAttribute;
    const arr = pc.array as Float32Array;
    for (let k = 0; k < wv.linkIds.length; k++) {
      const c = w.linkOpen[k] ? FLOW_RGB[FLOW_BANDS.indexOf(flowBand(w.flowLps[k]!))]! : CLOSED;
      arr[k * 6] = arr[k * 6 + 3] = c.r;
      arr[k * 6 + 1] = arr[k * 6 + 4] = c.g;
      arr[k * 6 + 2] = arr[k * 6 + 5] = c.b;
    }
    pc.needsUpdate = true;
    const at = new Matrix4();
    junctions.forEach((i, j) => {
      const band = serviceBand(w.service[i]!);
      const r = band.id === 'full' ? 3 : band.id === 'low' ? 6 : 9;
      dots.setMatrixAt(j, at.makeScale(r, r, r).setPosition(wv.nodeX[i]!, NODE_Y, wv.nodeZ[i]!));
      dots.setColorAt(j, SERVICE_RGB[SERVICE_BANDS.indexOf(band)]!);
    });
    tanks.forEach((i, j) => {
      const h = Math.max(0.5, w.tankFill[i]! * TANK_H);
      columns.setMatrixAt(j, at.makeScale(1, h, 1).setPosition(wv.nodeX[i]!, h / 2, wv.nodeZ[i]!));
      columns.setColorAt(j, WATER);
    });
    pumps.forEach((k, j) => {
      const a = wv.nodeX[wv.linkFrom[k]!]!;
      const b = wv.nodeX[wv.linkTo[k]!]!;
      const x = (a + b) / 2;
      const z = (wv.nodeZ[wv.linkFrom[k]!]! + wv.nodeZ[wv.linkTo[k]!]!) / 2;
      boxes.setMatrixAt(j, at.makeTranslation(x, 5, z));
      boxes.setColorAt(j, PUMP_RGB[pumpState(w.linkOpen[k]!, w.powered[k]!)]);
    });
    for (const m of [dots, columns, boxes]) {
      m.instanceMatrix.needsUpdate = true;
      if (m.instanceColor) m.instanceColor.needsUpdate = true;
    }
  });

  const pick = (e: { object: unknown; instanceId?: number; stopPropagation: () => void }) => {
    const assets = (e.object as InstancedMesh).userData?.assets as number[] | undefined;
    const a = e.instanceId !== undefined && assets ? assets[e.instanceId] : undefined;
    if (a === undefined || a < 0) return;
    e.stopPropagation();
    selectAsset(index.view.assets[a]!.id);
  };

  return (
    <group ref={group} visible={on} name="water-layer">
      <primitive object={pipes} />
      <primitive object={dots} />
      <primitive object={columns} />
      <primitive object={shells} onClick={pick} />
      <primitive object={boxes} onClick={pick} />
    </group>
  );
}

function instanced(geo: BufferGeometry, count: number, opts: { transparent?: boolean; opacity?: number } = {}): InstancedMesh {
  const m = new InstancedMesh(geo, new MeshBasicMaterial({ color: '#ffffff', ...opts }), Math.max(1, count));
  m.count = count;
  m.frustumCulled = false;
  return m;
}

function buildPipes(wv: WaterView): LineSegments {
  const n = wv.linkIds.length;
  const pos = new Float32Array(n * 6);
  for (let k = 0; k < n; k++) {
    const a = wv.linkFrom[k]!;
    const b = wv.linkTo[k]!;
    pos.set([wv.nodeX[a]!, PIPE_Y, wv.nodeZ[a]!, wv.nodeX[b]!, PIPE_Y, wv.nodeZ[b]!], k * 6);
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(pos, 3));
  g.setAttribute('color', new BufferAttribute(new Float32Array(n * 6).fill(0.5), 3));
  const lines = new LineSegments(g, new LineBasicMaterial({ vertexColors: true }));
  lines.frustumCulled = false;
  lines.raycast = () => {};
  lines.name = 'water-pipes';
  return lines;
}

const FLOW_RGB = FLOW_BANDS.map((b) => new Color(b.color));
const SERVICE_RGB = SERVICE_BANDS.map((b) => new Color(b.color));
const PUMP_RGB = { running: new Color(PUMP_COLOR.running), stopped: new Color(PUMP_COLOR.stopped), unpowered: new Color(PUMP_COLOR.unpowered) };
const CLOSED = new Color(CLOSED_PIPE_COLOR);
const SHELL = new Color(TANK_COLOR.shell);
const WATER = new Color(TANK_COLOR.water);
