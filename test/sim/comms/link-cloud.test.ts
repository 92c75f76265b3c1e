/**
 * The snapshot says which links carry device data to which vendor cloud (the data-flow overlay's
 * input): the cameras' paths up to the internet and out to the cloud. Data localisation moves the
 * video onto the city's recorders during a run, so those links stop carrying it; lifted, it comes back.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, MINUTE, type Command } from '../../../src/sim';
import { shippedInput } from '../../scenario/shipped-fixture';

const sim = () => createSimulation(shippedInput('compelled-disclosure'));
const localise = (enabled: boolean): Command => ({ type: 'policy.set', policy: 'data-localisation', enabled });

describe('links carrying device data to vendor clouds', () => {
  it('follows the cameras to the cloud, and away from it under data localisation', () => {
    const s = sim();
    const comms = s.cyber!.comms;
    const ids = comms.net.nodeIds;
    const carried = () => {
      const lc = s.cyber!.snapshot().linkCloud;
      return comms.net.linkIds.flatMap((id, l) => (lc[l]! >= 0 ? [`${id}>${ids[lc[l]!]}`] : []));
    };
    s.runUntil(5 * MINUTE);
    const before = carried();
    expect(before.some((x) => /^internet~cloud-(.+)>cloud-\1$/.test(x))).toBe(true);
    expect(before.some((x) => x.startsWith(`${comms.input.root}~internet>`))).toBe(true);
    // A camera's own drop cable carries its video to the cloud.
    const cam = s.cyber!.cctv.input.cameras.find((c) => c.cloudVendor !== null)!;
    expect(before.some((x) => x.endsWith(`~${cam.asset}>cloud-${cam.cloudVendor}`))).toBe(true);
    s.apply(localise(true));
    s.runUntil(6 * MINUTE);
    expect(carried()).toEqual([]);
    s.apply(localise(false));
    s.runUntil(7 * MINUTE);
    expect(carried()).toEqual(before);
  });
});
