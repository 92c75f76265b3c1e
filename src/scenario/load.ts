/**
 * Loading a scenario: JSON text → migrated → validated against the schema → compiled into the
 * simulation's input. Every problem is reported at once with its path and a hint; nothing a user
 * writes produces a stack trace.
 */
import type { SimInput } from '../sim';
import { compileScenario } from './compile';
import { fromZod, issue, type ScenarioIssue } from './issues';
import type { ReadFile } from './referenced-file';
import { jsonSyntaxIssue } from './json-error';
import { migrate } from './migrate';
import { scenarioSchema, type Scenario } from './schema';
import { issuesAtOnce } from './second-look';

export interface ScenarioMeta {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly audience: string[];
  readonly objectives: string[];
}

export type LoadResult = { ok: true; meta: ScenarioMeta; scenario: Scenario; input: SimInput } | { ok: false; issues: ScenarioIssue[] };

export interface LoadOptions {
  /** Shown in messages about the file as a whole. */
  readonly fileName?: string;
  /**
   * Reads a file referenced by the scenario, relative to the scenario's own location; returns
   * null when there is none, or a refusal saying why it may not be read. Sections that reference
   * files (imported networks) use it.
   */
  readonly readFile?: ReadFile;
}

export function loadScenarioText(text: string, options: LoadOptions = {}): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, issues: [jsonIssue(text, options.fileName)] };
  }
  return loadScenarioData(data, options);
}

export function loadScenarioData(data: unknown, options: LoadOptions = {}): LoadResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, issues: [issue('(top level)', 'a scenario must be a JSON object', 'start the file with { "version": 1, … }')] };
  }
  const migrated = migrate(data as Record<string, unknown>);
  if ('issues' in migrated) return { ok: false, issues: migrated.issues };
  const parsed = scenarioSchema.safeParse(migrated.data);
  const compileOptions = options.readFile ? { readFile: options.readFile } : {};
  if (!parsed.success) return { ok: false, issues: issuesAtOnce(migrated.data, fromZod(scenarioSchema, migrated.data, parsed.error.issues), compileOptions) };
  const scenario = parsed.data;
  const { input, issues } = compileScenario(scenario, compileOptions);
  if (issues.length > 0) return { ok: false, issues };
  const meta: ScenarioMeta = {
    id: input.id,
    title: input.title,
    summary: scenario.meta?.summary ?? '',
    audience: scenario.meta?.audience ?? [],
    objectives: scenario.meta?.objectives ?? [],
  };
  return { ok: true, meta, scenario, input };
}

function jsonIssue(text: string, fileName?: string): ScenarioIssue {
  return jsonSyntaxIssue(text, fileName ?? '(file)', 'check for a missing comma, quote or bracket just before that point');
}
