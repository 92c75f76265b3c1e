/** Branded ids: an AssetId cannot be passed where an EventId is expected. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type AssetId = Brand<string, 'AssetId'>;
export type EventId = Brand<string, 'EventId'>;
export type VendorId = Brand<string, 'VendorId'>;
export type EdgeId = Brand<string, 'EdgeId'>;
export type InjectId = Brand<string, 'InjectId'>;

export const assetId = (s: string) => s as AssetId;
export const eventId = (s: string) => s as EventId;
export const vendorId = (s: string) => s as VendorId;
export const edgeId = (s: string) => s as EdgeId;
export const injectId = (s: string) => s as InjectId;
