/**
 * Reads ?scenario=NAME&seed=N from the page address. A bad value is reported as a ScenarioIssue
 * (path, message, hint) so the page can show it like any other load error instead of guessing.
 */
import type { ScenarioIssue } from '../../worker/protocol';

export interface UrlChoice {
  readonly scenario: string;
  readonly seed: number | undefined;
  readonly issues: readonly ScenarioIssue[];
}

const MAX_SEED = 4_294_967_295;

export function parseUrlParams(search: string): UrlChoice {
  const params = new URLSearchParams(search);
  const issues: ScenarioIssue[] = [];
  const rawScenario = params.get('scenario');
  const scenario = rawScenario === null || rawScenario.trim() === '' ? 'default' : rawScenario.trim();
  let seed: number | undefined;
  const rawSeed = params.get('seed');
  if (rawSeed !== null && rawSeed.trim() !== '') {
    const s = rawSeed.trim();
    const n = /^\d{1,10}$/.test(s) ? Number(s) : NaN;
    if (Number.isInteger(n) && n <= MAX_SEED) seed = n;
    else
      issues.push({
        path: 'seed (page address)',
        message: `"${s.slice(0, 40)}" is not a valid seed`,
        hint: `use a whole number from 0 to ${MAX_SEED}, e.g. ?seed=42, or leave it out to use the scenario's own seed`,
      });
  }
  return { scenario, seed, issues };
}
