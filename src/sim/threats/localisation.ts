/**
 * Data localisation switched on during a run: every camera whose video or analytics go to a
 * vendor's cloud is reconfigured to keep them on the city's own recorder (its NVR), so the cloud
 * collects nothing more and a legal order to the vendor finds nothing to hand over. Switched off
 * again, the cameras go back to the clouds they used before. (Set in the scenario instead, the
 * cameras are wired locally from the start, at compile time.)
 */
import type { EventId } from '../core';
import type { CameraSpec, CctvSubsystem } from '../cctv';
import { movedAnalytics } from './rewiring';

type Wiring = Pick<CameraSpec, 'nvr' | 'cloudVendor' | 'analytics'>;

export class Localisation {
  /** Cameras moved off a cloud, with the wiring they had. */
  private readonly moved = new Map<number, Wiring>();

  constructor(
    private readonly cctv: CctvSubsystem,
    private readonly homeJurisdiction: string,
    private readonly rerouteVideo: (camera: number, node: string, cause: EventId) => void,
    private readonly cloudNode: (vendor: string) => string | null,
  ) {}

  /** Number of cameras moved (on) or moved back (off). */
  apply(on: boolean, cause: EventId): number {
    const { cctv } = this;
    const sets = cctv.input.datasets;
    if (!on) {
      const back = [...this.moved];
      for (const [k, w] of back) {
        cctv.rewire(k, w);
        const node = w.cloudVendor !== null ? this.cloudNode(w.cloudVendor) : null;
        if (node !== null) this.rerouteVideo(k, node, cause);
      }
      this.moved.clear();
      return back.length;
    }
    let n = 0;
    cctv.input.cameras.forEach((cam, k) => {
      const cloudy = cam.analytics.some((an) => sets[an.dataset]!.cloudVendor !== null);
      if (cam.cloudVendor === null && !cloudy) return;
      const analytics = movedAnalytics(cctv, cam, (ds) => ds.cloudVendor !== null, null, this.homeJurisdiction);
      this.moved.set(k, { nvr: cam.nvr, cloudVendor: cam.cloudVendor, analytics: cam.analytics });
      cctv.rewire(k, { nvr: cam.nvr, cloudVendor: null, analytics });
      if (cam.cloudVendor !== null && cam.nvr !== null) this.rerouteVideo(k, cam.nvr, cause);
      n++;
    });
    return n;
  }
}
