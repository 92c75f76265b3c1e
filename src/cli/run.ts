/**
 * `twin run FILE [--until DURATION] [--seed N] [--format json|md] [--out PATH] [--tripinfo PATH] [--allow-outside]`:
 * runs a scenario headless and writes a report (and, for SUMO demand, SUMO's tripinfo XML). Progress goes to stderr, so stdout holds only the report.
 */
import { buildReport, createSimulation, formatClock, parseDuration, MINUTE } from '../sim';
import { quote } from '../scenario';
import { setPrivacyClock } from '../sim/analysis';
import { checkOutput, loadScenarioFile, printIssues, writeOutput } from './files';
import { UsageError, parseArgs } from './args';
import { renderMarkdown } from './markdown';

export function runCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const { positionals, options } = parseArgs(argv, ['until', 'seed', 'format', 'out', 'tripinfo'], ['allow-outside']);
  if (positionals.length !== 1) throw new UsageError('run needs exactly one scenario file');
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'md') throw new UsageError(`--format must be json or md, not ${quote(format)}`);
  let seed: number | undefined;
  if (options.seed !== undefined) {
    if (!/^\d+$/.test(options.seed) || Number(options.seed) > 4294967295)
      throw new UsageError(`--seed must be a whole number from 0 to 4294967295, not ${quote(options.seed)}`);
    seed = Number(options.seed);
  }
  let untilMs: number | undefined;
  if (options.until !== undefined) {
    const d = parseDuration(options.until);
    if (d === null || d <= 0) throw new UsageError(`--until must be a duration such as 90s, 30m, 6h or 2d, not ${quote(options.until)}`);
    untilMs = d;
  }

  if (options.out) checkOutput(options.out);
  if (options.tripinfo) checkOutput(options.tripinfo);

  const file = positionals[0]!;
  const r = loadScenarioFile(file, { allowOutside: options['allow-outside'] === 'true' });
  if (!r.ok) {
    printIssues(file, r.issues, err);
    return 1;
  }
  // The privacy analysis reports its stages' wall time (the simulation itself never reads a clock).
  setPrivacyClock(() => performance.now());
  const sim = createSimulation(r.input, seed !== undefined ? { seed } : {});
  const end = untilMs ?? r.input.durationMs;
  if (options.tripinfo && !r.input.traffic?.trips) {
    err('--tripinfo needs demand listed trip by trip: "traffic": { "sumo": { "net": "…", "routes": "…" } }');
    return 1;
  }
  const t0 = performance.now();
  let lastProgress = t0;
  const chunk = 10 * MINUTE;
  while (sim.nowMs < end) {
    sim.runUntil(Math.min(end, sim.nowMs + chunk));
    const now = performance.now();
    if (now - lastProgress > 1000) {
      err(`simulated ${formatClock(sim.nowMs)} of ${formatClock(end)}`);
      lastProgress = now;
    }
  }
  const wallS = (performance.now() - t0) / 1000;
  if (options.tripinfo) {
    writeOutput(options.tripinfo, sim.traffic!.tripinfoXml()!);
    err(`wrote ${options.tripinfo}`);
  }
  const report = buildReport(sim, wallS);
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderMarkdown(report);
  if (options.out) {
    writeOutput(options.out, text);
    err(`wrote ${options.out}`);
  } else out(text);
  return 0;
}
