/**
 * A small city network by hand: core, one district aggregation node, a street cabinet with a
 * traffic signal and five cameras on it, the data centre (control room), a vendor's VPN gateway,
 * the internet and an attacker's server. Backhaul 100 Mb/s, so five cameras flooding at 60 Mb/s
 * saturate it.
 */
import { vendorId, type AssetSpec, type SimInput, type VendorSpec } from '../../src/sim';
import type { CommsInput } from '../../src/sim/comms';
import type { CyberInput } from '../../src/sim/couplings/cyber-layer';
import { asset, edge, input } from './world';

/** Kestrel as a scenario with a cloud declares it: cameras and recorders, remote maintenance, its cloud in Calderra. */
export const KESTREL: VendorSpec = {
  id: vendorId('kestrel'),
  name: 'Kestrel',
  jurisdiction: 'Calderra',
  supplies: ['camera', 'nvr'],
  remoteMaintenance: true,
  cloudJurisdiction: 'Calderra',
};

export interface NetworkOptions {
  sharing?: 'max-min' | 'proportional';
  segmentation?: boolean;
  /** Whether the camera vendor also supplies the signal controller. */
  vendorSuppliesSignal?: boolean;
  policies?: Partial<CyberInput['policies']>;
}

export function smallNetwork(o: NetworkOptions = {}): SimInput {
  const cams = [1, 2, 3, 4, 5].map((k) => `cam-${k}`);
  const v = vendorId('kestrel');
  const assets: AssetSpec[] = [
    asset('core', { kind: 'comms-core', subsystem: 'comms' }),
    asset('agg', { kind: 'comms-aggregation', subsystem: 'comms' }),
    asset('sw', { kind: 'access-switch', subsystem: 'comms' }),
    asset('sig', { kind: 'traffic-signal', subsystem: 'traffic', ...(o.vendorSuppliesSignal ? { vendor: v, remoteAccess: true } : {}) }),
    asset('dc', { kind: 'data-centre' }),
    asset('gateway-kestrel', { kind: 'vendor-gateway', subsystem: 'comms', vendor: v, remoteAccess: true }),
    asset('nvr', { kind: 'nvr', subsystem: 'cctv', vendor: v, remoteAccess: true }),
    ...cams.map((c, k) => asset(c, { kind: 'camera', subsystem: 'cctv', vendor: v, remoteAccess: true, position: [100 + k * 50, 100] })),
  ];
  const edges = [
    edge('sw', 'sig', { resource: 'control', kind: 'cyber', effect: 'degraded' }),
    ...cams.map((c) => edge('sw', c, { resource: 'comms', kind: 'cyber' })),
  ];
  const zone: Record<string, string> = { core: 'network', agg: 'network', sw: 'network', sig: 'traffic', dc: 'control', 'gateway-kestrel': 'vendor-dmz' };
  const comms: CommsInput = {
    zones: ['network', 'cctv', 'traffic', 'control', 'vendor-dmz', 'internet'],
    nodes: [
      ...assets.map((a) => ({ id: a.id as string, asset: a.id as string, zone: zone[a.id] ?? 'cctv', jurisdiction: null })),
      { id: 'internet', asset: null, zone: 'internet', jurisdiction: null },
      { id: 'attacker', asset: null, zone: 'internet', jurisdiction: 'Elsewhere' },
      { id: 'cloud-kestrel', asset: null, zone: 'internet', jurisdiction: 'Calderra' },
    ],
    links: [
      { id: 'core~agg', a: 'core', b: 'agg', capacityMbps: 100, cls: 'backhaul' },
      { id: 'agg~sw', a: 'agg', b: 'sw', capacityMbps: 1000, cls: 'aggregation' },
      { id: 'sw~sig', a: 'sw', b: 'sig', capacityMbps: 100, cls: 'access' },
      ...cams.map((c) => ({ id: `sw~${c}`, a: 'sw', b: c, capacityMbps: 100, cls: 'access' as const })),
      { id: 'core~dc', a: 'core', b: 'dc', capacityMbps: 10_000, cls: 'backhaul' },
      { id: 'core~gw', a: 'core', b: 'gateway-kestrel', capacityMbps: 100, cls: 'vpn' },
      { id: 'core~internet', a: 'core', b: 'internet', capacityMbps: 1000, cls: 'uplink' },
      { id: 'internet~attacker', a: 'internet', b: 'attacker', capacityMbps: 10_000, cls: 'cloud' },
      { id: 'internet~cloud-kestrel', a: 'internet', b: 'cloud-kestrel', capacityMbps: 10_000, cls: 'cloud' },
      { id: 'core~nvr', a: 'core', b: 'nvr', capacityMbps: 10_000, cls: 'access' },
    ],
    flows: [
      { src: 'sig', dst: 'dc', kind: 'control', demandMbps: 0.05, deadlineMs: 50 },
      ...cams.map((c) => ({ src: c, dst: 'dc', kind: 'video' as const, demandMbps: 4, deadlineMs: null })),
    ],
    rules: [
      { from: 'traffic', to: 'control' },
      { from: 'control', to: 'traffic' },
      { from: 'cctv', to: 'control' },
      { from: 'cctv', to: 'internet' },
    ],
    vendorAccess: [{ vendor: 'kestrel', gateway: 'gateway-kestrel', zones: ['cctv'] }],
    root: 'core',
    internet: 'internet',
    sharing: o.sharing ?? 'proportional',
    bufferMs: 100,
  };
  const cyber: CyberInput = {
    comms,
    cctv: {
      cameras: cams.map((c) => ({
        asset: c,
        heightM: 6,
        headingDeg: 0,
        fovDeg: 90,
        rangeM: 60,
        nvr: 'nvr',
        cloudVendor: 'kestrel',
        videoMbps: 4,
        analytics: [
          { kind: 'plate' as const, site: 'cloud' as const, dataset: 0 },
          { kind: 'count' as const, site: 'camera' as const, dataset: 1 },
        ],
      })),
      datasets: [
        { id: 'kestrel-cloud-plate', kind: 'plate', storeAsset: null, cloudVendor: 'kestrel', jurisdiction: 'Calderra', retentionMs: 30 * 86_400_000, salt: 1 },
        { id: 'nvr-count', kind: 'count', storeAsset: 'nvr', cloudVendor: null, jurisdiction: 'United Kingdom', retentionMs: 30 * 86_400_000, salt: 2 },
      ],
      ratePerHour: { plate: 400, face: 250, count: 60 },
      bytesPerRecord: { plate: 20_000, face: 8000, count: 200 },
      coverageCellM: 10,
      watchSites: [],
      attribution: null,
    },
    attackerNode: 'attacker',
    cloudNodes: { kestrel: 'cloud-kestrel' },
    controlRoom: 'dc',
    policies: {
      segmentation: o.segmentation ?? false,
      'vendor-remote-access': true,
      'data-localisation': false,
      'edge-anonymisation': false,
      'egress-monitoring': false,
      ...o.policies,
    },
    homeJurisdiction: 'United Kingdom',
  };
  const base = input(assets, edges);
  return {
    ...base,
    vendors: [{ id: v, name: 'Kestrel', jurisdiction: 'Calderra', supplies: ['camera'], remoteMaintenance: true, cloudJurisdiction: null }],
    cyber,
  };
}
