/**
 * Reference checks for grid and exercise commands in a scenario: named lines, substations,
 * buses and generators must exist in the grid; injects and decisions (and their options) must
 * exist in the scenario. Each problem is reported with its path and the nearest valid names.
 */
import type { PowerInput } from '../sim';
import { issue, quote, suggest, unknownId, type ScenarioIssue } from './issues';
import type { ScenarioCommand } from './schema';

export interface ExerciseRefs {
  readonly injectIds: readonly string[];
  /** Decision id → its option ids. */
  readonly decisions: ReadonlyMap<string, readonly string[]>;
}

type PowerCommand = Extract<ScenarioCommand, { type: `power.${string}` }>;
type ExerciseCommand = Extract<
  ScenarioCommand,
  { type: 'inject.hold' | 'inject.release' | 'inject.skip' | 'inject.pressure' | 'decision.open' | 'decision.take' | 'note.add' }
>;

export function checkPowerCommand(c: PowerCommand, path: string, grid: PowerInput | null, issues: ScenarioIssue[]): void {
  if (!grid) {
    issues.push(
      issue(
        `${path}.type`,
        `${quote(c.type)} needs a power grid, and this scenario has none`,
        'add a generated city ("city": {"generator": {}}) or "power": {"matpower": "case.m"}',
      ),
    );
    return;
  }
  const subs = grid.busAsset.filter((a): a is string => a !== null);
  // The plural is spelt out: "bus" + "s" made "buss".
  const list = (ids: readonly string[] | undefined, known: readonly string[], key: string, what: string, whats: string) =>
    ids?.forEach((id, k) => {
      if (!known.includes(id)) issues.push(issue(`${path}.${key}[${k}]`, `no ${what} ${quote(id)} in the grid`, suggest(id, known, whats)));
    });
  switch (c.type) {
    case 'power.breaker':
    case 'power.protection':
    case 'power.telemetry':
      list(c.branches, grid.branchIds, 'branches', 'line', 'lines');
      list(c.substations, subs, 'substations', 'substation', 'substations');
      if (c.type === 'power.breaker' && !c.branches?.length && !c.substations?.length)
        issues.push(issue(path, 'names no line or substation', 'add "branches" or "substations"'));
      return;
    case 'power.load.disconnect':
      list(c.buses, grid.busIds, 'buses', 'bus', 'buses');
      list(c.substations, subs, 'substations', 'substation', 'substations');
      return;
    case 'power.generator.trip':
      list(c.generators, grid.genIds, 'generators', 'generator', 'generators');
      return;
    case 'power.crew.dispatch':
      list(c.substations, subs, 'substations', 'substation', 'substations');
      return;
    default: {
      const never: never = c;
      return never;
    }
  }
}

export function checkExerciseCommand(c: ExerciseCommand, path: string, refs: ExerciseRefs, issues: ScenarioIssue[]): void {
  switch (c.type) {
    case 'inject.hold':
    case 'inject.release':
    case 'inject.skip':
      if (!refs.injectIds.includes(c.inject)) issues.push(unknownId(`${path}.inject`, 'inject', c.inject, refs.injectIds, 'injects'));
      return;
    case 'decision.open':
    case 'decision.take': {
      const options = refs.decisions.get(c.decision);
      if (!options) issues.push(unknownId(`${path}.decision`, 'decision', c.decision, [...refs.decisions.keys()], 'decisions'));
      else if (c.type === 'decision.take' && !options.includes(c.option))
        issues.push(issue(`${path}.option`, `decision ${quote(c.decision)} has no option ${quote(c.option)}`, suggest(c.option, options, 'options')));
      return;
    }
    case 'inject.pressure':
    case 'note.add':
      return;
    default: {
      const never: never = c;
      return never;
    }
  }
}
