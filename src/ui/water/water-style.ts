/**
 * How the water layer reads on screen, as plain data shared by the 3D layer, the legend and the
 * inspector: pipes by flow (colour and width, so colour is never the only cue), nodes by service
 * (delivered / required) with shape changes for low and lost service, pumps by state, and the
 * "time left" wording a briefer is asked for first.
 */
import { bandReached } from '../palette';

export const WATER_LAYER = 'water-network' as const;

/** Pipe flow bands, by |flow| in L/s; a closed pipe, pump or valve is drawn near-black. */
export const FLOW_BANDS = [
  { id: 'still', min: 0, color: '#5b6b82', label: 'Under 1 L/s', cue: 'grey' },
  { id: 'low', min: 1, color: '#7cc7ff', label: '1–20 L/s', cue: 'pale blue' },
  { id: 'mid', min: 20, color: '#2f8cff', label: '20–100 L/s', cue: 'blue' },
  { id: 'high', min: 100, color: '#7b5cff', label: 'Over 100 L/s (trunk main)', cue: 'violet' },
] as const;
export const CLOSED_PIPE_COLOR = '#2a3140';

const FLOW_BANDS_HIGH_FIRST = [...FLOW_BANDS].reverse();
export const flowBand = (lps: number): (typeof FLOW_BANDS)[number] => bandReached(FLOW_BANDS_HIGH_FIRST, Math.abs(lps));

/** Service bands for demand nodes (thresholds as the simulation's: 80% and 20%). */
export const SERVICE_BANDS = [
  { id: 'full', min: 0.8, color: '#4fb37a', label: 'Served (80% of demand or more)', cue: 'small dot' },
  { id: 'low', min: 0.2, color: '#e3b341', label: 'Low pressure (20–80%)', cue: 'larger dot' },
  { id: 'none', min: 0, color: '#e5534b', label: 'No water (under 20%)', cue: 'largest dot' },
] as const;

export const serviceBand = (s: number): (typeof SERVICE_BANDS)[number] => bandReached(SERVICE_BANDS, s);

export const PUMP_COLOR = { running: '#4fb37a', stopped: '#8a96ad', unpowered: '#e5534b' } as const;
export const TANK_COLOR = { water: '#2f8cff', shell: '#c3cad6' } as const;
export const SPOOF_COLOR = '#d64dff';

export type PumpState = keyof typeof PUMP_COLOR;

export function pumpState(open: number, powered: number): PumpState {
  if (!powered) return 'unpowered';
  return open ? 'running' : 'stopped';
}

export const PUMP_LABEL: Record<PumpState, string> = { running: 'Running', stopped: 'Stopped by its controller', unpowered: 'Stopped: no power' };

/** "2 h 05 min", "12 min", "under a minute", or "not draining" for Infinity. */
export function timeLeft(s: number): string {
  if (!Number.isFinite(s)) return 'not running down';
  if (s < 60) return 'under a minute';
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h >= 48) return `${Math.round(h / 24)} days`;
  return `${h} h ${String(m % 60).padStart(2, '0')} min`;
}

/**
 * What the inspector says of a consumer's water, so the badge and the time left never contradict
 * each other: a node without mains water whose asset still draws on its own storage is running on
 * storage, not down; once the storage is spent it has no water now, not "under a minute" left.
 */
export function consumerWater(service: number, storageMin: number, leftS: number): { status: 'ok' | 'degraded' | 'down'; label: string; time: string } {
  const band = serviceBand(service);
  if (band.id === 'full') return { status: 'ok', label: band.label, time: timeLeft(leftS) };
  if (band.id === 'low') return { status: 'degraded', label: band.label, time: timeLeft(leftS) };
  if (storageMin === 0) return { status: 'down', label: band.label, time: 'now: no water' };
  if (leftS > 0) return { status: 'degraded', label: 'No mains water: running on its own storage', time: `${timeLeft(leftS)} on its own storage` };
  return { status: 'down', label: 'No water: mains lost and its own storage spent', time: 'now: no water (its storage is spent)' };
}

export const lps = (x: number) => `${Math.abs(x) < 10 ? x.toFixed(1) : Math.round(x)} L/s`;
export const metres = (x: number) => `${x.toFixed(2)} m`;

/** SCADA differs from the truth by more than rounding (1 cm, or 1%). */
export function readingSpoofed(truth: number, scada: number): boolean {
  const d = Math.abs(truth - scada);
  return d > 0.01 && d > 0.01 * Math.max(Math.abs(truth), Math.abs(scada));
}
