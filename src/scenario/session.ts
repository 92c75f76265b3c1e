/**
 * A saved session: the scenario (by name, by file, or its full text so the file stands alone),
 * the seed, the command log and how far play had got. With the simulation deterministic, that is
 * all it takes to rebuild the run exactly — for replay, branching, sharing and the after-action
 * report (`twin report SESSION.json`).
 */
import { z } from 'zod';
import type { LoggedCommand } from '../sim';
import { fromZod, issue, type ScenarioIssue } from './issues';
import { jsonSyntaxIssue } from './json-error';
import { commandSchema, scenarioSchema } from './schema';

export const SESSION_VERSION = 1;

export const sessionSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(SESSION_VERSION),
  kind: z.literal('citytwin-session'),
  title: z.string().max(200).optional(),
  savedAt: z.string().max(40).optional().describe('When it was saved (informational only; never read by the simulation).'),
  scenario: z
    .strictObject({
      name: z.string().max(120).optional().describe('A shipped scenario, e.g. "default".'),
      file: z.string().max(500).optional().describe('A scenario file, relative to this session file.'),
      text: z.string().max(5_000_000).optional().describe('The scenario itself, so the session stands alone.'),
    })
    .refine((s) => s.name !== undefined || s.file !== undefined || s.text !== undefined, {
      error: 'name the scenario ("name" or "file") or include it ("text")',
    }),
  seed: z.int().min(0).max(4_294_967_295),
  untilMs: z.int().min(0).describe('How far play had got, simulated ms.'),
  commands: z.array(z.strictObject({ tMs: z.int().min(0), command: commandSchema })),
  view: z
    .strictObject({ headlineKpis: z.array(z.string().max(80)).max(40).optional().describe('The indicators the KPI strip shows first, in order.') })
    .optional()
    .describe('How the screen was arranged when saved (informational only; never read by the simulation).'),
});

export type Session = z.infer<typeof sessionSchema>;

export function parseSession(text: string): { ok: true; session: Session } | { ok: false; issues: ScenarioIssue[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, issues: [jsonSyntaxIssue(text, '(session file)', 'export the session again from the twin')] };
  }
  if (isScenarioDocument(data)) {
    return {
      ok: false,
      issues: [
        issue(
          '(session file)',
          'this is a scenario file, not a saved session',
          'run a scenario with `twin run FILE`; a session is the file the exercise console exports under Records',
        ),
      ],
    };
  }
  const r = sessionSchema.safeParse(data);
  if (!r.success) return { ok: false, issues: fromZod(sessionSchema, data, r.error.issues) };
  const times = r.data.commands.map((c) => c.tMs);
  if (times.some((t, i) => i > 0 && t < times[i - 1]!))
    return { ok: false, issues: [issue('commands', 'commands are not in time order', 'keep the log as the twin saved it')] };
  return { ok: true, session: r.data };
}

/**
 * Whether a document is a scenario rather than a session: no session "kind", and keys only a
 * scenario has. Without this, a scenario handed to `twin report` got a dozen lines about unknown
 * keys ("meta", "city", ...) and a missing "kind", none of which said what was wrong.
 */
function isScenarioDocument(data: unknown): boolean {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || 'kind' in data) return false;
  const sessionKeys = Object.keys(sessionSchema.shape);
  const scenarioKeys = Object.keys(scenarioSchema.shape).filter((k) => !sessionKeys.includes(k));
  return Object.keys(data).some((k) => scenarioKeys.includes(k));
}

export function makeSession(p: {
  scenarioName?: string;
  scenarioText?: string;
  seed: number;
  untilMs: number;
  commands: readonly LoggedCommand[];
  title?: string;
  savedAt?: string;
}): Session {
  return {
    version: SESSION_VERSION,
    kind: 'citytwin-session',
    ...(p.title !== undefined ? { title: p.title } : {}),
    ...(p.savedAt !== undefined ? { savedAt: p.savedAt } : {}),
    scenario: { ...(p.scenarioName !== undefined ? { name: p.scenarioName } : {}), ...(p.scenarioText !== undefined ? { text: p.scenarioText } : {}) },
    seed: p.seed,
    untilMs: p.untilMs,
    commands: p.commands.map((c) => ({ tMs: c.tMs, command: c.command as Session['commands'][number]['command'] })),
  };
}
