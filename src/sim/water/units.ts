/**
 * EPANET reports results in the input file's units: US customary (ft, psi, and the flow unit of
 * the [OPTIONS] section) or SI (m, m, and a metric flow unit). The twin always reports SI — metres,
 * litres per second, cubic metres — whatever the file used. Factors from the EPANET 2.2 manual,
 * "Units of Measurement" (Table A.1), and OWA-EPANET's own constants (LPSperCFS = 28.317).
 */

/** Litres per second in one unit of each EPANET flow unit, by the toolkit's EN_FlowUnits code. */
const LPS_PER_UNIT: readonly number[] = [
  28.316846592, // 0 CFS
  0.0630901964, // 1 GPM
  43.812636389, // 2 MGD (US million gallons per day)
  52.616782407, // 3 IMGD (imperial million gallons per day)
  14.276410157, // 4 AFD (acre-feet per day)
  1, // 5 LPS
  1 / 60, // 6 LPM
  1e6 / 86400, // 7 MLD
  1000 / 3600, // 8 CMH
  1000 / 86400, // 9 CMD
  1000, // 10 CMS (EPANET 2.3)
];

export const FLOW_UNIT_NAMES: readonly string[] = ['CFS', 'GPM', 'MGD', 'IMGD', 'AFD', 'LPS', 'LPM', 'MLD', 'CMH', 'CMD', 'CMS'];

export const FT_TO_M = 0.3048;
export const FT3_TO_M3 = 0.028316846592;

export interface UnitFactors {
  readonly flowUnits: string;
  /** True when the file uses US customary units (flow in CFS, GPM, MGD, IMGD or AFD). */
  readonly us: boolean;
  /** Multiply a file flow by this to get L/s. */
  readonly lps: number;
  /** Multiply a file length, elevation or head by this to get metres. */
  readonly m: number;
  /** Multiply a file volume by this to get cubic metres. */
  readonly m3: number;
}

export function unitFactors(flowUnitCode: number): UnitFactors {
  const lps = LPS_PER_UNIT[flowUnitCode];
  if (lps === undefined) throw new Error(`unknown EPANET flow unit code ${flowUnitCode}`);
  const us = flowUnitCode <= 4;
  return { flowUnits: FLOW_UNIT_NAMES[flowUnitCode]!, us, lps, m: us ? FT_TO_M : 1, m3: us ? FT3_TO_M3 : 1 };
}
