/**
 * Scenario versions. Version 1 is the first; when the format changes, the new version comes with
 * a migration here from the one before, so old files keep loading.
 */
import { SCENARIO_VERSION } from './schema';
import { clip, issue, type ScenarioIssue } from './issues';

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n file into version n+1. */
const MIGRATIONS: Record<number, Migration> = {};

export function migrate(data: Record<string, unknown>): { data: Record<string, unknown> } | { issues: ScenarioIssue[] } {
  const v = data.version;
  if (v === undefined) return { issues: [issue('version', 'missing required field', `add "version": ${SCENARIO_VERSION} at the top of the file`)] };
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return { issues: [issue('version', `expected a whole number, got ${clip(JSON.stringify(v) ?? String(v))}`, `use "version": ${SCENARIO_VERSION}`)] };
  }
  if (v > SCENARIO_VERSION) {
    return {
      issues: [
        issue(
          'version',
          `this file is version ${v}, newer than this twin reads (${SCENARIO_VERSION})`,
          'update citytwin, or save the scenario from a matching version',
        ),
      ],
    };
  }
  let out = data;
  for (let n = v; n < SCENARIO_VERSION; n++) {
    const m = MIGRATIONS[n];
    if (!m) return { issues: [issue('version', `no migration from version ${n}`, `rewrite the file for version ${SCENARIO_VERSION}`)] };
    out = { ...m(out), version: n + 1 };
  }
  return { data: out };
}
