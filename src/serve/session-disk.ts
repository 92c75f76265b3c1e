/**
 * Hosted sessions on the server's disk (`twin serve --data DIR`, default ./sessions): one folder
 * per session holding meta.json (scenario, join code, seat tokens), log.jsonl (the ordered command
 * log, one entry a line, appended), clock.json (where the clock is) and audit.jsonl (refused
 * messages and seat changes). Whole files are replaced by rename, so a crash leaves the old or the
 * new one, never half; a log line cut short by a crash is dropped on reading (it was never sent).
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entrySchema, type LogEntry } from '../hosted/protocol';
import type { SavedClock, SessionMeta, SessionStore } from './session';

const ID_RE = /^[a-z0-9x]{1,64}$/;

function writeWhole(path: string, data: unknown): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(data, null, 1)}\n`);
  renameSync(tmp, path);
}

export function diskStore(dataDir: string, id: string): SessionStore {
  const dir = join(dataDir, id);
  mkdirSync(dir, { recursive: true });
  return {
    saveMeta: (meta) => writeWhole(join(dir, 'meta.json'), meta),
    appendEntry: (entry) => appendFileSync(join(dir, 'log.jsonl'), `${JSON.stringify(entry)}\n`),
    saveClock: (clock) => writeWhole(join(dir, 'clock.json'), clock),
    audit: (line) => appendFileSync(join(dir, 'audit.jsonl'), `${JSON.stringify({ at: new Date().toISOString(), ...line })}\n`),
  };
}

export interface StoredSession {
  readonly meta: SessionMeta;
  readonly log: LogEntry[];
  readonly clock: SavedClock | null;
}

/** Every session under `dataDir`; a folder that cannot be read is reported, not fatal. */
export function readSessions(dataDir: string, warn: (s: string) => void): StoredSession[] {
  if (!existsSync(dataDir)) return [];
  const out: StoredSession[] = [];
  for (const id of readdirSync(dataDir).sort()) {
    if (!ID_RE.test(id)) continue;
    const dir = join(dataDir, id);
    try {
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as SessionMeta;
      const log: LogEntry[] = [];
      const logPath = join(dir, 'log.jsonl');
      if (existsSync(logPath)) {
        for (const line of readFileSync(logPath, 'utf8').split('\n')) {
          if (!line.trim()) continue;
          let raw: unknown;
          try {
            raw = JSON.parse(line);
          } catch {
            warn(`session ${id}: dropped a log line cut short (${line.length} bytes)`);
            continue;
          }
          const e = entrySchema.safeParse(raw);
          if (!e.success || e.data.seq !== log.length + 1) throw new Error(`log.jsonl entry ${log.length + 1} is not valid`);
          log.push(e.data);
        }
      }
      const clockPath = join(dir, 'clock.json');
      const clock = existsSync(clockPath) ? (JSON.parse(readFileSync(clockPath, 'utf8')) as SavedClock) : null;
      out.push({ meta, log, clock });
    } catch (e) {
      warn(`session ${id} in ${dir} could not be read and is left out: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out;
}
