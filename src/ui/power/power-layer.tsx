/**
 * The grid in the 3D view: every line between its substations as a ribbon coloured by loading
 * (truth or SCADA, by the view mode), open lines dashed grey with a ✕ badge, tripped lines with
 * a badge numbering their step in the cascade, and a flash when a line trips (several trips that
 * arrive in one frame flash one after another, in order). Lines are picked in screen space: a
 * click within a few pixels of one selects it for the inspector.
 *
 * Per-line attributes are rewritten only when a frame, the view mode, the selection or the trip
 * record changes; the frame loop otherwise only advances the clock uniform.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, CanvasTexture, LinearFilter, Mesh, SRGBColorSpace, Sprite, SpriteMaterial, Vector3 } from 'three';
import type { PowerView } from '../../worker/protocol';
import { requestAnimation } from '../scene/animation';
import { linkClock } from '../scene/link-state';
import { kindSize, MARKER_BASE_M } from '../scene/marker-geometry';
import { placementOf } from '../scene/placement';
import { viewState } from '../scene/view-state';
import { live } from '../store/live';
import { selectFeature, uiStore, useUi } from '../store/ui-store';
import type { WorldIndex } from '../store/world-index';
import { makePowerLineMaterial } from './power-line-material';
import { OPEN_LINE_COLOR, POWER_LAYER, TRIPPED_BADGE_COLOR, bandIndex, powerLineName, shownFlow, shownLoading, spoofed } from './power-style';
import { powerTrack } from './power-track';

/** Wall seconds between the flashes of trips that arrive together. */
const FLASH_STEP_S = 0.7;
const PICK_PX = 9;
const BADGE_PX = 64;
const BADGE_SCALE = 0.026;

interface Ends {
  /** Per line: from x, y, z, to x, y, z (y: the top of the site); NaN when a bus has no place. */
  readonly xyz: Float32Array;
  /** Per line: marker size factor at each end. */
  readonly size: Float32Array;
}

function lineEnds(index: WorldIndex, pv: PowerView): Ends {
  const place = placementOf(index);
  const m = pv.branches.length;
  const xyz = new Float32Array(m * 6).fill(NaN);
  const size = new Float32Array(m * 2);
  const at = (b: number, out: number) => {
    const bus = pv.buses[b];
    if (!bus?.position) return false;
    const a = bus.asset;
    xyz[out] = bus.position[0];
    xyz[out + 1] = a >= 0 ? place.top[a]! + 3 : 10;
    xyz[out + 2] = bus.position[1];
    return true;
  };
  pv.branches.forEach((br, k) => {
    if (!at(br.from, k * 6) || !at(br.to, k * 6 + 3)) xyz.fill(NaN, k * 6, k * 6 + 6);
    const fa = pv.buses[br.from]?.asset ?? -1;
    const ta = pv.buses[br.to]?.asset ?? -1;
    size[k * 2] = fa >= 0 ? kindSize(index.view.assets[fa]!.kind) : 1;
    size[k * 2 + 1] = ta >= 0 ? kindSize(index.view.assets[ta]!.kind) : 1;
  });
  return { xyz, size };
}

const DYNAMIC = ['aBand', 'aOpen', 'aFlash', 'aSel', 'aSpoof'] as const;

function buildGeometry(ends: Ends, m: number): BufferGeometry {
  const V = m * 4;
  const pos = new Float32Array(V * 3);
  const other = new Float32Array(V * 3);
  const side = new Float32Array(V);
  const end = new Float32Array(V);
  const len = new Float32Array(V);
  const size = new Float32Array(V);
  const otherSize = new Float32Array(V);
  const idx = new Uint32Array(m * 6);
  for (let k = 0; k < m; k++) {
    const o = k * 6;
    const l = Math.hypot(ends.xyz[o + 3]! - ends.xyz[o]!, ends.xyz[o + 5]! - ends.xyz[o + 2]!);
    for (let v = 0; v < 4; v++) {
      const i = k * 4 + v;
      const atEnd = v >= 2 ? 1 : 0;
      const me = o + atEnd * 3;
      const you = o + (1 - atEnd) * 3;
      pos.set([ends.xyz[me]!, ends.xyz[me + 1]!, ends.xyz[me + 2]!], i * 3);
      other.set([ends.xyz[you]!, ends.xyz[you + 1]!, ends.xyz[you + 2]!], i * 3);
      side[i] = v % 2 === 0 ? 1 : -1;
      end[i] = atEnd;
      len[i] = Number.isNaN(l) ? 0 : l;
      size[i] = ends.size[k * 2 + atEnd]!;
      otherSize[i] = ends.size[k * 2 + 1 - atEnd]!;
    }
    const b = k * 4;
    idx.set([b, b + 1, b + 2, b + 1, b + 3, b + 2], k * 6);
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(pos, 3));
  g.setAttribute('aOther', new BufferAttribute(other, 3));
  g.setAttribute('aSide', new BufferAttribute(side, 1));
  g.setAttribute('aEnd', new BufferAttribute(end, 1));
  g.setAttribute('aLen', new BufferAttribute(len, 1));
  g.setAttribute('aSize', new BufferAttribute(size, 1));
  g.setAttribute('aOtherSize', new BufferAttribute(otherSize, 1));
  for (const name of DYNAMIC) g.setAttribute(name, new BufferAttribute(new Float32Array(V).fill(name === 'aFlash' ? -1000 : 0), 1));
  g.setIndex(new BufferAttribute(idx, 1));
  return g;
}

/** A round badge with a short text (a trip number, or ✕ for a line opened by a breaker). */
function drawBadge(canvas: HTMLCanvasElement, text: string, fill: string, ring: string): void {
  const ctx = canvas.getContext('2d')!;
  const r = BADGE_PX / 2;
  ctx.clearRect(0, 0, BADGE_PX, BADGE_PX);
  ctx.beginPath();
  ctx.arc(r, r, r - 4, 0, Math.PI * 2);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = 5;
  ctx.strokeStyle = ring;
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.font = `700 ${text.length > 1 ? 26 : 32}px system-ui, 'DejaVu Sans', sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, r, r + 2);
}

function makeBadge(): { sprite: Sprite; canvas: HTMLCanvasElement; tex: CanvasTexture; label: string } {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = BADGE_PX;
  const tex = new CanvasTexture(canvas);
  tex.minFilter = LinearFilter;
  tex.generateMipmaps = false;
  tex.colorSpace = SRGBColorSpace;
  const sprite = new Sprite(new SpriteMaterial({ map: tex, depthTest: false, depthWrite: false, transparent: true, sizeAttenuation: false }));
  sprite.scale.set(BADGE_SCALE, BADGE_SCALE, 1);
  sprite.renderOrder = 9;
  sprite.visible = false;
  sprite.raycast = () => {};
  return { sprite, canvas, tex, label: '' };
}

export function PowerLayer({ index }: { index: WorldIndex }) {
  const pv = index.view.power ?? null;
  return pv && pv.branches.length > 0 ? <PowerLines index={index} pv={pv} /> : null;
}

function PowerLines({ index, pv }: { index: WorldIndex; pv: PowerView }) {
  const on = useUi((s) => s.layers[POWER_LAYER]);
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const m = pv.branches.length;
  const ends = useMemo(() => lineEnds(index, pv), [index, pv]);
  const mesh = useMemo(() => {
    const mesh = new Mesh(buildGeometry(ends, m), makePowerLineMaterial());
    mesh.frustumCulled = false;
    mesh.raycast = () => {};
    mesh.renderOrder = 6;
    mesh.name = 'power-lines';
    return mesh;
  }, [ends, m]);
  const badges = useMemo(() => pv.branches.map(() => makeBadge()), [pv]);
  const branchIndex = useMemo(() => new Map(pv.branches.map((br, k) => [br.id, k])), [pv]);
  const drawn = useRef({ version: -1, mode: '', sel: '' as string | null, track: -1, flashed: 0 });

  useEffect(() => {
    badges.forEach((b, k) => {
      const o = k * 6;
      b.sprite.position.set(
        (ends.xyz[o]! + ends.xyz[o + 3]!) / 2,
        Math.max(ends.xyz[o + 1]!, ends.xyz[o + 4]!) + 30,
        (ends.xyz[o + 2]! + ends.xyz[o + 5]!) / 2,
      );
    });
    return () => {
      mesh.geometry.dispose();
      mesh.material.dispose();
      for (const b of badges) {
        b.tex.dispose();
        b.sprite.material.dispose();
      }
    };
  }, [mesh, badges, ends]);

  // Clicking near a line selects it, unless the same click picked an asset marker; hovering one
  // names it with its loading in the canvas's tooltip.
  useEffect(() => {
    const el = gl.domElement;
    const a = new Vector3();
    const b = new Vector3();
    let down = { x: 0, y: 0, selected: null as string | null };
    let titled = false;
    const pick = (clientX: number, clientY: number): number => {
      if (!uiStore.getState().layers[POWER_LAYER]) return -1;
      const rect = el.getBoundingClientRect();
      const px = clientX - rect.left;
      const py = clientY - rect.top;
      const lift = MARKER_BASE_M * viewState.markerScale * 0.75;
      let best = -1;
      let bestD = PICK_PX;
      for (let k = 0; k < m; k++) {
        const o = k * 6;
        if (Number.isNaN(ends.xyz[o]!)) continue;
        a.set(ends.xyz[o]!, ends.xyz[o + 1]! + lift * ends.size[k * 2]!, ends.xyz[o + 2]!).project(camera);
        b.set(ends.xyz[o + 3]!, ends.xyz[o + 4]! + lift * ends.size[k * 2 + 1]!, ends.xyz[o + 5]!).project(camera);
        if (a.z > 1 || b.z > 1) continue;
        const ax = ((a.x + 1) / 2) * rect.width,
          ay = ((1 - a.y) / 2) * rect.height;
        const bx = ((b.x + 1) / 2) * rect.width,
          by = ((1 - b.y) / 2) * rect.height;
        const dx = bx - ax,
          dy = by - ay;
        // The ends belong to the substations' markers, not to the line.
        const t = Math.max(0.08, Math.min(0.92, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
        const d = Math.hypot(ax + t * dx - px, ay + t * dy - py);
        if (d < bestD) [best, bestD] = [k, d];
      }
      return best;
    };
    const onDown = (e: PointerEvent) => (down = { x: e.clientX, y: e.clientY, selected: uiStore.getState().selected });
    const onClick = (e: MouseEvent) => {
      if (Math.hypot(e.clientX - down.x, e.clientY - down.y) > 4) return;
      const k = pick(e.clientX, e.clientY);
      if (k < 0) return;
      const id = pv.branches[k]!.id;
      // Marker clicks are handled by the scene's own events on this same click; let them land first.
      setTimeout(() => {
        if (uiStore.getState().selected === down.selected) selectFeature({ layer: POWER_LAYER, id });
      }, 0);
    };
    const onMove = (e: PointerEvent) => {
      if (e.buttons !== 0) return;
      const k = pick(e.clientX, e.clientY);
      if (k < 0) {
        if (titled) el.title = '';
        titled = false;
        return;
      }
      const ps = live.snapshot?.power;
      const br = pv.branches[k]!;
      const mode = uiStore.getState().viewMode;
      const f = ps ? shownFlow(mode, ps.flowMW[k]!, ps.reportedFlowMW[k]!) : 0;
      const state = !ps
        ? ''
        : ps.branchStatus[k] === 0
          ? 'open'
          : `${Math.round(shownLoading(f, br.ratingMW) * 100)}% of ${br.ratingMW} MW${mode === 'operator' ? ' (SCADA)' : ''}`;
      el.title = `${powerLineName(index, pv, k)}: ${state}. Click to inspect.`;
      titled = true;
    };
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('click', onClick);
    el.addEventListener('pointermove', onMove);
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('click', onClick);
      el.removeEventListener('pointermove', onMove);
      if (titled) el.title = '';
    };
  }, [gl, camera, ends, m, pv, index]);

  useFrame(() => {
    const mat = mesh.material;
    const u = mat.uniforms;
    const now = linkClock();
    u.uTime!.value = now;
    u.uViewport!.value.set(size.width, size.height);
    const scale = viewState.markerScale;
    u.uLift!.value = MARKER_BASE_M * scale * 0.75;
    u.uTrim!.value = MARKER_BASE_M * scale * 0.9;
    u.uDash!.value = 24 + 30 * scale;
    const snap = live.snapshot;
    const ps = snap?.power;
    if (!ps || ps.branchStatus.length !== m) return;
    const ui = uiStore.getState();
    const track = powerTrack.getState();
    const sel = ui.selectedFeature?.layer === POWER_LAYER ? ui.selectedFeature.id : null;
    const d = drawn.current;
    let animating = false;
    if (d.version !== live.version || d.mode !== ui.viewMode || d.sel !== sel || d.track !== track.version) {
      const g = mesh.geometry;
      const band = g.getAttribute('aBand') as BufferAttribute;
      const open = g.getAttribute('aOpen') as BufferAttribute;
      const flash = g.getAttribute('aFlash') as BufferAttribute;
      const selA = g.getAttribute('aSel') as BufferAttribute;
      const spoof = g.getAttribute('aSpoof') as BufferAttribute;
      // Trips new since the last look flash one after another, in the order they happened.
      let newTrips = 0;
      d.flashed = Math.min(d.flashed, track.trips.length);
      for (let t = d.flashed; t < track.trips.length; t++) {
        const k = branchIndex.get(track.trips[t]!.branch) ?? -1;
        if (k >= 0 && d.track >= 0) (flash.array as Float32Array).fill(now + newTrips++ * FLASH_STEP_S, k * 4, k * 4 + 4);
      }
      d.flashed = track.trips.length;
      for (let k = 0; k < m; k++) {
        const rating = pv.branches[k]!.ratingMW;
        const f = shownFlow(ui.viewMode, ps.flowMW[k]!, ps.reportedFlowMW[k]!);
        const isOpen = ps.branchStatus[k] === 0;
        (band.array as Float32Array).fill(bandIndex(shownLoading(f, rating)), k * 4, k * 4 + 4);
        (open.array as Float32Array).fill(isOpen ? 1 : 0, k * 4, k * 4 + 4);
        (selA.array as Float32Array).fill(sel === pv.branches[k]!.id ? 1 : 0, k * 4, k * 4 + 4);
        // Only the all-seeing truth view marks a spoofed reading; operators are meant to be fooled.
        const sp = ui.viewMode === 'truth' && !isOpen && spoofed(ps.flowMW[k]!, ps.reportedFlowMW[k]!);
        (spoof.array as Float32Array).fill(sp ? 1 : 0, k * 4, k * 4 + 4);
        const change = track.changes[pv.branches[k]!.id];
        const label = !isOpen ? '' : change?.kind === 'tripped' ? String(change.step) : '✕';
        const bd = badges[k]!;
        if (label !== bd.label) {
          bd.label = label;
          if (label) {
            if (change?.kind === 'tripped') drawBadge(bd.canvas, label, TRIPPED_BADGE_COLOR, '#ffffff');
            else drawBadge(bd.canvas, label, '#262c37', OPEN_LINE_COLOR);
            bd.tex.needsUpdate = true;
          }
        }
        bd.sprite.visible = label !== '' && !Number.isNaN(ends.xyz[k * 6]!);
      }
      band.needsUpdate = open.needsUpdate = flash.needsUpdate = selA.needsUpdate = spoof.needsUpdate = true;
      d.version = live.version;
      d.mode = ui.viewMode;
      d.sel = sel;
      d.track = track.version;
    }
    const flashes = mesh.geometry.getAttribute('aFlash').array as Float32Array;
    const bands = mesh.geometry.getAttribute('aBand').array as Float32Array;
    const opens = mesh.geometry.getAttribute('aOpen').array as Float32Array;
    for (let k = 0; k < m && !animating; k++) {
      if (now - flashes[k * 4]! < 4) animating = true;
      else if (bands[k * 4] === 3 && opens[k * 4] === 0) animating = true;
    }
    if (animating && on) requestAnimation();
  });

  return (
    <group visible={on}>
      <primitive object={mesh} />
      {badges.map((b, k) => (
        <primitive key={k} object={b.sprite} />
      ))}
    </group>
  );
}
