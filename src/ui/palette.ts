/**
 * Colours, symbols and names the whole UI shares, so a status looks the same in the 3D scene,
 * the legend, the inspector and the event log. Colour is never the only signal: each status also
 * has a symbol (and an overlay shape in the scene), each subsystem a marker shape.
 */
import type { EdgeKind, Subsystem } from '../sim';

export type StatusName = 'ok' | 'degraded' | 'down';
export const STATUS_NAMES: readonly StatusName[] = ['ok', 'degraded', 'down'];

/** Chosen to stay apart for the common colour-vision deficiencies (blue-green, amber, vermilion). */
export const STATUS_COLOR: Record<StatusName, string> = { ok: '#2bb39a', degraded: '#f2b134', down: '#ef4b3f' };
export const STATUS_SYMBOL: Record<StatusName, string> = { ok: '●', degraded: '▲', down: '✕' };
export const STATUS_LABEL: Record<StatusName, string> = { ok: 'Working', degraded: 'Degraded (on backup or reduced)', down: 'Down (no service)' };

export const COMPROMISED_COLOR = '#d64dff';
export const SELECTED_COLOR = '#ffffff';

/** Supply states of a dependency link: 0 supplied, 1 on backup, 2 lost. */
export const SUPPLY_COLOR = ['#7c8aa5', '#f2b134', '#ef4b3f'] as const;
export const SUPPLY_LABEL = ['Supplied', 'On backup', 'Lost'] as const;

export const SUBSYSTEM_ORDER: readonly Subsystem[] = ['power', 'water', 'traffic', 'cctv', 'comms', 'population', 'civic'];

export const SUBSYSTEM_LABEL: Record<Subsystem, string> = {
  power: 'Power',
  water: 'Water',
  traffic: 'Traffic signals',
  cctv: 'CCTV',
  comms: 'Communications',
  population: 'Neighbourhoods',
  civic: 'Civic sites',
};

/** The marker shape each subsystem uses in the scene; the legend draws the same shapes. */
export type MarkerShape = 'diamond' | 'drum' | 'cone' | 'ball' | 'cube' | 'hexagon' | 'disc';
export const SUBSYSTEM_SHAPE: Record<Subsystem, MarkerShape> = {
  power: 'diamond',
  water: 'drum',
  traffic: 'cone',
  cctv: 'ball',
  comms: 'cube',
  civic: 'hexagon',
  population: 'disc',
};

export const EDGE_KINDS: readonly EdgeKind[] = ['physical', 'cyber', 'geographic', 'logical'];
export const EDGE_KIND_LABEL: Record<EdgeKind, string> = {
  physical: 'Physical (power, water)',
  cyber: 'Cyber (comms, control)',
  geographic: 'Geographic',
  logical: 'Logical (service)',
};

export const DISTRICT_COLOR: Record<string, string> = {
  centre: '#3a4258',
  residential: '#2f3d45',
  industrial: '#3d3a36',
  waterfront: '#2c4050',
  parkland: '#2b4234',
};
export const GROUND_COLOR = '#1c222d';
export const WATER_COLOR = '#1d4e73';
export const ROAD_COLOR = { arterial: '#5d6677', street: '#454c5a' } as const;

/** Building tints by use: home, office/shop, industrial, civic. */
export const BUILDING_COLOR = ['#6f7684', '#66789a', '#7d705d', '#86789a'] as const;
/** Tint of buildings whose neighbourhood has lost power. */
export const BUILDING_DARK = '#262a33';

export function subsystemLabel(s: string): string {
  return (SUBSYSTEM_LABEL as Record<string, string>)[s] ?? s;
}

export function statusName(code: number | undefined): StatusName {
  return code === 2 ? 'down' : code === 1 ? 'degraded' : 'ok';
}

/** The band a reading falls in, of bands listed from the highest threshold down: the first whose `min` it reaches, else the lowest. */
export function bandReached<B extends { readonly min: number }>(highFirst: readonly B[], value: number): B {
  for (const b of highFirst) if (value >= b.min) return b;
  return highFirst[highFirst.length - 1]!;
}
