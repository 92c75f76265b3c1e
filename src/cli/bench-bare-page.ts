/**
 * The bare three.js page `twin bench` compares the city's frame time with: plain InstancedMeshes
 * of boxes, as many and as full as the city scene's, on a canvas of the same size, lit and
 * fogged alike, and nothing else (no React, no simulation). Served by a tiny local server from
 * three's own build, so it needs no bundling.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What the page measures, in the same terms as the city page (bench-browser.ts). */
export interface FrameFigures {
  /** Animation frames drawn in the window. */
  readonly frames: number;
  /** Median and 90th percentile of the interval between animation frames, redrawing every frame. */
  readonly intervalMs: { readonly median: number; readonly p90: number };
  /** Median ms to draw the scene once and wait for the GL to finish. */
  readonly drawMs: number;
}

export interface BareSpec {
  readonly instanced: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly windowMs: number;
}

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>bare three.js</title>
<style>html,body{margin:0;background:#0d1118}canvas{display:block}</style></head>
<body><script type="module">
import * as THREE from '/three/three.module.js';
const pct = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0; };
window.runBare = async (spec) => {
  const renderer = new THREE.WebGLRenderer({ antialias: false, powerPreference: 'high-performance' });
  renderer.setPixelRatio(1);
  renderer.setSize(spec.width, spec.height);
  document.body.appendChild(renderer.domElement);
  const span = 4000;
  const scene = new THREE.Scene();
  scene.background = new THREE.Color('#0d1118');
  scene.fog = new THREE.Fog('#0d1118', span * 1.6, span * 4);
  scene.add(new THREE.HemisphereLight('#dfe8ff', '#2a2f3a', 1.6));
  const sun = new THREE.DirectionalLight('#ffffff', 1.5);
  sun.position.set(-span * 0.4, span, span * 0.6);
  scene.add(sun);
  const camera = new THREE.PerspectiveCamera(42, spec.width / spec.height, 2, span * 8);
  camera.position.set(span / 2, span * 0.8, span * 1.1);
  camera.lookAt(span / 2, 0, span / 2);
  const box = new THREE.BoxGeometry(1, 1, 1);
  const o = new THREE.Object3D();
  spec.instanced.forEach((count, k) => {
    const m = new THREE.InstancedMesh(box, new THREE.MeshLambertMaterial({ color: new THREE.Color().setHSL((k * 0.13) % 1, 0.5, 0.6) }), count);
    const side = Math.ceil(Math.sqrt(count));
    for (let i = 0; i < count; i++) {
      o.position.set(((i % side) + 0.5) * (span / side), 0, (Math.floor(i / side) + 0.5) * (span / side));
      o.scale.set(12, 8 + ((i * 7919) % 40), 12);
      o.updateMatrix();
      m.setMatrixAt(i, o.matrix);
    }
    m.instanceColor = new THREE.InstancedBufferAttribute(new Float32Array(count * 3).fill(0.8), 3);
    scene.add(m);
  });
  renderer.render(scene, camera);
  const intervals = [];
  let last = null;
  await new Promise((done) => {
    const t0 = performance.now();
    const tick = (t) => {
      if (last !== null) intervals.push(t - last);
      last = t;
      renderer.render(scene, camera);
      if (performance.now() - t0 < spec.windowMs) requestAnimationFrame(tick);
      else done();
    };
    requestAnimationFrame(tick);
  });
  const draws = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    renderer.render(scene, camera);
    renderer.getContext().finish();
    draws.push(performance.now() - t);
    await new Promise((r) => requestAnimationFrame(r));
  }
  return { frames: intervals.length, intervalMs: { median: pct(intervals, 0.5), p90: pct(intervals, 0.9) }, drawMs: pct(draws, 0.5) };
};
window.bareReady = true;
</script></body></html>`;

/** Serves the bare page at / and three's build at /three/ on a free localhost port. */
export async function serveBarePage(): Promise<{ url: string; close: () => Promise<void> }> {
  const threeDir = dirname(createRequire(import.meta.url).resolve('three'));
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
      return;
    }
    const m = /^\/three\/(three\.(?:module|core)\.js)$/.exec(path);
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    res.end(readFileSync(join(threeDir, m[1]!)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
