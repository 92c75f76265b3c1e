/**
 * Data localisation switched on during a run moves the cameras' video and analytics off the
 * vendor's cloud onto the city's recorders: the cloud stops collecting, the recorders take over,
 * and a legal order to the vendor finds nothing to hand over. Switched off, the cameras go back.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, HOUR, MINUTE, type Command } from '../../../src/sim';
import { shippedInput } from '../../scenario/shipped-fixture';

const sim = () => createSimulation(shippedInput('compelled-disclosure'));
const localise = (enabled: boolean): Command => ({ type: 'policy.set', policy: 'data-localisation', enabled });

describe('data localisation during a run', () => {
  it('stops the cloud collecting, keeps the data on the recorders, and leaves a legal order nothing to take', () => {
    const s = sim();
    const cctv = s.cyber!.cctv;
    const records = (where: 'cloud' | 'nvr') =>
      cctv.input.datasets.reduce((n, d, i) => n + ((where === 'cloud') === (d.cloudVendor !== null) && d.kind !== 'count' ? cctv.stored[i]! : 0), 0);
    s.runUntil(30 * MINUTE);
    const cloudBefore = records('cloud');
    expect(cloudBefore).toBeGreaterThan(0);
    s.apply(localise(true));
    s.runUntil(40 * MINUTE);
    const cloudAt40 = records('cloud');
    const nvrAt40 = records('nvr');
    expect(cctv.input.cameras.every((c) => c.cloudVendor === null)).toBe(true);
    s.runUntil(4 * HOUR);
    expect(records('cloud')).toBe(cloudAt40);
    expect(records('nvr')).toBeGreaterThan(nvrAt40);
    const orders = s.events.filter((e) => e.type === 'data.disclosed');
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.every((e) => e.type === 'data.disclosed' && e.data.records === 0 && e.data.withheld !== null)).toBe(true);
  });

  it('sends the cameras back to the cloud when lifted', () => {
    const s = sim();
    const cloudy = s.cyber!.cctv.input.cameras.filter((c) => c.cloudVendor !== null).length;
    expect(cloudy).toBeGreaterThan(0);
    s.runUntil(10 * MINUTE);
    s.apply(localise(true));
    s.runUntil(20 * MINUTE);
    s.apply(localise(false));
    s.runUntil(30 * MINUTE);
    expect(s.cyber!.cctv.input.cameras.filter((c) => c.cloudVendor !== null).length).toBe(cloudy);
  });
});
