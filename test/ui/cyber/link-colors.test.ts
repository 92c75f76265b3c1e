/**
 * The comms links' colours: the ribbon by state (down, congested, attacker's path, utilisation),
 * and the data-flow overlay's stripe in the jurisdiction colour of the cloud a link carries device
 * data to — none on a down or congested link, whose colours win, and none once the data stops
 * going there (the snapshot's linkCloud changes when a ban or data localisation reroutes video).
 */
import { describe, expect, it } from 'vitest';
import { ATTACK_PATH_COLOR, DOWN_LINK_COLOR, UTIL_BANDS, jurisdictionColor } from '../../../src/ui/cyber/cyber-style';
import { cloudJurisdictions, flowTint, ribbonColor, type LinkState } from '../../../src/ui/cyber/link-colors';

// Nodes: 0 core, 1 internet, 2 cloud in Calderra, 3 cloud at home, 4 attacker.
const cv = {
  nodeJurisdiction: [null, null, 'Republic of Calderra', 'United Kingdom', 'attacker'],
  homeJurisdiction: 'United Kingdom',
  vendors: [
    { cloudJurisdiction: 'Republic of Calderra' },
    { cloudJurisdiction: null },
    { cloudJurisdiction: 'United Kingdom' },
    { cloudJurisdiction: 'Republic of Calderra' },
  ],
} as never;

// Links: 0 idle to Calderra, 1 busy to the home cloud, 2 congested carrying to Calderra,
// 3 down carrying to Calderra, 4 attacker's path carrying to Calderra, 5 idle with nothing to a cloud.
const state = (linkCloud: number[]): LinkState => ({
  linkUtil: Float32Array.from([0.1, 0.5, 1, 0, 0.1, 0.1]),
  linkState: Uint8Array.from([1, 1, 2, 0, 1, 1]),
  attackPath: Uint8Array.from([0, 0, 1, 0, 1, 0]),
  linkCloud: Int32Array.from(linkCloud),
});

describe('comms link colours', () => {
  it('colours the ribbon by state, down and congestion over the attacker’s path', () => {
    const c = state([2, 3, 2, 2, 2, -1]);
    expect([0, 1, 2, 3, 4, 5].map((l) => ribbonColor(c, l))).toEqual([
      UTIL_BANDS[0].color,
      UTIL_BANDS[1].color,
      UTIL_BANDS[3].color,
      DOWN_LINK_COLOR,
      ATTACK_PATH_COLOR,
      UTIL_BANDS[0].color,
    ]);
  });

  it('stripes each link carrying device data with its cloud’s jurisdiction colour, except down or congested links', () => {
    const c = state([2, 3, 2, 2, 2, -1]);
    const calderra = jurisdictionColor('Republic of Calderra', 'United Kingdom');
    const home = jurisdictionColor('United Kingdom', 'United Kingdom');
    expect(calderra).not.toBe(home);
    expect([0, 1, 2, 3, 4, 5].map((l) => flowTint(cv, c, l))).toEqual([calderra, home, null, null, calderra, null]);
  });

  it('draws no stripe once the data stops going to a cloud, or when the snapshot has no flow data', () => {
    expect([0, 1, 4].map((l) => flowTint(cv, state([-1, -1, -1, -1, -1, -1]), l))).toEqual([null, null, null]);
    const { linkCloud: _, ...old } = state([2, 3, 2, 2, 2, -1]);
    expect(flowTint(cv, old, 0)).toBeNull();
  });

  it('lists the clouds’ jurisdictions for the legend, the city’s own first', () => {
    expect(cloudJurisdictions(cv)).toEqual(['United Kingdom', 'Republic of Calderra']);
  });
});
