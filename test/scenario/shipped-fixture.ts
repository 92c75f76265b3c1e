/** A shipped scenario as a test runs it: its decision points left out (nobody is there to take them), optionally edited first. */
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../../src/scenario';
import type { SimInput } from '../../src/sim';

export function shippedInput(name: string, edit: (s: Record<string, any>) => void = () => {}): SimInput {
  const s = JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'));
  delete s.decisions;
  edit(s);
  const r = loadScenarioText(JSON.stringify(s));
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.issues)}`);
  return r.input;
}
