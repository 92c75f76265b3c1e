/**
 * The screen's layout: whether the side columns are open, whether the KPI strip shows every
 * indicator or only the headline ones, which indicators the user pinned as headline (saved with
 * the session), and whether the facilitator console's drawer is beside the map. Closed columns
 * give the city the room; selecting an asset opens the details column again, since that is where
 * the inspector is.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** Headline indicators the user chose for one scenario (by its id), in the order shown. */
export interface PinnedKpis {
  readonly scenarioId: string;
  readonly ids: readonly string[];
}

export interface LayoutState {
  left: boolean;
  right: boolean;
  allKpis: boolean;
  /** null: the scenario's own headline (headline-kpis.ts); else the user's choice for that scenario. */
  pinned: PinnedKpis | null;
  /** The facilitator console's drawer is open beside the map. */
  drawer: boolean;
  /** The details column was closed to make room for the drawer: it comes back when the drawer closes. */
  rightYielded: boolean;
}

export const layoutStore = createStore<LayoutState>()(() => ({ left: true, right: true, allKpis: false, pinned: null, drawer: false, rightYielded: false }));
export const useLayout = <T>(pick: (s: LayoutState) => T): T => useStore(layoutStore, pick);

export const togglePanel = (side: 'left' | 'right') =>
  layoutStore.setState((s) => ({ [side]: !s[side], ...(side === 'right' ? { rightYielded: false } : {}) }));
export const toggleAllKpis = () => layoutStore.setState((s) => ({ allKpis: !s.allKpis }));
export const closeAllKpis = () => layoutStore.setState({ allKpis: false });

/** Below this window width the map would be left too narrow beside the layers, the drawer and the details: the details column yields. */
const ROOM_FOR_FOUR_COLUMNS_PX = 1600;

/** Opens the drawer beside the map; on a narrow window the details column steps aside until it closes. */
export function openDrawer(windowWidth: number): void {
  layoutStore.setState((s) => {
    if (s.drawer) return s;
    const yield_ = s.right && windowWidth < ROOM_FOR_FOUR_COLUMNS_PX;
    return { drawer: true, right: yield_ ? false : s.right, rightYielded: yield_ };
  });
}

export function closeDrawer(): void {
  layoutStore.setState((s) => (s.drawer ? { drawer: false, right: s.right || s.rightYielded, rightYielded: false } : s));
}

/** Pins or unpins one indicator as headline, starting from what is shown now (`current`). */
export function togglePinned(scenarioId: string, current: readonly string[], id: string): void {
  const ids = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
  layoutStore.setState({ pinned: { scenarioId, ids } });
}

/** Back to the scenario's own headline indicators. */
export const resetPinned = () => layoutStore.setState({ pinned: null });

/** The indicators shown first when a scenario's injects say nothing more specific: what a cascade costs people, then what the attacker achieves. */
export const HEADLINE_KPIS = [
  'peopleWithoutPower',
  'peopleWithoutWater',
  'assetsDown',
  'assetsCompromised',
  'recordsExfiltrated',
  'devicesWithoutComms',
] as const;
