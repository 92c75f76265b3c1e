/**
 * The vendor panel's "VPN reaches" follows the run: isolating a zone the vendor's VPN lands in takes
 * it out of the reach (once the isolation is done), and cutting the vendor's remote access empties it.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, MINUTE } from '../../../src/sim';
import { networkFixture } from './network-fixture';

describe('vendor VPN reach in the snapshot', () => {
  it('drops an isolated zone, and shows access cut', () => {
    const sim = createSimulation(networkFixture());
    const reach = () => sim.snapshot().cyber!.vendorReach;
    sim.runUntil(MINUTE);
    // The fixture's network is flat: the VPN reaches every zone but the internet.
    expect(reach()).toEqual([{ vendor: 'kestrel', enabled: true, zones: ['network', 'cctv', 'traffic', 'control', 'vendor-dmz'] }]);
    sim.apply({ type: 'comms.isolate', zone: 'cctv', isolated: true });
    sim.runUntil(10 * MINUTE);
    expect(reach()).toEqual([{ vendor: 'kestrel', enabled: true, zones: ['network', 'traffic', 'control', 'vendor-dmz'] }]);
    sim.apply({ type: 'comms.vendor-access', vendor: 'kestrel', enabled: false });
    sim.runUntil(30 * MINUTE);
    expect(reach()).toEqual([{ vendor: 'kestrel', enabled: false, zones: [] }]);
  });
});
