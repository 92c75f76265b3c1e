/**
 * The asset under the pointer, for the name tooltip over the 3D view. Kept in its own tiny store
 * so hovering re-renders only the tooltip.
 */
import { createStore } from 'zustand/vanilla';

export interface Hover {
  readonly asset: number | null;
  readonly x: number;
  readonly y: number;
}

export const hoverStore = createStore<Hover>()(() => ({ asset: null, x: 0, y: 0 }));

export function setHover(asset: number | null, x: number, y: number): void {
  const h = hoverStore.getState();
  if (asset === null && h.asset === null) return;
  hoverStore.setState({ asset, x, y });
  document.body.style.cursor = asset === null ? '' : 'pointer';
}
