/** What the page's snapshot and the run report read of the running water network. */
import type { WaterInput } from './input';
import type { WaterModel } from './model';
import type { PlcRule } from './plc';

export interface WaterState {
  readonly input: WaterInput;
  readonly model: WaterModel;
  readonly rules: readonly PlcRule[];
  /** Per link: 1 while its pump or valve has power. */
  readonly powered: Uint8Array;
  /** Sensor → PLC that owns it. */
  readonly sensorOwner: ReadonlyMap<string, string>;
  /** Last value that arrived per channel (sensor→destination). */
  readonly lastReading: ReadonlyMap<string, number>;
  /** Per consumer: delivered over required, 0..1. */
  readonly service: ArrayLike<number>;
  /** The true value of a sensor now. */
  truth(sensor: string): number;
  /** Seconds before consumer c loses water at the present rates. */
  timeLeftS(c: number): number;
  /** The reading SCADA shows for a sensor. */
  scadaReading(sensor: string): number;
}
