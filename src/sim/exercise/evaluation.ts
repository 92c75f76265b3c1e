/**
 * Evaluation against the exercise's expectations: for each fired inject, whether each expected
 * action was taken within its time limit (a command of the expected kind in the command log, or an
 * evaluator's mark for discussion-only actions), and a score: the share of expected actions met.
 */
import type { DecisionSpec, InjectSpec, LoggedCommand, SimEvent } from '../core';

export interface ExpectedResult {
  readonly inject: string;
  readonly action: string;
  readonly description: string;
  readonly met: boolean;
  /** Seconds after the inject when it was met, or null. */
  readonly afterS: number | null;
  readonly how: 'command' | 'evaluator' | 'not met' | 'inject not fired';
}

export interface Evaluation {
  readonly results: readonly ExpectedResult[];
  /** Share of expected actions met, 0..1, over injects that fired; null when nothing was expected. */
  readonly score: number | null;
}

/** The command log with each decision expanded into the commands of the option taken, at the time it was taken. */
function effectiveCommands(commands: readonly LoggedCommand[], decisions: readonly DecisionSpec[]): LoggedCommand[] {
  const out: LoggedCommand[] = [];
  for (const c of commands) {
    out.push(c);
    if (c.command.type !== 'decision.take') continue;
    const { decision, option } = c.command;
    const opt = decisions.find((d) => d.id === decision)?.options.find((o) => o.id === option);
    for (const x of opt?.commands ?? []) out.push({ tMs: c.tMs, command: x });
  }
  return out;
}

export function evaluate(
  injects: readonly InjectSpec[],
  events: readonly SimEvent[],
  logged: readonly LoggedCommand[],
  decisions: readonly DecisionSpec[] = [],
): Evaluation {
  const commands = effectiveCommands(logged, decisions);
  const firedAt = new Map<string, number>();
  for (const e of events) if (e.type === 'inject.applied' && !firedAt.has(e.data.inject)) firedAt.set(e.data.inject, e.tMs);
  const marks = new Map<string, { met: boolean; tMs: number }>();
  for (const e of events)
    if (e.type === 'note.added' && e.data.kind === 'evaluation' && e.data.expected && e.data.met !== null)
      marks.set(e.data.expected, { met: e.data.met, tMs: e.tMs });
  const results: ExpectedResult[] = [];
  for (const inj of injects) {
    const t0 = firedAt.get(inj.id);
    for (const x of inj.expected ?? []) {
      const key = `${inj.id}/${x.id}`;
      if (t0 === undefined) {
        results.push({ inject: inj.id, action: x.id, description: x.description, met: false, afterS: null, how: 'inject not fired' });
        continue;
      }
      const mark = marks.get(key) ?? marks.get(x.id);
      const done = x.command !== null ? commands.find((c) => c.command.type === x.command && c.tMs >= t0 && c.tMs <= t0 + x.withinMs) : undefined;
      if (mark)
        results.push({
          inject: inj.id,
          action: x.id,
          description: x.description,
          met: mark.met,
          afterS: mark.met ? (mark.tMs - t0) / 1000 : null,
          how: 'evaluator',
        });
      else if (done) results.push({ inject: inj.id, action: x.id, description: x.description, met: true, afterS: (done.tMs - t0) / 1000, how: 'command' });
      else results.push({ inject: inj.id, action: x.id, description: x.description, met: false, afterS: null, how: 'not met' });
    }
  }
  const counted = results.filter((r) => r.how !== 'inject not fired');
  return { results, score: counted.length ? counted.filter((r) => r.met).length / counted.length : null };
}
