/** What the scenario layer hands the water simulation, and the error a malformed network raises. */
import type { WaterConsumer } from './consumers';
import type { InpIssue } from './inp-errors';
import type { PdaOptions } from './model';
import type { PlcLinkSpec, PlcSpec } from './plc';

export interface WaterQualityInput {
  readonly chemical: string;
  readonly units: string;
  /** Where dosing happens (the treatment works' outlet or the reservoir). */
  readonly sourceNode: string;
  readonly baselineMgL: number;
  /** Concentration at which water is unsafe to drink. */
  readonly limitMgL: number;
}

/** What the scenario layer hands the simulation for a water network. */
export interface WaterInput {
  /** EPANET input text (.inp) and the name it came from, for messages. */
  readonly inp: string;
  readonly fileName: string;
  readonly pda: PdaOptions | null;
  readonly hydStepS: number | null;
  /** What a PLC does when a reading stops arriving: keep the last value, or stop what it drives. */
  readonly commsLoss: 'hold' | 'failsafe';
  readonly linkAssets: readonly { readonly link: string; readonly asset: string }[];
  readonly nodeAssets: readonly { readonly node: string; readonly asset: string }[];
  readonly consumers: readonly WaterConsumer[];
  readonly plcs: readonly PlcSpec[];
  readonly plcLinks: readonly PlcLinkSpec[];
  readonly quality: WaterQualityInput | null;
  /** Tank levels to start from (epanetCPA's initial_conditions), instead of the file's. */
  readonly initialLevels: readonly { readonly node: string; readonly levelM: number }[];
  /** Demand patterns that replace the file's (epanetCPA's patterns_file). */
  readonly patterns: readonly { readonly id: string; readonly values: readonly number[] }[];
  /**
   * Litres per person per day, to count the residents behind junctions no asset stands for (an
   * imported network): a junction's base demand over this; null counts only mapped consumers.
   */
  readonly litresPerPersonDay: number | null;
  /** Ground position [x, z] per node id, for the map. */
  readonly positions: Readonly<Record<string, readonly [number, number]>>;
}

export class WaterModelError extends Error {
  constructor(
    readonly issues: readonly InpIssue[],
    fileName: string,
  ) {
    super(`${fileName}: ${issues.map((i) => `${i.line !== null ? `line ${i.line}: ` : ''}${i.section ?? ''} ${i.message} (${i.hint})`).join('; ')}`);
  }
}
