/**
 * Dependency links drawn as arcs from supplier to dependent, all in one LineSegments geometry.
 * Per-edge attributes (state, visibility, sweep start) are rewritten only for edges that change,
 * and the shader animates them (see link-material.ts). Visibility follows the layer toggles: the
 * links layer, each edge kind, both endpoints' subsystems, and "only links on backup or lost".
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, LineSegments } from 'three';
import { live } from '../store/live';
import { useUi, type UiState } from '../store/ui-store';
import type { WorldIndex } from '../store/world-index';
import { requestAnimation } from './animation';
import { cascadeDepths } from './cascade-order';
import { EDGE_KIND_INDEX, makeLinkMaterial } from './link-material';
import { linkClock, linkState, resetLinkState } from './link-state';
import { arcLength, arcPoint, arcsOf } from './link-arcs';

const SEGMENTS = 14;
const VERTS = SEGMENTS * 2;
/** Wall seconds between successive steps of a cascade replayed in one frame. */
const STEP_DELAY_S = 0.45;

function buildGeometry(index: WorldIndex): BufferGeometry {
  const arcs = arcsOf(index);
  const n = index.view.edges.length;
  const pos = new Float32Array(n * VERTS * 3);
  const t = new Float32Array(n * VERTS);
  const len = new Float32Array(n * VERTS);
  const kind = new Float32Array(n * VERTS);
  const pt = { x: 0, y: 0, z: 0 };
  index.view.edges.forEach((e, ei) => {
    if (Number.isNaN(arcs[ei * 9]!)) return;
    const k = EDGE_KIND_INDEX[e.kind] ?? 0;
    const l = arcLength(arcs, ei);
    for (let s = 0; s < SEGMENTS; s++) {
      for (let j = 0; j < 2; j++) {
        const ss = (s + j) / SEGMENTS;
        const v = ei * VERTS + s * 2 + j;
        arcPoint(arcs, ei, ss, pt);
        pos.set([pt.x, pt.y, pt.z], v * 3);
        t[v] = ss;
        len[v] = l;
        kind[v] = k;
      }
    }
  });
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(pos, 3));
  g.setAttribute('aT', new BufferAttribute(t, 1));
  g.setAttribute('aLen', new BufferAttribute(len, 1));
  g.setAttribute('aKind', new BufferAttribute(kind, 1));
  g.setAttribute('aState', new BufferAttribute(new Float32Array(n * VERTS), 1));
  g.setAttribute('aVis', new BufferAttribute(new Float32Array(n * VERTS), 1));
  g.setAttribute('aStart', new BufferAttribute(new Float32Array(n * VERTS), 1));
  g.computeBoundingSphere();
  return g;
}

function fill(attr: BufferAttribute, ei: number, value: number): void {
  (attr.array as Float32Array).fill(value, ei * VERTS, (ei + 1) * VERTS);
}

type Toggles = Pick<UiState, 'layers' | 'linkKinds' | 'stressedLinksOnly' | 'selected'>;

function visibility(index: WorldIndex, ei: number, state: number, tg: Toggles, selectedIdx: number | undefined): number {
  const e = index.view.edges[ei]!;
  const f = index.edgeFrom[ei]!;
  const d = index.edgeTo[ei]!;
  if (f < 0 || d < 0) return 0;
  const layers = tg.layers as Record<string, boolean>;
  const related = selectedIdx !== undefined && (f === selectedIdx || d === selectedIdx);
  if (related) return 2;
  if (!tg.linkKinds[e.kind]) return 0;
  if (!layers[index.view.assets[f]!.subsystem] || !layers[index.view.assets[d]!.subsystem]) return 0;
  if (tg.stressedLinksOnly && state === 0) return 0;
  return 1;
}

export function DependencyLinks({ index }: { index: WorldIndex }) {
  const layers = useUi((s) => s.layers);
  const linkKinds = useUi((s) => s.linkKinds);
  const stressedLinksOnly = useUi((s) => s.stressedLinksOnly);
  const selected = useUi((s) => s.selected);
  const line = useMemo(() => {
    const l = new LineSegments(buildGeometry(index), makeLinkMaterial());
    l.raycast = () => {};
    l.renderOrder = 4;
    l.frustumCulled = false;
    resetLinkState(index.view.edges.length);
    return l;
  }, [index]);
  const drawn = useRef({ version: -1, toggles: null as Toggles | null, state: null as Uint8Array | null });

  useEffect(
    () => () => {
      line.geometry.dispose();
      line.material.dispose();
    },
    [line],
  );

  useFrame(() => {
    const snap = live.snapshot;
    const mat = line.material;
    mat.uniforms.uTime!.value = linkClock();
    if (!snap) return;
    const d = drawn.current;
    const toggles: Toggles = { layers, linkKinds, stressedLinksOnly, selected };
    const togglesChanged =
      !d.toggles ||
      d.toggles.layers !== layers ||
      d.toggles.linkKinds !== linkKinds ||
      d.toggles.stressedLinksOnly !== stressedLinksOnly ||
      d.toggles.selected !== selected;
    const g = line.geometry;
    const aState = g.getAttribute('aState') as BufferAttribute;
    const aVis = g.getAttribute('aVis') as BufferAttribute;
    const aStart = g.getAttribute('aStart') as BufferAttribute;
    const n = index.view.edges.length;
    const selectedIdx = selected !== null ? index.assetIndex.get(selected) : undefined;
    let active = false;
    if (d.version !== live.version || togglesChanged) {
      const prev = d.state;
      const changed: number[] = [];
      for (let ei = 0; ei < n; ei++) if (!prev || prev[ei] !== snap.edgeState[ei]) changed.push(ei);
      const first = prev === null;
      const depth = first
        ? new Map<number, number>()
        : cascadeDepths(
            index,
            changed.filter((ei) => snap.edgeState[ei] !== 0),
          );
      const now = linkClock();
      for (const ei of changed) {
        // Links already stressed when the view opens are shown as they are, without a sweep.
        const start = first ? -1000 : now + (depth.get(ei) ?? 0) * STEP_DELAY_S;
        fill(aState, ei, snap.edgeState[ei]!);
        fill(aStart, ei, start);
        linkState.state[ei] = snap.edgeState[ei]!;
        linkState.start[ei] = start;
      }
      if (changed.length > 0 || togglesChanged) {
        for (let ei = 0; ei < n; ei++) {
          const vis = visibility(index, ei, snap.edgeState[ei]!, toggles, selectedIdx);
          fill(aVis, ei, vis);
          linkState.vis[ei] = vis;
        }
        aVis.needsUpdate = true;
      }
      if (changed.length > 0) {
        aState.needsUpdate = true;
        aStart.needsUpdate = true;
      }
      d.version = live.version;
      d.toggles = toggles;
      d.state = snap.edgeState.slice();
    }
    if (layers.links) {
      for (let ei = 0; ei < n && !active; ei++) if (snap.edgeState[ei] !== 0 && linkState.vis[ei]! > 0) active = true;
    }
    if (active) requestAnimation();
  });

  return <primitive object={line} visible={layers.links} />;
}
