/**
 * Data localisation switched on during a run moves the cameras' video and analytics off the
 * vendor's cloud onto the city's recorders: the cloud stops collecting, the recorders take over,
 * and a legal order to the vendor finds nothing to hand over. Switched off, the cameras go back.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/sim';
import { shipped } from '../../support/scenarios';
import { twin } from '../../support/twin';

const disclosure = () => twin(shipped('compelled-disclosure'));
const localise = (enabled: boolean): Command => ({ type: 'policy.set', policy: 'data-localisation', enabled });

describe('data localisation during a run', () => {
  it('stops the cloud collecting, keeps the data on the recorders, and leaves a legal order nothing to take', () => {
    const t = disclosure();
    const cctv = t.sim.cyber!.cctv;
    const records = (where: 'cloud' | 'nvr') =>
      cctv.input.datasets.reduce((n, d, i) => n + ((where === 'cloud') === (d.cloudVendor !== null) && d.kind !== 'count' ? cctv.stored[i]! : 0), 0);
    t.until('30m');
    const cloudBefore = records('cloud');
    expect(cloudBefore).toBeGreaterThan(0);
    t.apply(localise(true)).until('40m');
    const cloudAt40 = records('cloud');
    const nvrAt40 = records('nvr');
    expect(cctv.input.cameras.every((c) => c.cloudVendor === null)).toBe(true);
    t.until('4h').expectEvent('data.disclosed');
    expect(records('cloud')).toBe(cloudAt40);
    expect(records('nvr')).toBeGreaterThan(nvrAt40);
    expect(t.events('data.disclosed').every((e) => e.data.records === 0 && e.data.withheld !== null)).toBe(true);
  });

  it('sends the cameras back to the cloud when lifted', () => {
    const t = disclosure();
    const cloudy = () => t.sim.cyber!.cctv.input.cameras.filter((c) => c.cloudVendor !== null).length;
    const before = cloudy();
    expect(before).toBeGreaterThan(0);
    t.until('10m').apply(localise(true)).until('20m').apply(localise(false)).until('30m');
    expect(cloudy()).toBe(before);
  });
});
