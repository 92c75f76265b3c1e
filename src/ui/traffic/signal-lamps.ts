/**
 * Signal lamps: per approach to a signalised junction, a dark backboard just before the stop line
 * over the approach's own carriageway (the left of the road, the UK driving on the left) with
 * three slots — left, ahead, right, in that order across the carriageway — each showing what its
 * movement has now. The shape says it as well as the colour, so nothing rests on colour alone:
 * a green arrow pointing the way of the turn is go; a green arrow with a white give-way triangle
 * behind it is go but give way (a permissive right turn); a red bar across the lane is stop; a
 * short amber bar is amber; a grey disc is a dark signal (all-way stop). A slot the approach has no
 * movement for stays empty.
 *
 * Five InstancedMeshes (boards, arrows, bars, triangles, discs) for the whole city; a slot hidden
 * in a mesh has a zero matrix. Per frame only the slots whose aspect changed are rewritten, and
 * everything when the camera's marker scale moves.
 */
import {
  BufferAttribute,
  BufferGeometry,
  CircleGeometry,
  Color,
  DynamicDrawUsage,
  Group,
  InstancedBufferAttribute,
  InstancedMesh,
  MeshBasicMaterial,
} from 'three';
import type { SignalApproachView, TrafficView } from '../../worker/protocol';
import { ASPECT_COLOR, LAMP_BOARD_COLOR, LAMP_YIELD_COLOR } from './traffic-style';

/** Aspect codes (the simulation's RED, AMBER, GREEN, DARK, GREEN_YIELD; 255 no such movement). */
const RED = 0;
const AMBER = 1;
const GREEN = 2;
const DARK = 3;
const GREEN_YIELD = 4;
const SLOTS = 3;

/** At scale 1, in metres: slot spacing, and height over the road (above car roofs). */
export const LAMP_SPACING_M = 2.6;
const LAMP_Y = 2.8;
/** The board reaches 2.2 m towards the stop line and 2.9 m away from it, 4.1 m to each side (at scale 1). */
const BOARD_NEAR = 2.2;
const BOARD_FAR = 2.9;

export interface LampSpot {
  x: number;
  z: number;
  /** Heading of travel on the approach (rad, atan2(dz, dx)). */
  heading: number;
  /** The scale drawn at: the marker scale, less on a short approach so its board stays on it. */
  scale: number;
}

/**
 * Where slot `slot` (0 left, 1 ahead, 2 right) of approach `a` goes at marker scale k: back from
 * the stop line along the approach, across it to the left for the left turn and towards the centre
 * line for the right turn. The setback grows with the scale faster than the board's half-width, so
 * the boards of neighbouring approaches never overlap; a short approach scales its board down to
 * stay within its first half.
 */
export function lampSpot(
  tv: Pick<TrafficView, 'links'>,
  ap: SignalApproachView,
  a: number,
  slot: number,
  k: number,
  out: LampSpot = { x: 0, z: 0, heading: 0, scale: 1 },
): LampSpot {
  const l = ap.link[a]!;
  const len = Math.hypot(tv.links[l * 4 + 2]! - tv.links[l * 4]!, tv.links[l * 4 + 3]! - tv.links[l * 4 + 1]!);
  const ks = Math.min(k, Math.max(1, (0.5 * len - 5) / (6.5 + BOARD_FAR)));
  const h = ap.stop[a * 3 + 2]!;
  const back = Math.min(0.45 * len, 5 + 6.5 * ks);
  // Left of travel in x-east/z-south coordinates is (sin h, −cos h).
  const across = (1 - slot) * LAMP_SPACING_M * ks;
  const c = Math.cos(h);
  const s = Math.sin(h);
  out.x = ap.stop[a * 3]! - c * back + s * across;
  out.z = ap.stop[a * 3 + 1]! - s * back - c * across;
  out.heading = h;
  out.scale = ks;
  return out;
}

/** A flat shape in the ground plane from (x, z) triangles, pointing along +x. */
function flat(tris: readonly number[]): BufferGeometry {
  const pos = new Float32Array((tris.length / 2) * 3);
  for (let i = 0; i < tris.length / 2; i++) pos.set([tris[i * 2]!, 0, tris[i * 2 + 1]!], i * 3);
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(pos, 3));
  return g;
}

const rect = (x0: number, z0: number, x1: number, z1: number) => [x0, z0, x1, z0, x1, z1, x0, z0, x1, z1, x0, z1];
const ARROW = () => flat([...rect(-1.5, -0.38, 0.2, 0.38), 0.2, -0.95, 1.5, 0, 0.2, 0.95]);
const BAR = () => flat(rect(-0.4, -1.1, 0.4, 1.1));
const TRIANGLE = () => flat([0.55, -0.7, -0.6, 0, 0.55, 0.7]);
const BOARD = () => flat(rect(-BOARD_FAR, -1.5 * LAMP_SPACING_M - 0.2, BOARD_NEAR, 1.5 * LAMP_SPACING_M + 0.2));

function mesh(geo: BufferGeometry, color: string, count: number, name: string, perInstance = false): InstancedMesh {
  const m = new InstancedMesh(geo, new MeshBasicMaterial({ color: perInstance ? '#ffffff' : color, side: 2, depthWrite: false }), Math.max(1, count));
  m.instanceMatrix.setUsage(DynamicDrawUsage);
  if (perInstance) m.instanceColor = new InstancedBufferAttribute(new Float32Array(Math.max(1, count) * 3), 3).setUsage(DynamicDrawUsage);
  (m.instanceMatrix.array as Float32Array).fill(0);
  m.count = count;
  m.frustumCulled = false;
  m.raycast = () => {};
  m.name = name;
  m.renderOrder = 4;
  return m;
}

/** Writes a y-up rotation by `angle` (local +x to (cos, sin) in x, z), uniform scale k, at (x, y, z). */
function put(m: InstancedMesh, i: number, x: number, y: number, z: number, angle: number, k: number, across = k): void {
  const a = m.instanceMatrix.array as Float32Array;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const o = i * 16;
  a[o] = c * k;
  a[o + 1] = 0;
  a[o + 2] = s * k;
  a[o + 3] = 0;
  a[o + 4] = 0;
  a[o + 5] = k;
  a[o + 6] = 0;
  a[o + 7] = 0;
  a[o + 8] = -s * across;
  a[o + 9] = 0;
  a[o + 10] = c * across;
  a[o + 11] = 0;
  a[o + 12] = x;
  a[o + 13] = y;
  a[o + 14] = z;
  a[o + 15] = 1;
}

const hide = (m: InstancedMesh, i: number) => (m.instanceMatrix.array as Float32Array).fill(0, i * 16, i * 16 + 16);

/** The turn an arrow in each slot points: left, ahead, right (a right turn raises the heading). */
const TURN_ANGLE = [-Math.PI / 2, 0, Math.PI / 2] as const;
const RED_RGB = new Color(ASPECT_COLOR[RED]);
const AMBER_RGB = new Color(ASPECT_COLOR[AMBER]);

export class SignalLamps {
  readonly group = new Group();
  private readonly boards: InstancedMesh;
  private readonly arrows: InstancedMesh;
  private readonly bars: InstancedMesh;
  private readonly triangles: InstancedMesh;
  private readonly discs: InstancedMesh;
  /** What each slot shows as drawn (254: not drawn yet). */
  private readonly shown: Uint8Array;
  private k = -1;
  private readonly spot: LampSpot = { x: 0, z: 0, heading: 0, scale: 1 };

  constructor(private readonly tv: TrafficView) {
    const A = tv.approaches.link.length;
    this.boards = mesh(BOARD(), LAMP_BOARD_COLOR, A, 'signal-boards');
    // The boards hide what lies behind them; the shapes, drawn after, need not write depth over them.
    this.boards.renderOrder = 3;
    (this.boards.material as MeshBasicMaterial).depthWrite = true;
    this.arrows = mesh(ARROW(), ASPECT_COLOR[GREEN], A * SLOTS, 'signal-arrows');
    this.bars = mesh(BAR(), ASPECT_COLOR[RED], A * SLOTS, 'signal-bars', true);
    this.triangles = mesh(TRIANGLE(), LAMP_YIELD_COLOR, A * SLOTS, 'signal-give-way');
    this.discs = mesh(new CircleGeometry(0.85, 16).rotateX(-Math.PI / 2), ASPECT_COLOR[DARK], A * SLOTS, 'signal-dark');
    this.group.add(this.boards, this.arrows, this.bars, this.triangles, this.discs);
    this.group.name = 'signal-lamps';
    this.shown = new Uint8Array(A * SLOTS).fill(254);
  }

  /** Draws the aspects (the snapshot's per-approach array) at marker scale k. */
  update(aspects: Uint8Array, k: number): void {
    const ap = this.tv.approaches;
    const relayout = k !== this.k;
    if (relayout) {
      this.k = k;
      this.shown.fill(254);
      for (let a = 0; a < ap.link.length; a++) {
        const p = lampSpot(this.tv, ap, a, 1, k, this.spot);
        put(this.boards, a, p.x, LAMP_Y * p.scale - 0.05, p.z, p.heading, p.scale);
      }
      this.boards.instanceMatrix.needsUpdate = true;
    }
    let changed = false;
    const n = Math.min(aspects.length, this.shown.length);
    for (let i = 0; i < n; i++) {
      const v = aspects[i]!;
      if (v === this.shown[i]) continue;
      this.shown[i] = v;
      changed = true;
      this.drawSlot(i, v, k);
    }
    if (changed || relayout) {
      for (const m of [this.arrows, this.bars, this.triangles, this.discs]) m.instanceMatrix.needsUpdate = true;
      this.bars.instanceColor!.needsUpdate = true;
    }
  }

  private drawSlot(i: number, v: number, k: number): void {
    const a = Math.floor(i / SLOTS);
    const slot = i % SLOTS;
    hide(this.arrows, i);
    hide(this.bars, i);
    hide(this.triangles, i);
    hide(this.discs, i);
    if (v > GREEN_YIELD) return;
    const p = lampSpot(this.tv, this.tv.approaches, a, slot, k, this.spot);
    const ks = p.scale;
    const y = LAMP_Y * ks;
    if (v === GREEN || v === GREEN_YIELD) {
      // Turn arrows a little shorter, so pointing sideways they keep clear of the ahead arrow.
      put(this.arrows, i, p.x, y, p.z, p.heading + TURN_ANGLE[slot]!, slot === 1 ? ks : 0.85 * ks);
      if (v === GREEN_YIELD) {
        // Behind the arrow, on the driver's side of the board: the give-way triangle, apex towards them.
        const c = Math.cos(p.heading);
        const s = Math.sin(p.heading);
        put(this.triangles, i, p.x - c * 2.1 * ks, y + 0.02, p.z - s * 2.1 * ks, p.heading, ks);
      }
    } else if (v === RED || v === AMBER) {
      put(this.bars, i, p.x, y, p.z, p.heading, ks, v === AMBER ? 0.5 * ks : ks);
      this.bars.setColorAt(i, v === AMBER ? AMBER_RGB : RED_RGB);
    } else if (v === DARK) put(this.discs, i, p.x, y, p.z, p.heading, ks);
  }

  dispose(): void {
    for (const m of [this.boards, this.arrows, this.bars, this.triangles, this.discs]) {
      m.geometry.dispose();
      (m.material as MeshBasicMaterial).dispose();
      m.dispose();
    }
  }
}
