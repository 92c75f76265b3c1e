/**
 * Network zones (segments) as the page shows them, as plain data: a colour and a name per zone,
 * which devices sit in which zone, and which zones a zone may talk to under the firewall now
 * (segmentation on or off, isolation). The scene draws a halo per device from this; the legend
 * and the inspector name the zone. No three.js here.
 */
import type { CyberView } from '../../worker/cyber-view';

export const ZONES_LAYER = 'comms-zones' as const;

/**
 * Okabe–Ito-based hues, kept apart from the status colours (teal, amber, vermilion) and the
 * compromise magenta. Isolation is drawn as a pattern (dashed, hatched halo), never colour alone.
 */
export const ZONE_STYLE: Readonly<Record<string, { readonly color: string; readonly label: string }>> = {
  network: { color: '#a3adbf', label: 'Network core and street cabinets' },
  cctv: { color: '#cc79a7', label: 'CCTV: cameras and recorders' },
  grid: { color: '#f0e442', label: 'Grid SCADA' },
  water: { color: '#56b4e9', label: 'Water SCADA' },
  traffic: { color: '#e69f00', label: 'Traffic signals' },
  corporate: { color: '#8c7cf0', label: 'Corporate IT' },
  control: { color: '#9be564', label: 'Control rooms' },
  'vendor-dmz': { color: '#ff8a65', label: "Vendor DMZ: vendors' maintenance gateways" },
  internet: { color: '#6b7280', label: 'Internet' },
};
const FALLBACK = ['#b0bec5', '#ffab91', '#80cbc4', '#ce93d8'];

export function zoneColor(zone: string): string {
  const s = ZONE_STYLE[zone];
  if (s) return s.color;
  let h = 0;
  for (let i = 0; i < zone.length; i++) h = (h * 31 + zone.charCodeAt(i)) >>> 0;
  return FALLBACK[h % FALLBACK.length]!;
}

export function zoneLabel(zone: string): string {
  return ZONE_STYLE[zone]?.label ?? zone;
}

export interface ZoneMembers {
  /** Zone index (CyberView.zones order). */
  readonly zone: number;
  readonly id: string;
  /** Asset indices of the devices on the map in this zone, in node order. */
  readonly assets: readonly number[];
}

/** Devices on the map per zone, zones in CyberView order; zones with no device on the map are left out. */
export function zoneMembers(cv: CyberView): ZoneMembers[] {
  const lists = cv.zones.map(() => [] as number[]);
  const index = new Map(cv.zones.map((z, i) => [z, i]));
  for (let n = 0; n < cv.nodeIds.length; n++) {
    const a = cv.nodeAsset[n]!;
    const z = index.get(cv.nodeZone[n]!);
    if (a >= 0 && z !== undefined) lists[z]!.push(a);
  }
  return lists.map((assets, zone) => ({ zone, id: cv.zones[zone]!, assets })).filter((m) => m.assets.length > 0);
}

const zoneCache = new WeakMap<CyberView, Int16Array>();

/** Per asset: its zone index, or -1 when it is not on the comms network. Cached per view. */
export function zoneOfAssets(cv: CyberView, assetCount: number): Int16Array {
  const hit = zoneCache.get(cv);
  if (hit && hit.length === assetCount) return hit;
  const out = new Int16Array(assetCount).fill(-1);
  const index = new Map(cv.zones.map((z, i) => [z, i]));
  for (let n = 0; n < cv.nodeIds.length; n++) {
    const a = cv.nodeAsset[n]!;
    if (a >= 0 && a < assetCount) out[a] = index.get(cv.nodeZone[n]!) ?? -1;
  }
  zoneCache.set(cv, out);
  return out;
}

/**
 * Zones that `zone` may send to now, as the firewall decides (see src/sim/comms/zones.ts): every
 * zone on a flat network, only the rules' with segmentation on, and none while either end is
 * isolated. Its own zone is left out.
 */
export function zoneReach(cv: CyberView, zone: number, isolated: ArrayLike<number>, segmented: boolean): string[] {
  if (isolated[zone]) return [];
  const from = cv.zones[zone]!;
  return cv.zones.filter((to, b) => b !== zone && !isolated[b] && (!segmented || cv.zoneRules.some((r) => r.from === from && r.to === to)));
}
