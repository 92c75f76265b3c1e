/**
 * The comms network and cameras in the 3D view: links as flat ribbons (wider for the backbone)
 * coloured by utilisation
 * (down links near-black, congested links red), links carrying device data to a vendor cloud
 * striped down the middle in the cloud's jurisdiction colour (link-colors.ts), running exfiltrations as magenta lines from their source to the attacker's
 * server, network zones as halos under their devices (zone-halos.tsx), camera view cones
 * coloured by camera state, the coverage heat map, repainted from the worker's live coverage
 * as cameras go dark, and the watched sites nobody sees (blind-spot-marks.tsx). Per-frame work reads the live snapshot in useFrame, only when its version
 * changes, writing colour buffers directly.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  DataTexture,
  DoubleSide,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  NearestFilter,
  PlaneGeometry,
  RGBAFormat,
} from 'three';
import type { CyberView } from '../../worker/cyber-view';
import { live } from '../store/live';
import { useUi } from '../store/ui-store';
import type { WorldIndex } from '../store/world-index';
import { coverageStore } from './coverage-store';
import { heatTexels } from './heat-texels';
import { ZoneHalos } from './zone-halos';
import { BlindSpotMarks } from './blind-spot-marks';
import { ZONES_LAYER } from './zones';
import { CAMERA_STATE_STYLE, CCTV_LAYER, COMMS_LAYER, COVERAGE_COLOR, COVERAGE_LOST_COLOR, EXFIL_COLOR } from './cyber-style';
import { flowTint, ribbonColor } from './link-colors';

const LINK_Y = 2.5;
const CONE_Y = 1.2;
const CONE_SEGMENTS = 6;
/** Exfiltration is drawn well above the city so it reads as leaving it. */
const EXFIL_Y = 70;
const MAX_EXFIL = 64;

/** Hex → Color, made once per colour (the link colours are a handful). */
const RGB = new Map<string, Color>();
const rgbOf = (hex: string) => RGB.get(hex) ?? RGB.set(hex, new Color(hex)).get(hex)!;
const CAM_RGB = CAMERA_STATE_STYLE.map((s) => new Color(s.color));

export function CyberLayer({ index }: { index: WorldIndex }) {
  const cv = index.view.cyber ?? null;
  return cv ? <CyberDrawing cv={cv} index={index} /> : null;
}

function CyberDrawing({ cv, index }: { cv: CyberView; index: WorldIndex }) {
  const commsOn = useUi((s) => s.layers[COMMS_LAYER]);
  const zonesOn = useUi((s) => s.layers[ZONES_LAYER]);
  const cctvOn = useUi((s) => s.layers[CCTV_LAYER]);
  const links = useMemo(() => buildLinks(cv), [cv]);
  const stripes = useMemo(() => buildStripes(cv), [cv]);
  const cones = useMemo(() => buildCones(cv), [cv]);
  const heat = useMemo(() => buildHeatMap(cv), [cv]);
  const exfil = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(MAX_EXFIL * 6), 3));
    g.setDrawRange(0, 0);
    const l = new LineSegments(g, new LineBasicMaterial({ color: EXFIL_COLOR, linewidth: 3 }));
    l.frustumCulled = false;
    return l;
  }, []);
  const drawn = useRef(-1);
  const invalidate = useThree((s) => s.invalidate);

  // The heat map follows the worker's live coverage: dark cameras' fans leave it as they go dark.
  useEffect(() => {
    const paint = () => {
      const live = coverageStore.getState().coverage;
      const fits = live && live.cols === cv.coverage.cols && live.rows === cv.coverage.rows;
      paintHeatMap(heat, cv.coverage.seen, fits ? live.seen : cv.coverage.seen);
      invalidate();
    };
    paint();
    return coverageStore.subscribe((s, prev) => {
      if (s.coverage !== prev.coverage) paint();
    });
  }, [cv, heat, invalidate]);

  useEffect(
    () => () => {
      (heat.material as MeshBasicMaterial).map?.dispose();
      for (const o of [links, stripes, cones, exfil, heat]) {
        o.geometry.dispose();
        (o.material as MeshBasicMaterial).dispose();
      }
    },
    [links, stripes, cones, exfil, heat],
  );

  useFrame(() => {
    const c = live.snapshot?.cyber;
    if (!c || live.version === drawn.current) return;
    drawn.current = live.version;
    const lc = links.geometry.getAttribute('color') as BufferAttribute;
    const la = lc.array as Float32Array;
    const sp = stripes.geometry.getAttribute('position') as BufferAttribute;
    const sc = stripes.geometry.getAttribute('color') as BufferAttribute;
    const [spa, sca] = [sp.array as Float32Array, sc.array as Float32Array];
    const { base, shown } = stripes.userData as { base: Float32Array; shown: Uint8Array };
    let moved = false;
    for (let l = 0; l < cv.linkIds.length; l++) {
      paint(la, l, rgbOf(ribbonColor(c, l)));
      // A stripe not drawn collapses to a point (alpha is not per vertex).
      const tint = flowTint(cv, c, l);
      if ((tint !== null ? 1 : 0) !== shown[l]) {
        shown[l] = tint !== null ? 1 : 0;
        if (tint !== null) spa.set(base.subarray(l * 18, l * 18 + 18), l * 18);
        else spa.fill(0, l * 18, l * 18 + 18);
        moved = true;
      }
      if (tint !== null) paint(sca, l, rgbOf(tint));
    }
    lc.needsUpdate = true;
    sc.needsUpdate = true;
    if (moved) sp.needsUpdate = true;
    const cc = cones.geometry.getAttribute('color') as BufferAttribute;
    const ca = cc.array as Float32Array;
    const per = CONE_SEGMENTS * 3 * 3;
    for (let k = 0; k < c.cameraState.length; k++) {
      const col = CAM_RGB[c.cameraState[k]!] ?? CAM_RGB[0]!;
      // A dark camera draws no cone: alpha is not per vertex, so its colour matches the ground.
      const dark = c.cameraState[k] === 1 || c.cameraState[k] === 5;
      for (let v = 0; v < per; v += 3) {
        ca[k * per + v] = dark ? 0.08 : col.r;
        ca[k * per + v + 1] = dark ? 0.09 : col.g;
        ca[k * per + v + 2] = dark ? 0.11 : col.b;
      }
    }
    cc.needsUpdate = true;
    const ep = exfil.geometry.getAttribute('position') as BufferAttribute;
    const ea = ep.array as Float32Array;
    const n = Math.min(MAX_EXFIL, c.exfil.length / 3);
    for (let j = 0; j < n; j++) {
      const a = c.exfil[j * 3]!;
      const b = c.exfil[j * 3 + 1]!;
      ea.set([cv.nodeX[a]!, EXFIL_Y, cv.nodeZ[a]!, cv.nodeX[b]!, EXFIL_Y, cv.nodeZ[b]!], j * 6);
    }
    ep.needsUpdate = true;
    exfil.geometry.setDrawRange(0, n * 2);
  });

  return (
    <group name="cyber-layer">
      <group visible={commsOn}>
        <primitive object={links} />
        <primitive object={stripes} />
        <primitive object={exfil} />
      </group>
      <group visible={zonesOn}>
        <ZoneHalos cv={cv} index={index} />
      </group>
      <group visible={cctvOn}>
        <primitive object={heat} />
        <primitive object={cones} />
        <BlindSpotMarks cv={cv} index={index} />
      </group>
    </group>
  );
}

/** Ribbon width by link class, metres: the backbone reads wider than a camera's drop cable. */
const WIDTH: Record<string, number> = { access: 2, aggregation: 5, backhaul: 9, uplink: 12, vpn: 4, cloud: 8 };
/** Height by class: drops stay in the street, the backbone runs above the rooftops like the power lines. */
const HEIGHT: Record<string, number> = { access: 6, aggregation: 26, backhaul: 48, uplink: 52, vpn: 50, cloud: 60 };

/** Writes one colour to a link's six vertices. */
function paint(a: Float32Array, l: number, col: Color): void {
  for (let v = 0; v < 6; v++) {
    a[l * 18 + v * 3] = col.r;
    a[l * 18 + v * 3 + 1] = col.g;
    a[l * 18 + v * 3 + 2] = col.b;
  }
}

/** Each link as a flat ribbon (two triangles), so it reads at city scale where 1-px lines vanish. */
function buildLinks(cv: CyberView): Mesh {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(ribbons(cv, 1, 0), 3));
  g.setAttribute('color', new BufferAttribute(new Float32Array(cv.linkIds.length * 18), 3));
  const m = new Mesh(g, new MeshBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.9, side: DoubleSide, depthWrite: false }));
  m.frustumCulled = false;
  return m;
}

/**
 * The data-flow overlay: a stripe down the middle of each link carrying device data to a cloud, just
 * above its ribbon, opaque so it reads over the utilisation colour; all collapsed until the first frame.
 */
function buildStripes(cv: CyberView): Mesh {
  const base = ribbons(cv, 0.5, 1);
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(base.length), 3));
  g.setAttribute('color', new BufferAttribute(new Float32Array(base.length), 3));
  const m = new Mesh(g, new MeshBasicMaterial({ vertexColors: true, side: DoubleSide }));
  m.userData = { base, shown: new Uint8Array(cv.linkIds.length) };
  m.frustumCulled = false;
  return m;
}

/** Two triangles a link, `widthScale` of its class width (at least 1.5 m), `lift` metres above its class height. */
function ribbons(cv: CyberView, widthScale: number, lift: number): Float32Array {
  const n = cv.linkIds.length;
  const pos = new Float32Array(n * 18);
  for (let l = 0; l < n; l++) {
    const a = cv.linkA[l]!;
    const b = cv.linkB[l]!;
    const [ax, az, bx, bz] = [cv.nodeX[a]!, cv.nodeZ[a]!, cv.nodeX[b]!, cv.nodeZ[b]!];
    const len = Math.hypot(bx - ax, bz - az) || 1;
    const hw = Math.max(1.5, (WIDTH[cv.linkClass[l]!] ?? 3) * widthScale) / 2;
    const nx = (-(bz - az) / len) * hw;
    const nz = ((bx - ax) / len) * hw;
    const y = (HEIGHT[cv.linkClass[l]!] ?? LINK_Y) + lift;
    pos.set([ax + nx, y, az + nz, bx + nx, y, bz + nz, bx - nx, y, bz - nz, ax + nx, y, az + nz, bx - nx, y, bz - nz, ax - nx, y, az - nz], l * 18);
  }
  return pos;
}

/** One flat fan of triangles per camera (unoccluded outline of its view; coverage is computed in the sim). */
function buildCones(cv: CyberView): Mesh {
  const cams = cv.cameras.length / 6;
  const pos = new Float32Array(cams * CONE_SEGMENTS * 9);
  for (let k = 0; k < cams; k++) {
    const x = cv.cameras[k * 6 + 1]!;
    const z = cv.cameras[k * 6 + 2]!;
    const h = cv.cameras[k * 6 + 3]!;
    const f = cv.cameras[k * 6 + 4]!;
    const r = cv.cameras[k * 6 + 5]!;
    for (let s = 0; s < CONE_SEGMENTS; s++) {
      const a0 = h - f / 2 + (f * s) / CONE_SEGMENTS;
      const a1 = h - f / 2 + (f * (s + 1)) / CONE_SEGMENTS;
      pos.set(
        [x, CONE_Y, z, x + r * Math.cos(a0), CONE_Y, z + r * Math.sin(a0), x + r * Math.cos(a1), CONE_Y, z + r * Math.sin(a1)],
        (k * CONE_SEGMENTS + s) * 9,
      );
    }
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(pos, 3));
  g.setAttribute('color', new BufferAttribute(new Float32Array(pos.length), 3));
  const m = new Mesh(g, new MeshBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.35, side: DoubleSide, depthWrite: false }));
  m.frustumCulled = false;
  return m;
}

/** Coverage heat map: a ground-hugging texture, more opaque where more cameras see a cell. */
function buildHeatMap(cv: CyberView): Mesh {
  const { cols, rows, cellM } = cv.coverage;
  const tex = new DataTexture(new Uint8Array(cols * rows * 4), cols, rows, RGBAFormat);
  tex.magFilter = NearestFilter;
  tex.flipY = false;
  const w = cols * cellM;
  const h = rows * cellM;
  const m = new Mesh(new PlaneGeometry(w, h), new MeshBasicMaterial({ map: tex, transparent: true, depthWrite: false, side: DoubleSide }));
  // The plane lies flat: texture row r runs south (+z) as the grid's rows do. Turned that way it
  // faces down, so it is drawn double-sided (single-sided, it was culled from every view above).
  m.rotation.x = Math.PI / 2;
  m.position.set(w / 2, 0.8, h / 2);
  m.frustumCulled = false;
  paintHeatMap(m, cv.coverage.seen, cv.coverage.seen);
  return m;
}

const rgb = (hex: string) => {
  const c = new Color(hex);
  return [Math.round(c.r * 255), Math.round(c.g * 255), Math.round(c.b * 255)] as const;
};
const SEEN_RGB = rgb(COVERAGE_COLOR);
const LOST_RGB = rgb(COVERAGE_LOST_COLOR);

/** Repaints the heat map from the load-time and live coverage grids (see heat-texels.ts). */
function paintHeatMap(m: Mesh, atLoad: Uint8Array, now: Uint8Array): void {
  const tex = (m.material as MeshBasicMaterial).map as DataTexture;
  const { width: cols, height: rows } = tex.image;
  (tex.image.data as Uint8Array).set(heatTexels(atLoad, now, cols, rows, SEEN_RGB, LOST_RGB));
  tex.needsUpdate = true;
}
