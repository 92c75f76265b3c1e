/**
 * The comms layer's zones and live coverage as data: which devices sit in which zone, what the
 * firewall lets a zone reach (flat, segmented, isolated), the heat map's texels as cameras go
 * dark (lost ground hatched, never-seen ground clear), and the CCTV panel's "was / now" wording.
 */
import { describe, expect, it } from 'vitest';
import { cyberView, type CyberView } from '../../../src/worker/cyber-view';
import { heatTexels, isHatch, LOST_ALPHA, seenAlpha } from '../../../src/ui/cyber/heat-texels';
import { zoneColor, zoneMembers, zoneOfAssets, zoneReach, ZONE_STYLE } from '../../../src/ui/cyber/zones';
import { blindSplit, wasNow } from '../../../src/ui/cyber/cctv-panel';
import type { LiveCoverage } from '../../../src/worker/live-coverage';
import { smallNetwork } from '../../support/network';

function view(segmentation = false): { cv: CyberView; assets: readonly { id: string }[] } {
  const input = smallNetwork({ segmentation });
  return { cv: cyberView(input)!, assets: input.assets.map((a) => ({ id: a.id as string })) };
}

describe('network zones for the comms layer', () => {
  it('puts each device on the map in its zone, and leaves out the internet’s virtual nodes', () => {
    const { cv, assets } = view();
    const m = zoneMembers(cv);
    const byZone = Object.fromEntries(m.map((z) => [z.id, z.assets.map((a) => assets[a]!.id)]));
    expect(byZone.cctv).toEqual(['nvr', 'cam-1', 'cam-2', 'cam-3', 'cam-4', 'cam-5']);
    expect(byZone.network).toEqual(['core', 'agg', 'sw']);
    expect(byZone.traffic).toEqual(['sig']);
    expect(byZone['vendor-dmz']).toEqual(['gateway-kestrel']);
    expect(byZone.internet).toBeUndefined();
    const of = zoneOfAssets(cv, assets.length);
    expect(cv.zones[of[assets.findIndex((a) => a.id === 'cam-3')]!]).toBe('cctv');
    expect(cv.zones[of[assets.findIndex((a) => a.id === 'dc')]!]).toBe('control');
  });

  it('gives every zone its own colour', () => {
    const colours = Object.keys(ZONE_STYLE).map(zoneColor);
    expect(new Set(colours).size).toBe(colours.length);
    expect(zoneColor('made-up-zone')).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('reads the firewall: everything on a flat network, the rules when segmented, nothing when isolated', () => {
    const { cv } = view(true);
    const z = (id: string) => cv.zones.indexOf(id);
    const none = new Uint8Array(cv.zones.length);
    expect(zoneReach(cv, z('cctv'), none, false)).toEqual(cv.zones.filter((x) => x !== 'cctv'));
    expect(zoneReach(cv, z('cctv'), none, true).sort()).toEqual(['control', 'internet']);
    const iso = new Uint8Array(cv.zones.length);
    iso[z('cctv')] = 1;
    expect(zoneReach(cv, z('cctv'), iso, true)).toEqual([]);
    // Isolating the CCTV zone also takes it off every other zone's list.
    expect(zoneReach(cv, z('control'), iso, false)).not.toContain('cctv');
  });
});

describe('the live coverage heat map', () => {
  const SEEN = [10, 20, 30] as const;
  const LOST = [200, 0, 0] as const;
  // Two columns, three rows, column-major as the simulation keeps them.
  const atLoad = Uint8Array.from([2, 1, 0, 1, 0, 0]);
  const texel = (t: Uint8Array, c: number, r: number) => [...t.subarray((r * 2 + c) * 4, (r * 2 + c) * 4 + 4)];

  it('is the load-time picture while every camera works', () => {
    const t = heatTexels(atLoad, atLoad, 2, 3, SEEN, LOST);
    expect(texel(t, 0, 0)).toEqual([...SEEN, seenAlpha(2)]);
    expect(texel(t, 1, 0)).toEqual([...SEEN, seenAlpha(1)]);
    expect(texel(t, 0, 2)[3]).toBe(0);
  });

  it('hatches ground that was seen and is not now, and leaves never-seen ground clear', () => {
    const now = Uint8Array.from([1, 0, 0, 0, 0, 0]);
    const t = heatTexels(atLoad, now, 2, 3, SEEN, LOST);
    expect(texel(t, 0, 0)).toEqual([...SEEN, seenAlpha(1)]);
    // (0, 1) lost; (1, 0) lost: each hatched only on the hatch diagonals.
    for (const [c, r] of [
      [0, 1],
      [1, 0],
    ] as const) {
      const px = texel(t, c, r);
      expect(px.slice(0, 3)).toEqual([...LOST]);
      expect(px[3]).toBe(isHatch(c, r) ? LOST_ALPHA : 0);
    }
    expect(texel(t, 1, 1)[3]).toBe(0);
    expect(texel(t, 0, 2)[3]).toBe(0);
  });

  it('hatches along diagonals, so a lost patch reads as stripes', () => {
    const big = new Uint8Array(36).fill(1);
    const t = heatTexels(big, new Uint8Array(36), 6, 6, SEEN, LOST);
    let hatched = 0;
    for (let i = 0; i < 36; i++) if (t[i * 4 + 3]! > 0) hatched++;
    expect(hatched).toBe(12);
  });
});

describe('the CCTV panel wording', () => {
  it('says "was, now" only when the figure changed', () => {
    expect(wasNow(47.3, 47.3, '%')).toBe('47.3%');
    expect(wasNow(47.3, 12, '%')).toBe('was 47.3%, now 12%');
    expect(wasNow(1200, 950)).toBe('was 1,200, now 950');
  });

  it('splits blind sites into blind from the start and newly blind', () => {
    const c = { blindSpots: ['school', 'hospital'], atLoadBlindSpots: ['school', 'depot'] } as unknown as LiveCoverage;
    expect(blindSplit(c)).toEqual({ already: ['school'], since: ['hospital'] });
  });
});
