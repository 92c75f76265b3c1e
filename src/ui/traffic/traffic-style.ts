/**
 * How the traffic layer looks and what its states are called: congestion bands for links (colour
 * and width, so colour is never the only cue), signal aspects, and why a vehicle waits. Plain
 * data, shared by the 3D layer and the panels.
 */
import { bandReached } from '../palette';

export const TRAFFIC_LAYER = 'traffic-network' as const;

/** Mean speed over the speed limit → band. */
export const CONGESTION_BANDS = [
  { id: 'free', min: 0.7, color: '#4fb37a', label: 'Flowing', cue: 'thin green: at or near the limit' },
  { id: 'slow', min: 0.4, color: '#e3b341', label: 'Slow', cue: 'amber: under 70% of the limit' },
  { id: 'jam', min: 0, color: '#e5534b', label: 'Congested', cue: 'thick red: under 40% of the limit' },
] as const;

export const congestionBand = (ratio: number): (typeof CONGESTION_BANDS)[number] => bandReached(CONGESTION_BANDS, ratio);

/** By the simulation's aspect code: RED, AMBER, GREEN, DARK, GREEN_YIELD (green, but give way). */
export const ASPECT = ['red', 'amber', 'green', 'dark', 'green, give way'] as const;
export const ASPECT_COLOR = ['#e5534b', '#e3b341', '#4fb37a', '#8a91a0', '#4fb37a'] as const;
/** The signal lamps' backboard, and the give-way triangle shown with a permissive green. */
export const LAMP_BOARD_COLOR = '#14171d';
export const LAMP_YIELD_COLOR = '#f4f6fa';
export const MODE_LABEL = [
  'Running its plan',
  'Fixed-time fallback (control link lost)',
  'Dark: all-way stop (no power)',
  'Attacker: all red',
  'Attacker: conflicting greens',
] as const;

/** Same order as the simulation's WAIT_REASONS. */
export const WAIT_LABEL = [
  'Moving',
  'Waiting at a red signal',
  'Stopping for amber',
  'At a stop line (all-way stop)',
  'Giving way to the main road',
  'Road ahead is full',
  'In a queue',
  'At a dark signal (all-way stop)',
  'Free road',
  'Turning right: giving way to oncoming traffic',
  'Getting into lane for its turn',
  'Merging in turn: waits for the gap behind the car alongside',
  'Letting a merging car in ahead of it',
] as const;

/** WAIT_LABEL's index of "letting a merging car in" (its inspector names the car it lets in). */
export const WAIT_LET_IN = 12;

/** The same reasons for a driver still rolling towards what holds it (above WAITING_KMH). */
export const APPROACH_LABEL = [
  'Moving',
  'Slowing for a red signal',
  'Stopping for amber',
  'Slowing for a stop line (all-way stop)',
  'Slowing to give way to the main road',
  'Slowing: the road ahead is full',
  'In slow traffic',
  'Slowing for a dark signal (all-way stop)',
  'Free road',
  'Turning right: ready to give way to oncoming traffic',
  'Getting into lane for its turn',
  'Merging in turn behind the car alongside',
  'Letting a merging car in ahead of it',
] as const;
/** Below this speed a driver is waiting, not slowing. */
export const WAITING_KMH = 7;

/** What the inspector says a vehicle is doing: its reason, worded by whether it has (nearly) stopped. */
export function waitLabel(reason: number, speedKmh: number | null): string {
  const rolling = speedKmh !== null && speedKmh >= WAITING_KMH;
  return (rolling ? APPROACH_LABEL[reason] : WAIT_LABEL[reason]) ?? 'Moving';
}

export const VEHICLE_COLOR = { moving: '#d9dee8', waiting: '#f08c5a', emergency: '#3b82f6' } as const;

/** Unpacks a signal's snapshot byte: aspect of each phase group and the controller mode. */
export function unpackSignal(b: number): { a0: number; a1: number; mode: number } {
  return { a0: b & 3, a1: (b >> 2) & 3, mode: (b >> 4) & 7 };
}
