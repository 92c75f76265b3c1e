/**
 * `twin serve [--port 8080] [--data DIR] [--dist DIR] [--host ADDR]`: serves the built app and
 * hosts exercises (src/serve). Scenarios are the shipped ones, compiled here so the host knows the
 * seats, the decisions and what a well-formed command is.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatIssue, quote } from '../scenario';
import { commandSchema } from '../scenario/command-schema';
import { startServer, type RunningServer } from '../serve/server';
import type { ScenarioInfo } from '../serve/session';
import { UsageError, UserError, parseArgs } from './args';
import { SCENARIOS, loadScenarioFile } from './files';

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;

/** A shipped scenario as the host needs it, or why it cannot be hosted. */
export function scenarioInfo(name: string, seed: number | undefined): ScenarioInfo | string {
  const file = join(SCENARIOS, `${name}.json`);
  if (!NAME_RE.test(name) || name.endsWith('.schema') || !existsSync(file)) return `there is no shipped scenario named ${quote(name)} (see scenarios/)`;
  const r = loadScenarioFile(file);
  if (!r.ok) return `${name}.json has problems: ${r.issues.slice(0, 3).map(formatIssue).join('; ')}`;
  const input = r.input;
  return {
    scenario: name,
    title: input.title,
    seed: seed ?? input.seed,
    durationMs: input.durationMs,
    seats: input.seats ?? [],
    decisions: (input.decisions ?? []).map((d) => ({ id: d.id, title: d.title, seat: d.seat ?? null })),
    checkCommand: (c) => {
      const p = commandSchema.safeParse(c);
      if (p.success) return null;
      const i = p.error.issues[0]!;
      return `${['command', ...i.path].join('.')}: ${i.message}`;
    },
  };
}

export async function serveCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, ['port', 'data', 'dist', 'host']);
  if (positionals.length > 0) throw new UsageError(`twin serve takes no file (got ${quote(positionals[0]!)})`);
  const port = options.port === undefined ? 8080 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535, not ${quote(options.port ?? '')}`);
  const distDir = resolve(options.dist ?? 'dist');
  if (!existsSync(join(distDir, 'index.html')))
    throw new UserError(`${distDir} holds no built app: run \`npm run build\` first (or \`npm run serve\`, which builds and serves)`);
  const dataDir = resolve(options.data ?? 'sessions');
  let server: RunningServer;
  try {
    server = await startServer({ port, distDir, dataDir, scenarioInfo, log: err, ...(options.host ? { host: options.host } : {}) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`port ${port} is in use: choose another with --port`);
    throw e;
  }
  out(`citytwin serving ${distDir} on http://localhost:${server.port}/ (sessions in ${dataDir})`);
  out('Open it, choose "Host this exercise", and give players the join link and code.');
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
