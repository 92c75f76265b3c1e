/**
 * Orbit, pan and zoom with three's OrbitControls, wired by hand (no drei). The canvas draws on
 * demand, so control changes ask for a frame. Also lends the page the scene handle: projection of
 * assets to the screen, zoom and reset for the view buttons, and centring on an asset.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { InstancedMesh, Mesh, Points, Line, Vector3, type PerspectiveCamera, type Object3D } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { sceneHandle, type SceneDrawn } from '../store/scene-handle';
import { placementOf, markerY } from './placement';
import type { WorldIndex } from '../store/world-index';
import { updateMarkerScale, viewState } from './view-state';

/** The whole-city view: looking north over the city from the south, about 50° down. */
function homeView(sizeM: readonly [number, number], aspect: number, fovDeg: number) {
  const [w, d] = sizeM;
  const target = new Vector3(w / 2, 0, d / 2 + d * 0.04);
  // Fit the larger of the city's width (through the aspect ratio) and its depth, foreshortened by the tilt.
  const elev = (55 * Math.PI) / 180;
  const half = Math.max(w / 2 / Math.max(aspect, 0.4), (d / 2) * Math.sin(elev));
  const dist = (half / Math.tan((fovDeg * Math.PI) / 360)) * 1.08;
  const pos = new Vector3(target.x, Math.sin(elev) * dist, target.z + Math.cos(elev) * dist);
  return { target, pos };
}

function drawnIn(scene: Object3D, canvas: HTMLCanvasElement): SceneDrawn {
  const instanced: number[] = [];
  let plain = 0;
  const walk = (o: Object3D) => {
    if (!o.visible) return;
    if (o instanceof InstancedMesh) instanced.push(o.count);
    else if (o instanceof Mesh || o instanceof Line || o instanceof Points) plain++;
    for (const c of o.children) walk(c);
  };
  walk(scene);
  return { instanced: instanced.sort((a, b) => b - a), plain, width: canvas.width, height: canvas.height };
}

export function CameraRig({ index }: { index: WorldIndex }) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const size = useThree((s) => s.size);
  const scene = useThree((s) => s.scene);
  const controlsRef = useRef<OrbitControls | null>(null);
  const sizeM = index.view.city.sizeM;

  useEffect(() => {
    const controls = new OrbitControls(camera, gl.domElement);
    controlsRef.current = controls;
    const span = Math.max(sizeM[0], sizeM[1]);
    camera.near = 2;
    camera.far = span * 8;
    const home = homeView(sizeM, size.width / Math.max(size.height, 1), camera.fov);
    camera.position.copy(home.pos);
    controls.target.copy(home.target);
    camera.updateProjectionMatrix();
    controls.enableDamping = true;
    controls.dampingFactor = 0.15;
    controls.screenSpacePanning = false;
    controls.maxPolarAngle = Math.PI * 0.48;
    controls.minDistance = 60;
    controls.maxDistance = span * 3;
    controls.keyPanSpeed = 40;
    // The canvas itself takes focus, so the arrow keys pan the map once it is tabbed to.
    gl.domElement.tabIndex = 0;
    gl.domElement.setAttribute('aria-label', '3D city map. Arrow keys pan; use the zoom buttons or the asset search to move around.');
    controls.listenToKeyEvents(gl.domElement);
    controls.update();
    const onChange = () => invalidate();
    controls.addEventListener('change', onChange);

    const offset = new Vector3();
    const place = placementOf(index);
    const project = (x: number, y: number, z: number) => {
      const v = new Vector3(x, y, z).project(camera);
      if (v.z > 1 || Math.abs(v.x) > 1 || Math.abs(v.y) > 1) return null;
      const rect = gl.domElement.getBoundingClientRect();
      return { x: rect.left + ((v.x + 1) / 2) * rect.width, y: rect.top + ((1 - v.y) / 2) * rect.height };
    };
    const focus = (x: number, z: number, distanceM = 900) => {
      offset.copy(camera.position).sub(controls.target).setLength(Math.max(controls.minDistance, distanceM));
      controls.target.set(x, 0, z);
      camera.position.copy(controls.target).add(offset);
      controls.update();
      invalidate();
    };
    sceneHandle.current = {
      invalidate,
      screenPositionOf: (i) => project(place.x[i]!, markerY(place, i, viewState.markerScale), place.z[i]!),
      screenPositionOfPoint: (x, y, z) => project(x, y, z),
      zoom: (factor) => {
        offset.copy(camera.position).sub(controls.target).multiplyScalar(factor);
        const len = Math.min(controls.maxDistance, Math.max(controls.minDistance, offset.length()));
        camera.position.copy(controls.target).add(offset.setLength(len));
        controls.update();
        invalidate();
      },
      resetView: () => {
        const h = homeView(sizeM, gl.domElement.clientWidth / Math.max(gl.domElement.clientHeight, 1), camera.fov);
        camera.position.copy(h.pos);
        controls.target.copy(h.target);
        controls.update();
        invalidate();
      },
      focusAsset: (i) => focus(place.x[i]!, place.z[i]!),
      focusPoint: (x, z, d) => focus(x, z, d),
      drawn: () => drawnIn(scene, gl.domElement),
      timeDraw: () => {
        const t0 = performance.now();
        gl.render(scene, camera);
        gl.getContext().finish();
        return performance.now() - t0;
      },
    };
    invalidate();
    return () => {
      controls.removeEventListener('change', onChange);
      controls.dispose();
      controlsRef.current = null;
      sceneHandle.current = null;
    };
    // The rig is set up once per loaded world; later resizes only change the aspect ratio.
  }, [camera, gl, index, scene]);

  useFrame(() => {
    const c = controlsRef.current;
    if (!c) return;
    // With damping the controls keep moving after the pointer stops: keep drawing until they settle.
    if (c.update()) invalidate();
    if (updateMarkerScale(camera.position.distanceTo(c.target))) invalidate();
  });
  return null;
}
