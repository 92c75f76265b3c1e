/**
 * The full input of a simulation: the city (core) plus each subsystem's own model, present when
 * the scenario has one. The scenario layer builds it; nothing in it is read from files here.
 */
import type { CityInput } from './core';
import type { PowerInput } from './power';
import type { CyberInput } from './couplings/cyber-layer';
import type { TrafficInput } from './traffic';
import type { PopulationInput } from './population';
import type { WaterInput } from './water';

export interface SimInput extends CityInput {
  readonly power?: PowerInput | null;
  /** The comms network, CCTV and the attacker's options (issue 6). */
  readonly cyber?: CyberInput | null;
  readonly traffic?: TrafficInput | null;
  readonly population?: PopulationInput | null;
  readonly water?: WaterInput | null;
}
