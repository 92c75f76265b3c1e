/**
 * `twin report SESSION.json [--out report.html] [--format html|md|json] [--allow-outside]`: rebuilds
 * a saved session (scenario + seed + command log) and writes its after-action report. The format
 * follows the --out extension unless --format says otherwise; without --out the report goes to
 * stdout. A session is often received from someone else, so what it names is read with care: a
 * scenario file only from the session's folder, a shipped scenario only from the twin's own.
 */
import { dirname, extname, resolve } from 'node:path';
import { afterActionHtml, afterActionMarkdown, buildAfterAction, createSimulation, type LoggedCommand, type Command } from '../sim';
import { loadScenarioText, parseSession, quote, type LoadResult } from '../scenario';
import { checkOutput, printIssues, referencedFiles, SCENARIOS, writeOutput, type FileAccess } from './files';
import { readTextFile } from './safe-read';
import { UsageError, parseArgs } from './args';

export function reportCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const { positionals, options } = parseArgs(argv, ['out', 'format'], ['allow-outside']);
  if (positionals.length !== 1) throw new UsageError('report needs exactly one session file');
  const fromExt = options.out
    ? ({ '.html': 'html', '.htm': 'html', '.md': 'md', '.json': 'json' } as Record<string, string>)[extname(options.out).toLowerCase()]
    : undefined;
  const format = options.format ?? fromExt ?? 'html';
  if (!['html', 'md', 'json'].includes(format)) throw new UsageError(`--format must be html, md or json, not ${quote(format)}`);
  if (options.out) checkOutput(options.out);
  const access: FileAccess = { allowOutside: options['allow-outside'] === 'true' };
  const file = positionals[0]!;
  const read = readTextFile(file, { roots: [] });
  if (!read.ok) {
    err(`${file}: cannot read it: ${read.why} (${read.hint})`);
    return 1;
  }
  const parsed = parseSession(read.text);
  if (!parsed.ok) {
    printIssues(file, parsed.issues, err);
    return 1;
  }
  const s = parsed.session;
  const loaded = loadSessionScenario(s.scenario, dirname(resolve(file)), access);
  if (!loaded.ok) {
    printIssues(file, loaded.issues, err, 'scenario: ');
    return 1;
  }
  const commands: LoggedCommand[] = s.commands.map((c) => ({ tMs: c.tMs, command: c.command as Command }));
  const sim = createSimulation(loaded.input, { seed: s.seed, commands });
  sim.runUntil(Math.max(s.untilMs, commands[commands.length - 1]?.tMs ?? 0));
  const report = buildAfterAction(sim, loaded.meta);
  const body = format === 'html' ? afterActionHtml(report) : format === 'md' ? afterActionMarkdown(report) : `${JSON.stringify(report, null, 2)}\n`;
  if (options.out) {
    writeOutput(options.out, body);
    err(`wrote ${options.out}`);
  } else out(body);
  return 0;
}

/**
 * The session's scenario: its own text (whose files resolve from the shipped scenarios, as in the
 * browser), a file beside the session, or a shipped scenario by name.
 */
function loadSessionScenario(sc: { name?: string; file?: string; text?: string }, sessionFolder: string, access: FileAccess): LoadResult {
  if (sc.text !== undefined) return loadScenarioText(sc.text, { fileName: 'scenario.text', readFile: referencedFiles(SCENARIOS, access) });
  const [field, name, path, roots, rootsName] =
    sc.file !== undefined
      ? (['file', sc.file, resolve(sessionFolder, sc.file), [sessionFolder], `the session's folder (${sessionFolder})`] as const)
      : (['name', sc.name ?? '', resolve(SCENARIOS, `${sc.name ?? ''}.json`), [SCENARIOS], "the twin's scenarios folder"] as const);
  const r = readTextFile(path, { roots, rootsName, allowOutside: access.allowOutside });
  if (!r.ok) return { ok: false, issues: [{ path: field, message: `cannot read ${quote(name)}: ${r.why}`, hint: r.hint }] };
  return loadScenarioText(r.text, { fileName: field, readFile: referencedFiles(dirname(path), access) });
}
