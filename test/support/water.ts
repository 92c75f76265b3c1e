import type { SimInput } from '../../src/sim';
import { compile, issuesOf, type Scenario } from './scenarios';

/**
 * A small SI network for coupling tests: a reservoir, a pump lifting into a junction that feeds a
 * tank and a consumer. With the pump stopped the consumer is served from the tank until it drains.
 */
export const TINY_INP = [
  '[JUNCTIONS]',
  'A\t0\t0',
  'C\t0\t10\tFLAT',
  '[RESERVOIRS]',
  'R\t5',
  '[TANKS]',
  'TK\t20\t6\t0\t10\t4\t0',
  '[PIPES]',
  'P1\tA\tTK\t100\t300\t120\t0\tOpen',
  'P2\tA\tC\t200\t200\t120\t0\tOpen',
  '[PUMPS]',
  'PU\tR\tA\tHEAD CV',
  '[CURVES]',
  'CV\t20\t35',
  '[PATTERNS]',
  'FLAT\t1',
  '[TIMES]',
  'Duration\t24:00',
  'Hydraulic Timestep\t0:05',
  'Pattern Timestep\t1:00',
  '[OPTIONS]',
  'Units\tLPS',
  'Headloss\tH-W',
  '[END]',
  '',
].join('\n');

/** The same network with EPANET controls that keep the tank between 3 m and 8 m by running the pump. */
export const TINY_INP_CONTROLLED = TINY_INP.replace('[TIMES]', '[CONTROLS]\nLINK PU OPEN IF NODE TK BELOW 3\nLINK PU CLOSED IF NODE TK ABOVE 8\n[TIMES]');

/** The scenario with its water section on the tiny network (or another .inp text): `water.inp` is "tiny.inp". */
const onTiny = (scenario: Scenario): Scenario => ({ ...scenario, water: { inp: 'tiny.inp', ...(scenario.water as object) } });

/** The input of a scenario whose water runs on the tiny network, or on `inp`. */
export function tinyWater(scenario: Scenario, inp: string = TINY_INP): SimInput {
  return compile(onTiny(scenario), { 'tiny.inp': inp });
}

/** The issues of a scenario whose water runs on the tiny network, or on `inp`. */
export function tinyWaterIssues(scenario: Scenario, inp: string = TINY_INP) {
  return issuesOf(onTiny(scenario), { 'tiny.inp': inp });
}
