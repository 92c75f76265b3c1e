/**
 * Vendors for the assets a city brings (generated, or from OpenStreetMap): each kind's suppliers
 * take its assets in turn (several vendors for one kind make a mixed fleet), and a remote vendor's
 * gateway belongs to that vendor and is named after it.
 */
import type { AssetSpec, VendorSpec } from '../sim';
import type { GeneratedAsset } from './city/infrastructure';

export function assignVendors(generated: readonly GeneratedAsset[], vendors: readonly VendorSpec[]): AssetSpec[] {
  const counters = new Map<string, number>();
  return generated.map((a) => {
    const gateway = a.kind === 'vendor-gateway' ? vendors.find((v) => a.id === `gateway-${v.id}`) : undefined;
    const suppliers = gateway ? [gateway] : vendors.filter((v) => v.supplies.includes(a.kind));
    const n = counters.get(a.kind) ?? 0;
    counters.set(a.kind, n + 1);
    const v = suppliers.length > 0 ? suppliers[n % suppliers.length]! : null;
    const named = gateway ? { ...a, name: `Remote-maintenance gateway of ${gateway.name}` } : a;
    return { ...named, vendor: v?.id ?? null, remoteAccess: v?.remoteMaintenance ?? false };
  });
}
