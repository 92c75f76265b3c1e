/** Loading water scenarios in tests: a scenario object plus the files it references, by name. */
import { loadScenarioData } from '../../../src/scenario';
import type { SimInput } from '../../../src/sim';

export function waterInput(scenario: Record<string, unknown>, files: Record<string, string>): SimInput {
  const r = loadScenarioData({ version: 1, ...scenario }, { readFile: (p) => files[p] ?? null });
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.input;
}

export function waterIssues(scenario: Record<string, unknown>, files: Record<string, string>) {
  const r = loadScenarioData({ version: 1, ...scenario }, { readFile: (p) => files[p] ?? null });
  return r.ok ? [] : r.issues;
}
