/**
 * Where a camera's analytics go when they must leave a vendor's cloud (a ban's new kit, data
 * localisation): to another vendor's cloud when one is given, else onto the camera's own recorder
 * (dropped when it has none). The datasets are made on first use, named as the scenario compiler
 * names them ("<vendor>-cloud-<kind>", "<nvr>-<kind>").
 */
import type { VendorSpec } from '../core';
import { datasetSalt, type CameraSpec, type CctvSubsystem, type DatasetSpec } from '../cctv';

type Analytic = CameraSpec['analytics'][number];

/** The camera's analytics with those `leaves` picks moved to `cloud` (a vendor running one) or the recorder. */
export function movedAnalytics(
  cctv: CctvSubsystem,
  cam: CameraSpec,
  leaves: (ds: DatasetSpec) => boolean,
  cloud: VendorSpec | null,
  homeJurisdiction: string,
): Analytic[] {
  return cam.analytics.flatMap((an): Analytic[] => {
    const ds = cctv.input.datasets[an.dataset]!;
    if (!leaves(ds)) return [an];
    const base = { kind: an.kind, retentionMs: ds.retentionMs };
    if (cloud) {
      const id = `${cloud.id}-cloud-${an.kind}`;
      return [
        {
          kind: an.kind,
          site: 'cloud',
          dataset: cctv.datasetIndex({ ...base, id, storeAsset: null, cloudVendor: cloud.id, jurisdiction: cloud.cloudJurisdiction!, salt: datasetSalt(id) }),
        },
      ];
    }
    if (cam.nvr === null) return [];
    const id = `${cam.nvr}-${an.kind}`;
    return [
      {
        kind: an.kind,
        site: 'nvr',
        dataset: cctv.datasetIndex({ ...base, id, storeAsset: cam.nvr, cloudVendor: null, jurisdiction: homeJurisdiction, salt: datasetSalt(id) }),
      },
    ];
  });
}
