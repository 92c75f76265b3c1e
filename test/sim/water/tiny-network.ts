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
