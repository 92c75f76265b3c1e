/** Compiles an exercise's expected actions and decision points, checking their references. */
import { commandTypes } from './command-types';
import { MINUTE, HOUR, parseDuration, type BriefingStep, type Command, type DecisionSpec, type ExpectedAction } from '../sim';
import { issue, quote, suggest, type ScenarioIssue } from './issues';
import type { Scenario, ScenarioCommand } from './schema';

type ExpectedIn = NonNullable<NonNullable<Scenario['injects']>[number]['expected']>;

export function compileExpected(list: ExpectedIn | undefined, path: string, issues: ScenarioIssue[]): ExpectedAction[] {
  return (list ?? []).map((x, k) => {
    if (x.command !== undefined && !commandTypes.includes(x.command))
      issues.push(issue(`${path}[${k}].command`, `unknown command type ${quote(x.command)}`, suggest(x.command, commandTypes, 'command types')));
    return { id: x.id, description: x.description, command: x.command ?? null, withinMs: (x.within !== undefined ? parseDuration(x.within) : null) ?? HOUR };
  });
}

export function compileDecisions(
  list: NonNullable<Scenario['decisions']>,
  ctx: { injectIds: readonly string[]; durationMs: number },
  issues: ScenarioIssue[],
  check: (c: ScenarioCommand, path: string) => void,
): DecisionSpec[] {
  const seen = new Set<string>();
  return list.map((d, i) => {
    const path = `decisions[${i}]`;
    if (seen.has(d.id)) issues.push(issue(`${path}.id`, `decision id ${quote(d.id)} is used twice`, 'give each decision its own id'));
    seen.add(d.id);
    if (d.afterInject !== undefined && !ctx.injectIds.includes(d.afterInject))
      issues.push(issue(`${path}.afterInject`, `unknown inject ${quote(d.afterInject)}`, suggest(d.afterInject, ctx.injectIds, 'injects')));
    if ([d.at, d.afterInject, d.afterEvent].filter((x) => x !== undefined).length > 1)
      issues.push(issue(`${path}.at`, 'give one of "at", "afterInject" and "afterEvent"', 'a decision opens once'));
    const atMs = d.at !== undefined ? parseDuration(d.at) : null;
    if (atMs !== null && atMs > ctx.durationMs)
      issues.push(issue(`${path}.at`, `opens at ${d.at}, after the scenario ends`, 'move it earlier or lengthen "duration"'));
    const ids = new Set<string>();
    d.options.forEach((o, k) => {
      if (ids.has(o.id)) issues.push(issue(`${path}.options[${k}].id`, `option id ${quote(o.id)} is used twice`, 'give each option its own id'));
      ids.add(o.id);
      o.commands.forEach((c, j) => check(c, `${path}.options[${k}].commands[${j}]`));
    });
    return {
      id: d.id,
      title: d.title,
      prompt: d.prompt ?? '',
      atMs,
      afterInject: d.afterInject ?? null,
      afterEvent: d.afterEvent ?? null,
      budgetMs: (d.budget !== undefined ? parseDuration(d.budget) : null) ?? 15 * MINUTE,
      options: d.options.map((o) => ({ id: o.id, label: o.label, commands: o.commands as Command[], recommended: o.recommended ?? false })),
    };
  });
}

export function compileBriefing(
  list: NonNullable<Scenario['briefing']>,
  ctx: { assetIds: ReadonlySet<string>; durationMs: number },
  issues: ScenarioIssue[],
): BriefingStep[] {
  return list.map((b, i) => {
    const path = `briefing[${i}]`;
    if (b.asset !== undefined && !ctx.assetIds.has(b.asset))
      issues.push(issue(`${path}.asset`, `unknown asset ${quote(b.asset)}`, suggest(b.asset, [...ctx.assetIds], 'asset ids')));
    if (b.asset !== undefined && b.point !== undefined)
      issues.push(issue(`${path}.point`, 'give either "asset" or "point", not both', 'the view centres on one place'));
    const atMs = b.at !== undefined ? parseDuration(b.at) : null;
    if (atMs !== null && atMs > ctx.durationMs)
      issues.push(issue(`${path}.at`, `${b.at} is after the scenario ends`, 'move it earlier or lengthen "duration"'));
    const focus = b.asset !== undefined ? { asset: b.asset } : b.point !== undefined ? { point: b.point, distanceM: b.distanceM ?? 1500 } : null;
    return {
      title: b.title,
      text: b.text,
      focus,
      layers: b.layers ?? null,
      atMs,
      ...(b.sweep ? { sweep: { results: b.sweep.results, figure: b.sweep.figure ?? null } } : {}),
    };
  });
}
