/**
 * The comms network's and cameras' static layout for the page, built once per load: nodes on the
 * ground (virtual endpoints — the internet, vendor clouds, the attacker's server — placed beyond
 * the city's north edge, one column per jurisdiction), links with their class and capacity, camera
 * view cones, and each vendor's exposure: what it supplies, what its VPN reaches, what its cloud
 * holds. Per-frame state is SimSnapshot.cyber.
 */
import type { SimInput } from '../sim';
import { blindSpots, BuildingGrid, computeCoverage } from '../sim/cctv';

export interface VendorExposure {
  readonly vendor: string;
  readonly name: string;
  readonly jurisdiction: string;
  readonly supplies: readonly { readonly kind: string; readonly count: number }[];
  /** Assets it can reach by remote maintenance: what an attacker holding it takes at once. */
  readonly remoteAccessAssets: number;
  /** Zones its VPN reaches under segmentation (on a flat network: every zone). */
  readonly vpnZones: readonly string[];
  readonly cloudJurisdiction: string | null;
  readonly cloudDatasets: readonly string[];
}

export interface CyberView {
  readonly zones: readonly string[];
  /** Firewall rules between zones, in force while segmentation is on (the live policy is in the snapshot). */
  readonly zoneRules: readonly { readonly from: string; readonly to: string }[];
  readonly nodeIds: readonly string[];
  readonly nodeX: Float32Array;
  readonly nodeZ: Float32Array;
  readonly nodeAsset: Int32Array;
  readonly nodeZone: readonly string[];
  readonly nodeJurisdiction: readonly (string | null)[];
  readonly linkIds: readonly string[];
  readonly linkA: Int32Array;
  readonly linkB: Int32Array;
  readonly linkClass: readonly string[];
  readonly capacityMbps: Float32Array;
  /** Cameras in the CCTV order: asset index, x, z, heading (rad), field of view (rad), range (m). */
  readonly cameras: Float32Array;
  readonly homeJurisdiction: string;
  readonly vendors: readonly VendorExposure[];
  readonly datasets: readonly { readonly id: string; readonly kind: string; readonly jurisdiction: string; readonly cloudVendor: string | null }[];
  readonly attribution: string | null;
  /** Cameras seeing each coverage cell at load (column-major: c * rows + r), for the heat map. */
  readonly coverage: { readonly cellM: number; readonly cols: number; readonly rows: number; readonly seen: Uint8Array };
  /** Sensitive and critical sites no camera watches. */
  readonly blindSpots: readonly string[];
}

export function cyberView(input: SimInput): CyberView | null {
  const c = input.cyber;
  if (!c) return null;
  const assetIndex = new Map(input.assets.map((a, i) => [a.id as string, i]));
  const [w] = input.city.sizeM;
  const n = c.comms.nodes.length;
  const nodeX = new Float32Array(n);
  const nodeZ = new Float32Array(n);
  const nodeAsset = new Int32Array(n).fill(-1);
  const jurisdictions = [...new Set(c.comms.nodes.map((x) => x.jurisdiction).filter((j): j is string => j !== null))].sort();
  c.comms.nodes.forEach((node, i) => {
    const a = node.asset !== null ? assetIndex.get(node.asset) : undefined;
    if (a !== undefined) {
      nodeAsset[i] = a;
      nodeX[i] = input.assets[a]!.position[0];
      nodeZ[i] = input.assets[a]!.position[1];
    } else if (node.jurisdiction === null) {
      nodeX[i] = w / 2;
      nodeZ[i] = -350;
    } else {
      const k = jurisdictions.indexOf(node.jurisdiction);
      nodeX[i] = (w * (k + 1)) / (jurisdictions.length + 1);
      nodeZ[i] = node.id === c.attackerNode ? -900 : -700;
    }
  });
  const nodeIndex = new Map(c.comms.nodes.map((x, i) => [x.id, i]));
  const cams = c.cctv.cameras;
  const cameras = new Float32Array(cams.length * 6);
  cams.forEach((cam, k) => {
    const a = assetIndex.get(cam.asset) ?? -1;
    const p = a >= 0 ? input.assets[a]!.position : [0, 0];
    cameras.set([a, p[0]!, p[1]!, (cam.headingDeg * Math.PI) / 180, (cam.fovDeg * Math.PI) / 180, cam.rangeM], k * 6);
  });
  const vendors: VendorExposure[] = input.vendors.map((v) => {
    const mine = input.assets.filter((a) => a.vendor === v.id);
    const kinds = new Map<string, number>();
    for (const a of mine) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
    const access = c.comms.vendorAccess.find((x) => x.vendor === v.id);
    return {
      vendor: v.id,
      name: v.name,
      jurisdiction: v.jurisdiction,
      supplies: [...kinds].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, count]) => ({ kind, count })),
      remoteAccessAssets: mine.filter((a) => a.remoteAccess).length,
      vpnZones: access ? (c.policies.segmentation ? access.zones : c.comms.zones.filter((z) => z !== 'internet')) : [],
      cloudJurisdiction: v.cloudJurisdiction,
      cloudDatasets: c.cctv.datasets.filter((d) => d.cloudVendor === v.id).map((d) => d.id),
    };
  });
  // The same line-of-sight coverage the simulation computes, for drawing (a few tens of ms at load).
  const geom = {
    count: cams.length,
    x: Float32Array.from(cams, (_, k) => cameras[k * 6 + 1]!),
    z: Float32Array.from(cams, (_, k) => cameras[k * 6 + 2]!),
    heading: Float32Array.from(cams, (_, k) => cameras[k * 6 + 3]!),
    fov: Float32Array.from(cams, (_, k) => cameras[k * 6 + 4]!),
    range: Float32Array.from(cams, (_, k) => cameras[k * 6 + 5]!),
  };
  const cov = computeCoverage(geom, new BuildingGrid(input.city.buildings, input.city.sizeM), {
    cellM: c.cctv.coverageCellM,
    rays: 24,
    sizeM: input.city.sizeM,
  });
  const watched = c.cctv.watchSites
    .map((id) => assetIndex.get(id))
    .filter((i): i is number => i !== undefined)
    .map((i) => ({ id: input.assets[i]!.id as string, x: input.assets[i]!.position[0], z: input.assets[i]!.position[1] }));
  return {
    coverage: { cellM: cov.cellM, cols: cov.cols, rows: cov.rows, seen: Uint8Array.from(cov.seen, (v) => Math.min(255, v)) },
    blindSpots: blindSpots(cov, input.city.buildings, watched),
    zones: c.comms.zones,
    zoneRules: c.comms.rules.map((r) => ({ from: r.from, to: r.to })),
    nodeIds: c.comms.nodes.map((x) => x.id),
    nodeX,
    nodeZ,
    nodeAsset,
    nodeZone: c.comms.nodes.map((x) => x.zone),
    nodeJurisdiction: c.comms.nodes.map((x) => x.jurisdiction),
    linkIds: c.comms.links.map((l) => l.id),
    linkA: Int32Array.from(c.comms.links, (l) => nodeIndex.get(l.a) ?? 0),
    linkB: Int32Array.from(c.comms.links, (l) => nodeIndex.get(l.b) ?? 0),
    linkClass: c.comms.links.map((l) => l.cls),
    capacityMbps: Float32Array.from(c.comms.links, (l) => l.capacityMbps),
    cameras,
    homeJurisdiction: c.homeJurisdiction,
    vendors,
    datasets: c.cctv.datasets.map((d) => ({ id: d.id, kind: d.kind, jurisdiction: d.jurisdiction, cloudVendor: d.cloudVendor })),
    attribution: c.cctv.attribution,
  };
}
