/** Resolves an asset selector to asset indices, in id order, so a selection never depends on hash order. */
import type { AssetSelector, World } from '../core';

export function selectAssets(world: World, sel: AssetSelector): number[] {
  const ids = sel.ids ? new Set(sel.ids) : null;
  const out: number[] = [];
  world.assets.forEach((a, i) => {
    if (ids && !ids.has(a.id)) return;
    if (sel.kind !== undefined && a.kind !== sel.kind) return;
    if (sel.vendor !== undefined && a.vendor !== sel.vendor) return;
    if (sel.district !== undefined && a.district !== sel.district) return;
    if (sel.compromised === true && world.compromise[i] === null) return;
    if (sel.compromised === false && world.compromise[i] !== null) return;
    out.push(i);
  });
  out.sort((a, b) => (world.assets[a]!.id < world.assets[b]!.id ? -1 : world.assets[a]!.id > world.assets[b]!.id ? 1 : 0));
  return sel.limit !== undefined ? out.slice(0, sel.limit) : out;
}
