import { describe, expect, it } from 'vitest';
import type { SimSnapshot } from '../../src/sim';
import { snapshotBuffers } from '../../src/worker/runner';
import { powerView } from '../../src/worker/world-view';
import { shippedAsIs } from '../support/scenarios';

describe('powerView', () => {
  const input = shippedAsIs('default');

  it('places each bus at its substation and lists lines with ratings and generators', () => {
    const pv = powerView(input)!;
    const p = input.power!;
    expect(pv.buses).toHaveLength(p.busIds.length);
    expect(pv.branches.map((b) => b.id)).toEqual(p.branchIds);
    expect(pv.generators.map((g) => g.id)).toEqual(p.genIds);
    const oldTown = pv.buses.find((b) => b.id === 'substation-old-town')!;
    const asset = input.assets[oldTown.asset]!;
    expect(asset.id).toBe('substation-old-town');
    expect(oldTown.position).toEqual([asset.position[0], asset.position[1]]);
    for (const br of pv.branches) {
      expect(br.ratingMW).toBeGreaterThan(0);
      expect(pv.buses[br.from]).toBeDefined();
      expect(pv.buses[br.to]).toBeDefined();
    }
  });

  it('is null without a grid', () => {
    expect(powerView({ ...input, power: null })).toBeNull();
  });
});

describe('snapshotBuffers', () => {
  it('transfers every typed array of the snapshot, the grid arrays included, once each', () => {
    const shared = new Float32Array(3);
    const snap = {
      status: new Uint8Array(2),
      compromised: new Uint8Array(2),
      edgeState: new Uint8Array(1),
      power: {
        flowMW: shared,
        reportedFlowMW: new Float32Array(3),
        loading: shared,
        branchStatus: new Uint8Array(3),
        energized: new Uint8Array(2),
        servedMW: new Float32Array(2),
        shedMW: new Float32Array(2),
      },
    } as unknown as SimSnapshot;
    const list = snapshotBuffers(snap);
    expect(list).toHaveLength(9);
    expect(new Set(list).size).toBe(list.length);
    expect(snapshotBuffers({ ...snap, power: null })).toHaveLength(3);
  });
});
