/**
 * UI state and slow-changing summaries of the run (clock, KPIs, recent events), in a vanilla
 * zustand store with a React hook on top. The session writes run summaries here a few times a
 * second; per-frame data never passes through it (see live.ts).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CausalChain, EdgeKind, SimEvent, Subsystem } from '../../sim';
import type { ScenarioIssue, WorldView } from '../../worker/protocol';
import type { WorldIndex } from './world-index';

export type Phase = 'loading' | 'ready' | 'load-error' | 'fatal';
/** Subsystem markers, buildings, dependency links, and each subsystem's own network drawing. */
export type LayerId =
  Subsystem | 'buildings' | 'links' | 'power-network' | 'traffic-network' | 'water-network' | 'comms-network' | 'comms-zones' | 'cctv-views';
/** 'truth' draws what is physically so; 'operator' what SCADA reports (spoofable). */
export type ViewMode = 'truth' | 'operator';
/** A selected thing that is not an asset, e.g. a power line: which layer owns it and its id. */
export interface SelectedFeature {
  readonly layer: string;
  readonly id: string;
}

export interface ChainView {
  /** What the chain explains, e.g. "Why is Riverside Pumping Station down?". */
  readonly title: string;
  readonly loading: boolean;
  readonly chain: CausalChain | null;
  readonly error: string | null;
}

export interface UiState {
  phase: Phase;
  scenarioName: string;
  issues: readonly ScenarioIssue[];
  fatal: string | null;
  world: WorldView | null;
  index: WorldIndex | null;
  loadMs: number | null;
  /**
   * Between the city's arrival and the first frame of its run: what is still being prepared behind
   * it (a part's name, as the worker's 'preparing' message gives it; '' before it says) and how far
   * (0..1). Null once the run is ready.
   */
  preparing: { readonly part: string; readonly fraction: number } | null;

  playing: boolean;
  speed: number;
  achievedSpeed: number;
  clockMs: number;
  kpis: Readonly<Record<string, number | null>>;
  kpiHistory: Readonly<Record<string, readonly (readonly [number, number])[]>>;
  /** The most recent events, oldest first, capped at EVENT_LOG_CAP. */
  events: readonly SimEvent[];
  eventTotal: number;
  firedInjects: readonly string[];

  selected: string | null;
  /** A selected non-asset feature (a line, a pipe); selecting an asset clears it and vice versa. */
  selectedFeature: SelectedFeature | null;
  viewMode: ViewMode;
  chain: ChainView | null;
  layers: Readonly<Record<LayerId, boolean>>;
  linkKinds: Readonly<Record<EdgeKind, boolean>>;
  /** Show only links whose supply is on backup or lost. */
  stressedLinksOnly: boolean;
  /** The scenario chooser is open. */
  chooserOpen: boolean;
}

export const EVENT_LOG_CAP = 400;

export const DEFAULT_LAYERS: Record<LayerId, boolean> = {
  power: true,
  water: true,
  traffic: true,
  cctv: true,
  comms: true,
  population: true,
  civic: true,
  buildings: true,
  links: true,
  'power-network': true,
  'traffic-network': true,
  'water-network': true,
  'comms-network': true,
  'comms-zones': true,
  'cctv-views': true,
};

export const initialState: UiState = {
  phase: 'loading',
  scenarioName: 'default',
  issues: [],
  fatal: null,
  world: null,
  index: null,
  loadMs: null,
  preparing: null,
  playing: false,
  speed: 60,
  achievedSpeed: 0,
  clockMs: 0,
  kpis: {},
  kpiHistory: {},
  events: [],
  eventTotal: 0,
  firedInjects: [],
  selected: null,
  selectedFeature: null,
  viewMode: 'truth',
  chain: null,
  layers: DEFAULT_LAYERS,
  linkKinds: { physical: true, cyber: true, geographic: true, logical: true },
  stressedLinksOnly: false,
  chooserOpen: false,
};

export const uiStore = createStore<UiState>()(() => initialState);

export function useUi<T>(select: (s: UiState) => T): T {
  return useStore(uiStore, select);
}

export function toggleLayer(id: LayerId): void {
  uiStore.setState((s) => ({ layers: { ...s.layers, [id]: !s.layers[id] } }));
}

export function toggleLinkKind(kind: EdgeKind): void {
  uiStore.setState((s) => ({ linkKinds: { ...s.linkKinds, [kind]: !s.linkKinds[kind] } }));
}

export function selectAsset(id: string | null): void {
  uiStore.setState(id === null ? { selected: null } : { selected: id, selectedFeature: null });
}

export function selectFeature(f: SelectedFeature | null): void {
  uiStore.setState(f === null ? { selectedFeature: null } : { selectedFeature: f, selected: null });
}

export function setViewMode(mode: ViewMode): void {
  uiStore.setState({ viewMode: mode });
}

export function closeChain(): void {
  uiStore.setState({ chain: null });
}

export function openChooser(): void {
  uiStore.setState({ chooserOpen: true });
}

export function closeChooser(): void {
  uiStore.setState({ chooserOpen: false });
}
