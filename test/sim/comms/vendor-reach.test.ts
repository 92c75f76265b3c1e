/**
 * The vendor panel's "VPN reaches" follows the run: isolating a zone the vendor's VPN lands in takes
 * it out of the reach (once the isolation is done), and cutting the vendor's remote access empties it.
 */
import { describe, expect, it } from 'vitest';
import { smallNetwork } from '../../support/network';
import { twin } from '../../support/twin';

describe('vendor VPN reach in the snapshot', () => {
  it('drops an isolated zone, and shows access cut', () => {
    const t = twin(smallNetwork());
    const reach = () => t.sim.snapshot().cyber!.vendorReach;
    t.until('1m');
    // The small network is flat: the VPN reaches every zone but the internet.
    expect(reach()).toEqual([{ vendor: 'kestrel', enabled: true, zones: ['network', 'cctv', 'traffic', 'control', 'vendor-dmz'] }]);
    t.apply({ type: 'comms.isolate', zone: 'cctv', isolated: true }).until('10m');
    expect(reach()).toEqual([{ vendor: 'kestrel', enabled: true, zones: ['network', 'traffic', 'control', 'vendor-dmz'] }]);
    t.apply({ type: 'comms.vendor-access', vendor: 'kestrel', enabled: false }).until('30m');
    expect(reach()).toEqual([{ vendor: 'kestrel', enabled: false, zones: [] }]);
  });
});
