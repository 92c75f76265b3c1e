/**
 * Every building: one InstancedMesh of boxes, or, where the city has real footprints (OpenStreetMap),
 * one merged mesh of extruded outlines. Each building belongs to its nearest neighbourhood; when
 * that neighbourhood has lost power outright the building goes dark, so a blackout reads at a
 * glance across the city. Buildings are not pickable (markers are), which keeps raycasts cheap.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, BufferAttribute, Color, DynamicDrawUsage, InstancedBufferAttribute, InstancedMesh, Mesh, MeshBasicMaterial, Object3D } from 'three';
import type { WorldView } from '../../worker/protocol';
import { BUILDING_COLOR, BUILDING_DARK } from '../palette';
import { buildFootprintGeometry, paintFootprints, SHADE } from './footprint-geometry';
import { live } from '../store/live';
import { sceneHandle } from '../store/scene-handle';
import { bootMark } from '../app/boot-marks';
import { hasLost, type WorldIndex } from '../store/world-index';

/** For each building, the index of the neighbourhood asset it belongs to (or -1). */
export function neighbourhoodOfBuildings(index: WorldIndex): Int32Array {
  const b = index.view.city.buildings;
  const hoods = index.view.assets.map((a, i) => ({ a, i })).filter(({ a }) => a.subsystem === 'population');
  const districtIds = index.view.city.districts.map((d) => d.id);
  const out = new Int32Array(b.count).fill(-1);
  for (let k = 0; k < b.count; k++) {
    const did = districtIds[b.district[k]!];
    let best = -1;
    let bestD = Infinity;
    let bestAny = -1;
    let bestAnyD = Infinity;
    for (const { a, i } of hoods) {
      const d2 = (a.position[0] - b.x[k]!) ** 2 + (a.position[1] - b.z[k]!) ** 2;
      if (d2 < bestAnyD) [bestAny, bestAnyD] = [i, d2];
      if (a.district === did && d2 < bestD) [best, bestD] = [i, d2];
    }
    out[k] = best >= 0 ? best : bestAny;
  }
  return out;
}

/**
 * A unit box standing on the ground with its lighting baked into vertex colours (roof brightest,
 * walls by the side they face) and no floor. Unlit shading keeps 8,000 buildings cheap even where
 * WebGL runs in software.
 */
function buildingGeometry(): BoxGeometry {
  const g = new BoxGeometry(1, 1, 1).translate(0, 0.5, 0);
  // BoxGeometry faces in order: +x, -x, +y, -y, +z, -z; four vertices each.
  const shade = [SHADE.east, SHADE.west, SHADE.roof, SHADE.floor, SHADE.south, SHADE.north];
  const colors = new Float32Array(24 * 3);
  for (let f = 0; f < 6; f++) for (let v = 0; v < 4; v++) colors.fill(shade[f]!, (f * 4 + v) * 3, (f * 4 + v) * 3 + 3);
  g.setAttribute('color', new BufferAttribute(colors, 3));
  // Drop the floor (face -y, indices 18..23 of the index buffer's 36).
  const idx = Array.from(g.getIndex()!.array as ArrayLike<number>);
  g.setIndex([...idx.slice(0, 18), ...idx.slice(24)]);
  return g;
}

type BuildingArrays = WorldView['city']['buildings'];

/** Each building's lit colour (three floats a building): its use's tint with a little variation. */
function litColours(b: BuildingArrays): Float32Array {
  const c = new Color();
  const out = new Float32Array(b.count * 3);
  for (let i = 0; i < b.count; i++) {
    // A small deterministic variation per building keeps blocks from looking like one slab.
    const jitter = 0.86 + ((((i * 2654435761) >>> 0) % 1000) / 1000) * 0.22;
    c.set(BUILDING_COLOR[b.use[i]! as 0 | 1 | 2 | 3] ?? BUILDING_COLOR[0]).multiplyScalar(jitter);
    out.set([c.r, c.g, c.b], i * 3);
  }
  return out;
}

/** A drawn set of buildings and how to repaint it from per-building colours. */
interface BuildingMesh {
  readonly mesh: Mesh;
  readonly paint: (rgb: Float32Array) => void;
}

function boxMesh(b: BuildingArrays, lit: Float32Array): BuildingMesh {
  const m = new InstancedMesh(buildingGeometry(), new MeshBasicMaterial({ color: 0xffffff, vertexColors: true }), b.count);
  const o = new Object3D();
  for (let i = 0; i < b.count; i++) {
    o.position.set(b.x[i]!, 0, b.z[i]!);
    o.scale.set(Math.max(1, b.w[i]!), Math.max(1, b.h[i]!), Math.max(1, b.d[i]!));
    o.updateMatrix();
    m.setMatrixAt(i, o.matrix);
  }
  m.instanceColor = new InstancedBufferAttribute(lit.slice(), 3);
  m.instanceColor.setUsage(DynamicDrawUsage);
  m.computeBoundingSphere();
  return {
    mesh: m,
    paint: (rgb) => {
      (m.instanceColor!.array as Float32Array).set(rgb);
      m.instanceColor!.needsUpdate = true;
    },
  };
}

function footprintMesh(b: BuildingArrays, lit: Float32Array): BuildingMesh {
  const f = buildFootprintGeometry(b, lit);
  const m = new Mesh(f.geometry, new MeshBasicMaterial({ color: 0xffffff, vertexColors: true }));
  return { mesh: m, paint: (rgb) => paintFootprints(f, rgb) };
}

export function Buildings({ index, visible }: { index: WorldIndex; visible: boolean }) {
  const b = index.view.city.buildings;
  const owner = useMemo(() => neighbourhoodOfBuildings(index), [index]);
  const hoods = useMemo(() => [...new Set(owner)].filter((i) => i >= 0), [owner]);
  const { mesh, paint, lit } = useMemo(() => {
    const lit = litColours(b);
    const drawn = b.outline ? footprintMesh(b, lit) : boxMesh(b, lit);
    drawn.mesh.raycast = () => {};
    return { ...drawn, lit };
  }, [b]);
  const state = useRef({ version: -1, dark: new Set<number>() });

  useEffect(() => {
    mesh.onAfterRender = () => {
      if (sceneHandle.cityDrawnAt !== null) return;
      sceneHandle.cityDrawnAt = performance.now();
      bootMark('twin:city-drawn', sceneHandle.cityDrawnAt);
    };
    return () => {
      mesh.geometry.dispose();
      (mesh.material as MeshBasicMaterial).dispose();
      if (mesh instanceof InstancedMesh) mesh.dispose();
    };
  }, [mesh]);

  useFrame(() => {
    const snap = live.snapshot;
    if (!snap || state.current.version === live.version) return;
    state.current.version = live.version;
    const dark = new Set<number>();
    for (const h of hoods) if (hasLost(index, snap.edgeState, h, 'power')) dark.add(h);
    const prev = state.current.dark;
    if (dark.size === prev.size && [...dark].every((h) => prev.has(h))) return;
    state.current.dark = dark;
    const rgb = lit.slice();
    const off = new Color(BUILDING_DARK);
    for (let i = 0; i < b.count; i++) if (dark.has(owner[i]!)) rgb.set([off.r, off.g, off.b], i * 3);
    paint(rgb);
  });

  return <primitive object={mesh} visible={visible} />;
}
