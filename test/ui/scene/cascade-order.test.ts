import { describe, expect, it } from 'vitest';
import { cascadeDepths } from '../../../src/ui/scene/cascade-order';

// Assets 0 → 1 → 2 → 3 by edges 0, 1, 2; edge 3 is 3 → 1 (a loop back).
const topo = { edgeFrom: Int32Array.from([0, 1, 2, 3]), inEdges: [[], [0, 3], [1], [2]] };

describe('cascadeDepths', () => {
  it('orders changed links by how far downstream they are', () => {
    const d = cascadeDepths(topo, [2, 0, 1]);
    expect([d.get(0), d.get(1), d.get(2)]).toEqual([0, 1, 2]);
  });

  it('starts a chain wherever the first changed link is', () => {
    const d = cascadeDepths(topo, [1, 2]);
    expect([d.get(1), d.get(2)]).toEqual([0, 1]);
  });

  it('terminates on dependency loops', () => {
    const d = cascadeDepths(topo, [0, 1, 2, 3]);
    expect(d.size).toBe(4);
  });
});
