/**
 * The snapshot says which links carry device data to which vendor cloud (the data-flow overlay's
 * input): the cameras' paths up to the internet and out to the cloud. Data localisation moves the
 * video onto the city's recorders during a run, so those links stop carrying it; lifted, it comes back.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/sim';
import { shipped } from '../../support/scenarios';
import { twin } from '../../support/twin';

const localise = (enabled: boolean): Command => ({ type: 'policy.set', policy: 'data-localisation', enabled });

describe('links carrying device data to vendor clouds', () => {
  it('follows the cameras to the cloud, and away from it under data localisation', () => {
    const t = twin(shipped('compelled-disclosure'));
    const { cyber } = t.sim;
    const comms = cyber!.comms;
    const ids = comms.net.nodeIds;
    const carried = () => {
      const lc = cyber!.snapshot().linkCloud;
      return comms.net.linkIds.flatMap((id, l) => (lc[l]! >= 0 ? [`${id}>${ids[lc[l]!]}`] : []));
    };
    t.until('5m');
    const before = carried();
    expect(before.some((x) => /^internet~cloud-(.+)>cloud-\1$/.test(x))).toBe(true);
    expect(before.some((x) => x.startsWith(`${comms.input.root}~internet>`))).toBe(true);
    // A camera's own drop cable carries its video to the cloud.
    const cam = cyber!.cctv.input.cameras.find((c) => c.cloudVendor !== null)!;
    expect(before.some((x) => x.endsWith(`~${cam.asset}>cloud-${cam.cloudVendor}`))).toBe(true);
    t.apply(localise(true)).until('6m');
    expect(carried()).toEqual([]);
    t.apply(localise(false)).until('7m');
    expect(carried()).toEqual(before);
  });
});
