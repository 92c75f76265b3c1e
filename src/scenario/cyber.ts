/**
 * Compiles the cyber layer of a scenario: bans vendors from asset kinds, imports a camera register,
 * and builds the comms network (zones by asset kind, a tree of links from devices through street
 * cabinets and aggregation nodes to the core and out to the internet, vendor clouds and an
 * attacker's server), the city's own flows (video, control, telemetry, backups), the cameras with
 * their analytics and datasets, and the policies in force.
 */
import { assetId, edgeId, parseDuration, DAY, type AssetSpec, type CityModel, type EdgeSpec, type VendorSpec } from '../sim';
import { datasetSalt, type CameraSpec, type CctvInput, type DatasetSpec, type IdentifierKind } from '../sim/cctv';
import type { CommsFlowSpec, CommsInput, CommsLinkSpec, CommsNodeSpec, LinkClass, ZoneRule } from '../sim/comms';
import type { CyberInput } from '../sim/couplings/cyber-layer';
import { issue, quote, suggest, type ScenarioIssue } from './issues';
import { readReferenced, type ReadFile } from './referenced-file';
import { parseCameraRegister, placeCameras } from './import/camera-register';
import { ZONE_IDS } from './cyber-schema';
import type { CameraView } from './city/osm-town';
import type { Scenario } from './schema';

export interface CyberContext {
  readonly assets: AssetSpec[];
  readonly edges: EdgeSpec[];
  readonly vendors: readonly VendorSpec[];
  readonly city: CityModel;
  readonly readFile: ReadFile | undefined;
  readonly issues: ScenarioIssue[];
  /** How cameras mapped in OpenStreetMap look (heading, field of view, height) and which analytics they run. */
  readonly cameraViews?: ReadonlyMap<string, CameraView> | undefined;
  /** An imported (OpenStreetMap) town's projection: a camera register's cameras go where they really are. */
  readonly geo?: { readonly project: (lat: number, lon: number) => [number, number]; readonly inside: (p: readonly [number, number]) => boolean } | undefined;
}

const ZONE_OF_KIND: Record<string, (typeof ZONE_IDS)[number]> = {
  'comms-core': 'network',
  'comms-aggregation': 'network',
  'access-switch': 'network',
  'vendor-gateway': 'vendor-dmz',
  camera: 'cctv',
  nvr: 'cctv',
  substation: 'grid',
  'grid-supply-point': 'grid',
  'power-bus': 'grid',
  'pumping-station': 'water',
  'water-treatment': 'water',
  reservoir: 'water',
  'water-tower': 'water',
  'traffic-signal': 'traffic',
  'signal-controller': 'traffic',
  'indoor-camera': 'cctv',
  'secondary-substation': 'grid',
  'power-cabinet': 'grid',
  'power-plant': 'grid',
  generator: 'grid',
  'comms-mast': 'network',
  'water-tank': 'water',
  'council-office': 'control',
  'data-centre': 'control',
};

/** Firewall rules with segmentation in force: SCADA talks to the control room, cameras to their recorders and clouds. */
const DEFAULT_RULES: readonly ZoneRule[] = [
  ...(['grid', 'water', 'traffic'] as const).flatMap((z) => [
    { from: z, to: 'control' },
    { from: 'control', to: z },
  ]),
  { from: 'cctv', to: 'internet' },
  { from: 'cctv', to: 'control' },
  { from: 'control', to: 'cctv' },
  { from: 'corporate', to: 'internet' },
  { from: 'corporate', to: 'control' },
  { from: 'network', to: 'control' },
  { from: 'control', to: 'network' },
];

/** Control traffic per device kind: rate (Mb/s) and deadline (ms). IEC 60870-5-104 / UTC polling rates. */
const CONTROL: Record<string, { mbps: number; deadlineMs: number; telemetryMbps: number }> = {
  'traffic-signal': { mbps: 0.05, deadlineMs: 50, telemetryMbps: 0.02 },
  'pumping-station': { mbps: 0.02, deadlineMs: 200, telemetryMbps: 0.1 },
  'water-treatment': { mbps: 0.05, deadlineMs: 200, telemetryMbps: 0.5 },
  substation: { mbps: 0.05, deadlineMs: 100, telemetryMbps: 0.2 },
  'grid-supply-point': { mbps: 0.05, deadlineMs: 100, telemetryMbps: 0.2 },
};

const VIDEO_MBPS = 4;
const RATE_PER_HOUR: Record<IdentifierKind, number> = { plate: 400, face: 250, count: 60 };
const BYTES_PER_RECORD: Record<IdentifierKind, number> = { plate: 20_000, face: 8_000, count: 200 };

/** Ids of zones and datasets a compiled scenario has, for checking commands. */
export interface CyberRefs {
  readonly zones: readonly string[];
  readonly datasets: readonly string[];
}

export function compileCyber(s: Scenario, ctx: CyberContext): { input: CyberInput; refs: CyberRefs } | null {
  banVendors(s, ctx);
  importRegister(s, ctx);
  const { assets, edges, vendors } = ctx;
  const byId = new Map(assets.map((a) => [a.id as string, a]));
  const core = assets.find((a) => a.kind === 'comms-core');
  const cameras = assets.filter((a) => a.kind === 'camera');
  if (!core && !s.comms && cameras.length === 0) return null;
  const home = s.comms?.homeJurisdiction ?? 'United Kingdom';
  const cap = { access: 100, aggregation: 1000, backhaul: 1000, uplink: 1000, ...s.comms?.capacityMbps };
  const policies = {
    segmentation: s.policies?.segmentation ?? false,
    'vendor-remote-access': s.policies?.vendorRemoteAccess ?? true,
    'data-localisation': s.policies?.dataLocalisation ?? false,
    'edge-anonymisation': s.policies?.edgeAnonymisation ?? false,
    'egress-monitoring': s.policies?.egressMonitoring ?? false,
  };

  // Nodes: every asset on the network, plus the internet, vendor clouds and the attacker.
  const root = core ? (core.id as string) : 'core';
  const nodes: CommsNodeSpec[] = [];
  const links: CommsLinkSpec[] = [];
  const onNet = assets.filter((a) => a.population === 0 && a.subsystem !== 'population');
  if (!core) nodes.push({ id: 'core', asset: null, zone: 'network', jurisdiction: null });
  for (const a of onNet) nodes.push({ id: a.id, asset: a.id, zone: ZONE_OF_KIND[a.kind] ?? 'corporate', jurisdiction: null });
  nodes.push({ id: 'internet', asset: null, zone: 'internet', jurisdiction: null });
  nodes.push({ id: 'attacker', asset: null, zone: 'internet', jurisdiction: 'attacker' });
  const cloudNodes: Record<string, string> = {};
  for (const v of vendors) {
    if (!v.cloudJurisdiction) continue;
    cloudNodes[v.id] = `cloud-${v.id}`;
    nodes.push({ id: `cloud-${v.id}`, asset: null, zone: 'internet', jurisdiction: v.cloudJurisdiction });
  }

  // Parents: the comms supplier in the dependency graph, else the nearest street cabinet.
  const commsKinds = new Set(['comms-core', 'comms-aggregation', 'access-switch']);
  const switches = assets.filter((a) => a.kind === 'access-switch');
  const parentOf = new Map<string, string>();
  for (const e of edges) {
    if ((e.resource === 'comms' || e.resource === 'control') && commsKinds.has(byId.get(e.from)?.kind ?? '') && !parentOf.has(e.to)) parentOf.set(e.to, e.from);
  }
  const nearestSwitch = (p: readonly [number, number]) => {
    let best: AssetSpec | null = null;
    let bd = Infinity;
    for (const sw of switches) {
      const d = (sw.position[0] - p[0]) ** 2 + (sw.position[1] - p[1]) ** 2;
      if (d < bd) [best, bd] = [sw, d];
    }
    return best ? (best.id as string) : root;
  };
  for (const a of onNet) {
    if (a.id === root) continue;
    const parent =
      a.kind === 'data-centre' || a.kind === 'vendor-gateway' || a.kind === 'comms-aggregation' || a.kind === 'nvr'
        ? root
        : (parentOf.get(a.id) ?? nearestSwitch(a.position));
    const cls: LinkClass =
      a.kind === 'comms-aggregation' ? 'backhaul' : a.kind === 'access-switch' ? 'aggregation' : a.kind === 'vendor-gateway' ? 'vpn' : 'access';
    const mbps =
      cls === 'backhaul'
        ? cap.backhaul
        : cls === 'aggregation'
          ? cap.aggregation
          : cls === 'vpn'
            ? 100
            : a.kind === 'camera' || a.kind === 'traffic-signal'
              ? cap.access
              : a.kind === 'data-centre' || a.kind === 'nvr'
                ? 10_000
                : 1000;
    links.push({ id: `${parent}~${a.id}`, a: parent, b: a.id, capacityMbps: mbps, cls });
  }
  links.push({ id: `${root}~internet`, a: root, b: 'internet', capacityMbps: cap.uplink, cls: 'uplink' });
  links.push({ id: 'internet~attacker', a: 'internet', b: 'attacker', capacityMbps: 10_000, cls: 'cloud' });
  for (const n of Object.values(cloudNodes)) links.push({ id: `internet~${n}`, a: 'internet', b: n, capacityMbps: 10_000, cls: 'cloud' });

  // The city's own traffic.
  // SCADA masters and the urban traffic control servers sit in the data centre (UPS and generators).
  const controlRoom = assets.find((a) => a.kind === 'data-centre') ?? assets.find((a) => a.kind === 'council-office') ?? null;
  const roomNode = controlRoom ? (controlRoom.id as string) : root;
  const nvrs = assets.filter((a) => a.kind === 'nvr');
  const nearestNvr = (p: readonly [number, number]) =>
    nvrs.reduce<AssetSpec | null>(
      (b, n) => (!b || (n.position[0] - p[0]) ** 2 + (n.position[1] - p[1]) ** 2 < (b.position[0] - p[0]) ** 2 + (b.position[1] - p[1]) ** 2 ? n : b),
      null,
    );
  const flows: CommsFlowSpec[] = [];
  for (const a of onNet) {
    const c = CONTROL[a.kind];
    if (c) {
      flows.push({ src: a.id, dst: roomNode, kind: 'control', demandMbps: c.mbps, deadlineMs: c.deadlineMs });
      flows.push({ src: a.id, dst: roomNode, kind: 'telemetry', demandMbps: c.telemetryMbps, deadlineMs: null });
    }
  }
  for (const n of nvrs) if (byId.has('data-centre')) flows.push({ src: n.id, dst: 'data-centre', kind: 'backup', demandMbps: 20, deadlineMs: null });

  // Cameras, analytics and datasets.
  const { cctv, datasetIds } = buildCctv(s, cameras, vendors, nearestNvr, home, policies['data-localisation'], ctx);
  for (const cam of cctv.cameras) {
    const dst = cam.cloudVendor ? cloudNodes[cam.cloudVendor] : cam.nvr;
    if (dst) flows.push({ src: cam.asset, dst, kind: 'video', demandMbps: cam.videoMbps, deadlineMs: null });
  }

  const vendorAccess = vendors
    .filter((v) => v.remoteMaintenance && byId.has(`gateway-${v.id}`))
    .map((v) => {
      const listed = s.comms?.vendorAccess?.find((x) => x.vendor === v.id)?.zones;
      const own = [...new Set(assets.filter((a) => a.vendor === v.id && a.kind !== 'vendor-gateway').map((a) => ZONE_OF_KIND[a.kind] ?? 'corporate'))].sort();
      return { vendor: v.id as string, gateway: `gateway-${v.id}`, zones: listed ?? own };
    });
  (s.comms?.vendorAccess ?? []).forEach((x, i) => {
    if (!vendors.some((v) => v.id === x.vendor))
      ctx.issues.push(
        issue(
          `comms.vendorAccess[${i}].vendor`,
          `unknown vendor ${quote(x.vendor)}`,
          suggest(
            x.vendor,
            vendors.map((v) => v.id),
            'vendors',
          ),
        ),
      );
  });

  const comms: CommsInput = {
    zones: ZONE_IDS,
    nodes,
    links,
    flows,
    rules: s.comms?.rules ?? DEFAULT_RULES,
    vendorAccess,
    root,
    internet: 'internet',
    sharing: s.comms?.sharing ?? 'proportional',
    bufferMs: s.comms?.bufferMs ?? 100,
  };
  return {
    input: { comms, cctv, attackerNode: 'attacker', cloudNodes, controlRoom: controlRoom ? controlRoom.id : null, policies, homeJurisdiction: home, vendors },
    refs: { zones: ZONE_IDS, datasets: datasetIds },
  };
}

function buildCctv(
  s: Scenario,
  cameras: readonly AssetSpec[],
  vendors: readonly VendorSpec[],
  nearestNvr: (p: readonly [number, number]) => AssetSpec | null,
  home: string,
  localised: boolean,
  ctx: CyberContext,
): { cctv: CctvInput; datasetIds: string[] } {
  const c = s.cctv ?? {};
  const retentionMs = parseDuration(c.retention ?? '30d') ?? 30 * DAY;
  const datasets: DatasetSpec[] = [];
  const datasetIndex = new Map<string, number>();
  const dataset = (id: string, kind: IdentifierKind, storeAsset: string | null, cloudVendor: string | null, jurisdiction: string) => {
    let i = datasetIndex.get(id);
    if (i === undefined) {
      i = datasets.length;
      datasetIndex.set(id, i);
      datasets.push({ id, kind, storeAsset, cloudVendor, jurisdiction, retentionMs, salt: datasetSalt(id) });
    }
    return i;
  };
  (c.analytics ?? []).forEach((a, i) => {
    if (a.vendor && !vendors.some((v) => v.id === a.vendor))
      ctx.issues.push(
        issue(
          `cctv.analytics[${i}].vendor`,
          `unknown vendor ${quote(a.vendor)}`,
          suggest(
            a.vendor,
            vendors.map((v) => v.id),
            'vendors',
          ),
        ),
      );
  });
  const sites = ctx.assets.filter((a) => a.subsystem === 'civic' || a.subsystem === 'water' || a.subsystem === 'power');
  const specs: CameraSpec[] = cameras.map((cam) => {
    const v = vendors.find((x) => x.id === cam.vendor) ?? null;
    const cloud = v?.cloudJurisdiction && !localised ? v : null;
    const nvr = nearestNvr(cam.position);
    const view = ctx.cameraViews?.get(cam.id);
    const rules = (
      c.analytics
        ? c.analytics.filter((a) => !a.vendor || a.vendor === cam.vendor)
        : [
            { kind: 'plate' as const, site: cloud ? ('cloud' as const) : ('nvr' as const) },
            { kind: 'face' as const, site: cloud ? ('cloud' as const) : ('nvr' as const) },
            { kind: 'count' as const, site: 'camera' as const },
          ]
    ).filter((r) => !view || view.analytics.includes(r.kind));
    const analytics = rules.flatMap((r): CameraSpec['analytics'][number][] => {
      if (r.site === 'cloud' && cloud)
        return [{ kind: r.kind, site: r.site, dataset: dataset(`${cloud.id}-cloud-${r.kind}`, r.kind, null, cloud.id, cloud.cloudJurisdiction!) }];
      if (nvr) return [{ kind: r.kind, site: r.site === 'cloud' ? 'nvr' : r.site, dataset: dataset(`${nvr.id}-${r.kind}`, r.kind, nvr.id, null, home) }];
      return [];
    });
    const usesCloud = analytics.some((a) => datasets[a.dataset]!.cloudVendor !== null);
    // Hash the id for a rest heading: a register gives no heading, and PTZ cameras rest anywhere.
    let h = 0;
    for (let k = 0; k < cam.id.length; k++) h = (Math.imul(h, 31) + cam.id.charCodeAt(k)) >>> 0;
    return {
      asset: cam.id,
      heightM: view?.heightM ?? c.heightM ?? 6,
      headingDeg: view?.headingDeg ?? headingOf(cam, ctx.city, sites) ?? h % 360,
      fovDeg: view?.fovDeg ?? c.fovDeg ?? 90,
      rangeM: c.rangeM ?? 60,
      nvr: nvr ? nvr.id : null,
      cloudVendor: usesCloud && cloud ? cloud.id : null,
      videoMbps: VIDEO_MBPS,
      analytics,
    };
  });
  const watch = ['clinic', 'place-of-worship', 'job-centre', 'hospital', 'police-hq', 'school'];
  return {
    cctv: {
      cameras: specs,
      datasets,
      ratePerHour: RATE_PER_HOUR,
      bytesPerRecord: BYTES_PER_RECORD,
      coverageCellM: 10,
      watchSites: ctx.assets.filter((a) => watch.includes(a.kind)).map((a) => a.id),
      attribution: c.register ? (c.registerAttribution ?? null) : null,
    },
    datasetIds: datasets.map((d) => d.id),
  };
}

/**
 * Generated cameras stand just off a junction or off the corner of a site: they look back at the
 * junction, or along the site's front; null when neither is near (a register camera).
 */
function headingOf(cam: AssetSpec, city: CityModel, sites: readonly AssetSpec[]): number | null {
  const toward = (p: readonly [number, number]) => (Math.atan2(p[1] - cam.position[1], p[0] - cam.position[0]) * 180) / Math.PI;
  const d2 = (p: readonly [number, number]) => (p[0] - cam.position[0]) ** 2 + (p[1] - cam.position[1]) ** 2;
  let best: readonly [number, number] | null = null;
  // The city generator puts junction cameras 9 m off the junction on both axes.
  const offJunction = (p: readonly [number, number]) =>
    Math.abs(Math.abs(p[0] - cam.position[0]) - 9) < 0.5 && Math.abs(Math.abs(p[1] - cam.position[1]) - 9) < 0.5;
  for (const r of city.roads) for (const p of [r.a, r.b]) if (offJunction(p)) return toward(p);
  let bd = 80 * 80;
  for (const s of sites) if (d2(s.position) < bd) [best, bd] = [s.position, d2(s.position)];
  // Off the corner of a site, a camera watches along its front rather than into the wall.
  return best ? toward(best) + 40 : null;
}

function banVendors(s: Scenario, ctx: CyberContext): void {
  const ids = ctx.vendors.map((v) => v.id as string);
  (s.policies?.banVendors ?? []).forEach((b, i) => {
    const p = `policies.banVendors[${i}]`;
    if (!ids.includes(b.vendor)) return void ctx.issues.push(issue(`${p}.vendor`, `unknown vendor ${quote(b.vendor)}`, suggest(b.vendor, ids, 'vendors')));
    if (b.replacement !== null && !ids.includes(b.replacement))
      return void ctx.issues.push(issue(`${p}.replacement`, `unknown vendor ${quote(b.replacement)}`, suggest(b.replacement, ids, 'vendors')));
    const repl = ctx.vendors.find((v) => v.id === b.replacement) ?? null;
    ctx.assets.forEach((a, k) => {
      if (a.vendor !== b.vendor || a.kind === 'vendor-gateway' || (b.kinds && !b.kinds.includes(a.kind))) return;
      ctx.assets[k] = { ...a, vendor: repl ? repl.id : null, remoteAccess: repl?.remoteMaintenance ?? false };
    });
  });
}

function importRegister(s: Scenario, ctx: CyberContext): void {
  const file = s.cctv?.register;
  if (file === undefined) return;
  const path = 'cctv.register';
  const text = readReferenced(file, path, ctx.readFile, ctx.issues);
  if (text === null) return;
  const parsed = parseCameraRegister(text, file, path);
  ctx.issues.push(...parsed.issues);
  const vendor = s.cctv?.registerVendor ?? null;
  if (vendor && !ctx.vendors.some((v) => v.id === vendor))
    ctx.issues.push(
      issue(
        'cctv.registerVendor',
        `unknown vendor ${quote(vendor)}`,
        suggest(
          vendor,
          ctx.vendors.map((v) => v.id),
          'vendors',
        ),
      ),
    );
  const v = ctx.vendors.find((x) => x.id === vendor) ?? null;
  const [w, h] = ctx.city.sizeM;
  const geo = ctx.geo;
  // On an imported town each camera goes where it is; on a generated city the register is centred on it.
  const { cameras: all, extentM } = placeCameras(parsed.cameras, [w / 2, h / 2], geo?.project);
  const cameras = geo ? all.filter((c) => geo.inside(c.position)) : all;
  if (geo && cameras.length < all.length) {
    const out = all.filter((c) => !geo.inside(c.position));
    ctx.issues.push(
      issue(
        path,
        `${out.length} camera(s) lie outside the imported area (${out
          .slice(0, 5)
          .map((c) => c.ref)
          .join(', ')}${out.length > 5 ? ', …' : ''})`,
        'keep only the cameras inside the extract in the register, or export an extract that covers them',
      ),
    );
  } else if (!geo && (extentM[0] > w || extentM[1] > h)) {
    ctx.issues.push(
      issue(
        path,
        `the register spans ${Math.ceil(extentM[0])} × ${Math.ceil(extentM[1])} m, more than the city's ${w} × ${h} m`,
        `set city.generator.sizeM to at least [${Math.ceil(extentM[0] / 100) * 100 + 200}, ${Math.ceil(extentM[1] / 100) * 100 + 200}]`,
      ),
    );
  }
  if (s.cctv?.generated === false) {
    const drop = new Set(ctx.assets.filter((a) => a.kind === 'camera').map((a) => a.id as string));
    for (let i = ctx.assets.length - 1; i >= 0; i--) if (drop.has(ctx.assets[i]!.id)) ctx.assets.splice(i, 1);
    for (let i = ctx.edges.length - 1; i >= 0; i--) if (drop.has(ctx.edges[i]!.to) || drop.has(ctx.edges[i]!.from)) ctx.edges.splice(i, 1);
  }
  const taken = new Set(ctx.assets.map((a) => a.id as string));
  const switches = ctx.assets.filter((a) => a.kind === 'access-switch');
  for (const c of cameras) {
    const id = `camera-r${c.ref.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    if (taken.has(id)) {
      ctx.issues.push(issue(path, `camera ${c.ref} appears twice`, 'give each camera its own id in the register'));
      continue;
    }
    taken.add(id);
    ctx.assets.push({
      id: assetId(id),
      kind: 'camera',
      subsystem: 'cctv',
      name: `${c.name} (register ${c.ref})`,
      position: c.position,
      vendor: v ? v.id : null,
      remoteAccess: v?.remoteMaintenance ?? false,
      district: null,
      population: 0,
      critical: false,
    });
    const sw = switches.reduce<AssetSpec | null>(
      (b, x) =>
        !b ||
        (x.position[0] - c.position[0]) ** 2 + (x.position[1] - c.position[1]) ** 2 <
          (b.position[0] - c.position[0]) ** 2 + (b.position[1] - c.position[1]) ** 2
          ? x
          : b,
      null,
    );
    if (sw)
      ctx.edges.push({
        id: edgeId(`${id}<-${sw.id}`),
        from: sw.id,
        to: assetId(id),
        kind: 'cyber',
        resource: 'comms',
        bufferMs: 0,
        effect: 'down',
        group: null,
        note: 'PoE: power and network over the access switch',
        backup: null,
      });
  }
}
