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
import { commandSchema } from './schema';

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
    .refine((s) => s.name !== undefined || s.file !== undefined || s.text !== undefined, { error: 'name the scenario ("name" or "file") or include it ("text")' }),
  seed: z.int().min(0).max(4_294_967_295),
  untilMs: z.int().min(0).describe('How far play had got, simulated ms.'),
  commands: z.array(z.strictObject({ tMs: z.int().min(0), command: commandSchema })),
});

export type Session = z.infer<typeof sessionSchema>;

export function parseSession(text: string): { ok: true; session: Session } | { ok: false; issues: ScenarioIssue[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, issues: [jsonSyntaxIssue(text, '(session file)', 'export the session again from the twin')] };
  }
  const r = sessionSchema.safeParse(data);
  if (!r.success) return { ok: false, issues: fromZod(sessionSchema, data, r.error.issues) };
  const times = r.data.commands.map((c) => c.tMs);
  if (times.some((t, i) => i > 0 && t < times[i - 1]!)) return { ok: false, issues: [issue('commands', 'commands are not in time order', 'keep the log as the twin saved it')] };
  return { ok: true, session: r.data };
}

export function makeSession(p: { scenarioName?: string; scenarioText?: string; seed: number; untilMs: number; commands: readonly LoggedCommand[]; title?: string; savedAt?: string }): Session {
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
