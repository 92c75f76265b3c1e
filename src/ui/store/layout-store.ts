/**
 * The screen's layout: whether the side columns are open and whether the KPI strip shows every
 * indicator or only the headline ones. Closed columns give the city the room; selecting an asset
 * opens the details column again, since that is where the inspector is.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface LayoutState {
  left: boolean;
  right: boolean;
  allKpis: boolean;
}

export const layoutStore = createStore<LayoutState>()(() => ({ left: true, right: true, allKpis: false }));
export const useLayout = <T>(pick: (s: LayoutState) => T): T => useStore(layoutStore, pick);

export const togglePanel = (side: 'left' | 'right') => layoutStore.setState((s) => ({ [side]: !s[side] }));
export const toggleAllKpis = () => layoutStore.setState((s) => ({ allKpis: !s.allKpis }));

/** The indicators shown first, in this order, when a scenario has them: what a cascade costs people, then what the attacker achieves. */
export const HEADLINE_KPIS = [
  'peopleWithoutPower',
  'peopleWithoutWater',
  'assetsDown',
  'assetsCompromised',
  'recordsExfiltrated',
  'devicesWithoutComms',
] as const;
