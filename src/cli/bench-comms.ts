/**
 * Comms and CCTV figures for `npm run bench`: one comms step (blocking, sharing, delays, deadline
 * checks) on a seeded synthetic network of 1,000 cameras and 5,000 other devices carrying 20,000
 * flows, quiet and under a camera flood, with each sharing rule; and camera coverage of 1,000
 * cameras over a generated city of 20,000 buildings. The targets (10 ms a step, 1 s for
 * coverage) are printed beside the measurements; speed is never asserted in tests.
 */
import { assetId, EventBus, Rng, Scheduler, World, type AssetSpec } from '../sim';
import { BuildingGrid, computeCoverage, entrancesSeen, streetCoverage, type CameraGeometry } from '../sim/cctv';
import { CommsSubsystem, FLOW_KINDS, type CommsFlowSpec, type CommsInput, type CommsLinkSpec, type CommsNodeSpec } from '../sim/comms';
import { generateCity } from '../scenario/city/generate';
import { round, timeRuns } from './bench-timing';

const time = (f: () => unknown, runs: number, warmup = 5) => timeRuns(f, runs, warmup);

/** A seeded city-scale network: core, 20 aggregation nodes, 400 cabinets, 1,000 cameras and 5,000 devices, 20,000 flows. */
export function syntheticCommsNetwork(sharing: 'max-min' | 'proportional', seed = 1): { input: CommsInput; assets: AssetSpec[] } {
  const rng = new Rng(seed);
  const nodes: CommsNodeSpec[] = [];
  const links: CommsLinkSpec[] = [];
  const flows: CommsFlowSpec[] = [];
  const assets: AssetSpec[] = [];
  const node = (id: string, zone: string) => {
    nodes.push({ id, asset: id, zone, jurisdiction: null });
    assets.push({
      id: assetId(id),
      kind: zone,
      subsystem: 'comms',
      name: id,
      position: [0, 0],
      vendor: null,
      remoteAccess: false,
      district: null,
      population: 0,
      critical: false,
    });
  };
  node('core', 'network');
  node('dc', 'control');
  links.push({ id: 'core~dc', a: 'core', b: 'dc', capacityMbps: 10_000, cls: 'backhaul' });
  nodes.push({ id: 'internet', asset: null, zone: 'internet', jurisdiction: null }, { id: 'cloud', asset: null, zone: 'internet', jurisdiction: 'Calderra' });
  links.push(
    { id: 'core~internet', a: 'core', b: 'internet', capacityMbps: 2000, cls: 'uplink' },
    { id: 'internet~cloud', a: 'internet', b: 'cloud', capacityMbps: 10_000, cls: 'cloud' },
  );
  for (let g = 0; g < 20; g++) {
    node(`agg-${g}`, 'network');
    links.push({ id: `core~agg-${g}`, a: 'core', b: `agg-${g}`, capacityMbps: 1000, cls: 'backhaul' });
  }
  for (let s = 0; s < 400; s++) {
    node(`sw-${s}`, 'network');
    links.push({ id: `agg~sw-${s}`, a: `agg-${s % 20}`, b: `sw-${s}`, capacityMbps: 1000, cls: 'aggregation' });
  }
  const cams: string[] = [];
  for (let c = 0; c < 1000; c++) {
    const id = `cam-${c}`;
    node(id, 'cctv');
    cams.push(id);
    links.push({ id: `sw~${id}`, a: `sw-${rng.int(0, 399)}`, b: id, capacityMbps: 100, cls: 'access' });
    flows.push({ src: id, dst: 'cloud', kind: 'video', demandMbps: 4, deadlineMs: null });
  }
  const devs: string[] = [];
  for (let d = 0; d < 5000; d++) {
    const id = `dev-${d}`;
    node(id, d % 3 === 0 ? 'traffic' : d % 3 === 1 ? 'water' : 'grid');
    devs.push(id);
    links.push({ id: `sw~${id}`, a: `sw-${rng.int(0, 399)}`, b: id, capacityMbps: 100, cls: 'access' });
    flows.push({ src: id, dst: 'dc', kind: 'control', demandMbps: 0.05, deadlineMs: 100 });
    flows.push({ src: id, dst: 'dc', kind: 'telemetry', demandMbps: 0.1, deadlineMs: null });
    flows.push({ src: id, dst: 'cloud', kind: 'telemetry', demandMbps: 0.02, deadlineMs: null });
  }
  // Camera analytics metadata and recorder backups make up the rest of 20,000.
  while (flows.length < 20_000)
    flows.push({ src: cams[rng.int(0, cams.length - 1)]!, dst: 'dc', kind: 'backup', demandMbps: rng.range(0.1, 2), deadlineMs: null });
  return {
    input: {
      zones: ['network', 'control', 'cctv', 'traffic', 'water', 'grid', 'internet'],
      nodes,
      links,
      flows,
      rules: [],
      vendorAccess: [],
      root: 'core',
      internet: 'internet',
      sharing,
      bufferMs: 100,
    },
    assets,
  };
}

function commsStep(sharing: 'max-min' | 'proportional'): Record<string, unknown> {
  const { input, assets } = syntheticCommsNetwork(sharing);
  let now = 0;
  const bus = new EventBus(() => now);
  const world = new World(assets, [], bus, new Scheduler(), () => now);
  const comms = new CommsSubsystem(input, { world, bus, now: () => now }, false);
  const step = () => {
    now += 1000;
    comms.step(now);
  };
  const quiet = time(step, 50);
  // Flood: every camera's stream raised to 60 Mb/s (a Mirai-style flood up the same links).
  const video = FLOW_KINDS.indexOf('video');
  for (let f = 0; f < comms.flows.count; f++) if (comms.flows.kind[f] === video) comms.setDemand(f, 60, null);
  const flood = time(step, 50);
  let congested = 0;
  for (let l = 0; l < comms.net.linkCount; l++) congested += comms.congested[l]!;
  return { quiet, flood, linksCongestedUnderFlood: congested, devicesWithoutCommsUnderFlood: comms.devicesWithoutComms() };
}

function coverage(): Record<string, unknown> {
  const t0 = performance.now();
  const city = generateCity({ name: 'bench', seed: 3, buildings: 20_000, population: 0, sizeM: [8000, 8000], infrastructure: false }, []).city;
  const genMs = performance.now() - t0;
  const rng = new Rng(11);
  const n = 1000;
  const cams: CameraGeometry = {
    count: n,
    x: new Float32Array(n),
    z: new Float32Array(n),
    heading: new Float32Array(n),
    fov: new Float32Array(n),
    range: new Float32Array(n),
  };
  for (let k = 0; k < n; k++) {
    // On a street: a random point along a random road, looking along it or across.
    const r = city.roads[rng.int(0, city.roads.length - 1)]!;
    const t = rng.next();
    cams.x[k] = r.a[0] + (r.b[0] - r.a[0]) * t;
    cams.z[k] = r.a[1] + (r.b[1] - r.a[1]) * t;
    cams.heading[k] = rng.range(0, 2 * Math.PI);
    cams.fov[k] = (90 * Math.PI) / 180;
    cams.range[k] = 60;
  }
  let summary: Record<string, number> = {};
  const run = () => {
    const grid = new BuildingGrid(city.buildings, city.sizeM);
    const cov = computeCoverage(cams, grid, { cellM: 10, rays: 24, sizeM: city.sizeM });
    summary = { streetCoveragePct: round(streetCoverage(cov, city.roads) * 100, 1), entrancesSeen: entrancesSeen(cov, city.buildings) };
  };
  const t = time(run, 5, 1);
  return { cameras: n, buildings: city.buildings.count, roads: city.roads.length, cityGenerateMs: round(genMs), coverage: t, ...summary, target: '≤ 1000 ms' };
}

export function benchComms(): Record<string, unknown> {
  return {
    step: {
      network: { cameras: 1000, otherDevices: 5000, flows: 20_000, links: 6421 },
      proportional: commsStep('proportional'),
      maxMin: commsStep('max-min'),
      target: '≤ 10 ms a step',
    },
    coverage: coverage(),
  };
}
