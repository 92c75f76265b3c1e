/**
 * `twin report SESSION.json [--out report.html] [--format html|md|json]`: rebuilds a saved session
 * (scenario + seed + command log) and writes its after-action report. The format follows the
 * --out extension unless --format says otherwise; without --out the report goes to stdout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterActionHtml, afterActionMarkdown, buildAfterAction, createSimulation, type LoggedCommand, type Command } from '../sim';
import { formatIssue, parseSession, quote, type LoadResult } from '../scenario';
import { loadScenarioFile } from './files';
import { loadScenarioText } from '../scenario';
import { UsageError, parseArgs } from './args';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export function reportCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const { positionals, options } = parseArgs(argv, ['out', 'format']);
  if (positionals.length !== 1) throw new UsageError('report needs exactly one session file');
  const fromExt = options.out ? ({ '.html': 'html', '.htm': 'html', '.md': 'md', '.json': 'json' } as Record<string, string>)[extname(options.out).toLowerCase()] : undefined;
  const format = options.format ?? fromExt ?? 'html';
  if (!['html', 'md', 'json'].includes(format)) throw new UsageError(`--format must be html, md or json, not ${quote(format)}`);
  const file = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    err(`${file}: (file): cannot read it (check the path)`);
    return 1;
  }
  const parsed = parseSession(text);
  if (!parsed.ok) {
    for (const i of parsed.issues) err(`${file}: ${formatIssue(i)}`);
    return 1;
  }
  const s = parsed.session;
  const base = dirname(resolve(file));
  const loaded: LoadResult =
    s.scenario.text !== undefined
      ? loadScenarioText(s.scenario.text, { fileName: 'scenario.text', readFile: (rel) => safeRead(resolve(SCENARIOS, rel)) })
      : s.scenario.file !== undefined
        ? loadScenarioFile(resolve(base, s.scenario.file))
        : loadScenarioFile(resolve(SCENARIOS, `${s.scenario.name}.json`));
  if (!loaded.ok) {
    for (const i of loaded.issues) err(`${file}: scenario: ${formatIssue(i)}`);
    return 1;
  }
  const commands: LoggedCommand[] = s.commands.map((c) => ({ tMs: c.tMs, command: c.command as Command }));
  const sim = createSimulation(loaded.input, { seed: s.seed, commands });
  sim.runUntil(Math.max(s.untilMs, commands[commands.length - 1]?.tMs ?? 0));
  const report = buildAfterAction(sim, loaded.meta);
  const body = format === 'html' ? afterActionHtml(report) : format === 'md' ? afterActionMarkdown(report) : `${JSON.stringify(report, null, 2)}\n`;
  if (options.out) {
    writeFileSync(options.out, body);
    err(`wrote ${options.out}`);
  } else out(body);
  return 0;
}

function safeRead(p: string): string | null {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return null;
  }
}
