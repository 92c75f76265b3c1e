/**
 * How the grid reads on screen, as pure functions shared by the 3D lines, the legend and the
 * inspector: the loading bands and their colours, which flow a view mode shows, a bus's state,
 * readable line names, and whether SCADA's reading differs from the truth.
 */
import type { PowerView } from '../../worker/protocol';
import type { ViewMode } from '../store/ui-store';
import type { WorldIndex } from '../store/world-index';

/** The layer id in the Layers panel, and the layer of features (lines) selected from it. */
export const POWER_LAYER = 'power-network' as const;

export interface LoadingBand {
  readonly id: 'calm' | 'warm' | 'hot' | 'over';
  /** Loading (flow / rating) from which the band starts. */
  readonly from: number;
  readonly color: string;
  readonly label: string;
  /** What besides colour sets it apart on the map. */
  readonly cue: string;
}

/** Green → yellow → orange → red, wider as they fill; an overloaded line also pulses. */
export const LOADING_BANDS: readonly LoadingBand[] = [
  { id: 'calm', from: 0, color: '#6ee89e', label: 'Under 60% of rating', cue: 'thin' },
  { id: 'warm', from: 0.6, color: '#f2d43a', label: '60–90%', cue: 'wider' },
  { id: 'hot', from: 0.9, color: '#ff8c1a', label: '90–100%', cue: 'wider still' },
  { id: 'over', from: 1.0000001, color: '#ff2d55', label: 'Over 100%: overloaded', cue: 'thickest, pulsing; protection will trip it' },
];
export const OPEN_LINE_COLOR = '#c3cad6';
export const TRIPPED_BADGE_COLOR = '#ef4b3f';
export const SPOOF_COLOR = '#d64dff';

export function loadingBand(loading: number): LoadingBand {
  for (let b = LOADING_BANDS.length - 1; b > 0; b--) if (loading >= LOADING_BANDS[b]!.from) return LOADING_BANDS[b]!;
  return LOADING_BANDS[0]!;
}

/** Index of the band (0 calm … 3 overloaded), for shaders. */
export function bandIndex(loading: number): number {
  return LOADING_BANDS.indexOf(loadingBand(loading));
}

/** The flow a view shows: the physical one, or what SCADA reports to the operators. */
export function shownFlow(mode: ViewMode, trueMW: number, reportedMW: number): number {
  return mode === 'operator' ? reportedMW : trueMW;
}

/** Loading for a shown flow: |flow| / rating, 0 for an unrated line. */
export function shownLoading(flowMW: number, ratingMW: number): number {
  return ratingMW > 0 ? Math.abs(flowMW) / ratingMW : 0;
}

/** SCADA differs from the truth by more than rounding: more than 0.5 MW and 2% of the flow. */
export function spoofed(trueMW: number, reportedMW: number): boolean {
  const d = Math.abs(trueMW - reportedMW);
  return d > 0.5 && d > 0.02 * Math.max(Math.abs(trueMW), Math.abs(reportedMW));
}

export type BusState = 'energised' | 'shedding' | 'de-energised';

export function busState(energized: number, shedMW: number): BusState {
  if (!energized) return 'de-energised';
  return shedMW > 1e-3 ? 'shedding' : 'energised';
}

export const BUS_STATE_LABEL: Record<BusState, string> = {
  energised: 'Energised: all load served',
  shedding: 'Energised, shedding load',
  'de-energised': 'De-energised: no supply',
};

/** "Old Town Primary Substation" → "Old Town"; names without those words are kept as they are. */
export function shortSiteName(name: string): string {
  return name.replace(/\s+(primary\s+)?(sub-?station|substation)$/i, '').trim() || name;
}

/** "Old Town – Elm Park line" from the names of the buses' sites (or the bus ids). */
export function lineName(fromName: string, toName: string): string {
  return `${shortSiteName(fromName)} – ${shortSiteName(toName)} line`;
}

/** "12.3 MW" with one decimal under 100 MW. */
export function mw(x: number): string {
  const a = Math.abs(x);
  return `${a < 100 ? a.toFixed(1) : Math.round(a).toLocaleString('en-GB')} MW`;
}

export function pct(loading: number): string {
  return `${Math.round(loading * 100)}%`;
}

/** A bus by its site's name, or its own id when no asset stands for it. */
export function busName(index: WorldIndex, pv: PowerView, b: number): string {
  const a = pv.buses[b]?.asset ?? -1;
  return a >= 0 ? index.view.assets[a]!.name : (pv.buses[b]?.id ?? `bus ${b + 1}`);
}

export function powerLineName(index: WorldIndex, pv: PowerView, k: number): string {
  const br = pv.branches[k]!;
  return lineName(busName(index, pv, br.from), busName(index, pv, br.to));
}
