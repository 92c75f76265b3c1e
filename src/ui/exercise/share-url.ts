/**
 * A shareable address for a moment of a run: ?scenario=NAME&seed=N&t=SECONDS, and for logs small
 * enough, the command log deflated and base64url-encoded in the hash (#log=...), so the link
 * opens the same run at the same moment. Pure functions (CompressionStream is in browsers and Node).
 */
import type { LoggedCommand } from '../../sim';

/** Longest hash we put in an address; longer logs are left out (export the session file instead). */
export const MAX_HASH_CHARS = 6000;

export interface ShareTarget {
  readonly scenario: string;
  readonly seed: number;
  readonly tMs: number;
  readonly commands: readonly LoggedCommand[] | null;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export async function encodeLog(commands: readonly LoggedCommand[]): Promise<string> {
  const json = JSON.stringify(commands.map((c) => [c.tMs, c.command]));
  return toBase64Url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

export async function decodeLog(encoded: string): Promise<LoggedCommand[]> {
  const json = new TextDecoder().decode(await pipe(fromBase64Url(encoded), new DecompressionStream('deflate-raw')));
  const rows = JSON.parse(json) as unknown;
  if (!Array.isArray(rows)) throw new Error('the link\'s command log is not a list');
  return rows.map((r) => {
    if (!Array.isArray(r) || typeof r[0] !== 'number' || typeof r[1] !== 'object' || r[1] === null) throw new Error('the link\'s command log is damaged');
    return { tMs: r[0], command: r[1] } as LoggedCommand;
  });
}

/** The address (path + query + hash) for a moment of a run; `logOmitted` when the log was too long for it. */
export async function shareAddress(base: string, t: ShareTarget): Promise<{ url: string; logOmitted: boolean }> {
  const q = new URLSearchParams({ scenario: t.scenario, seed: String(t.seed), t: String(Math.floor(t.tMs / 1000)) });
  let hash = '';
  let logOmitted = false;
  if (t.commands && t.commands.length > 0) {
    const enc = await encodeLog(t.commands);
    if (enc.length <= MAX_HASH_CHARS) hash = `#log=${enc}`;
    else logOmitted = true;
  }
  return { url: `${base}?${q.toString()}${hash}`, logOmitted };
}

/** Reads a shared moment from an address, or null when it names no time. */
export async function parseShare(search: string, hash: string): Promise<{ tMs: number; commands: LoggedCommand[] } | null> {
  const t = new URLSearchParams(search).get('t');
  if (t === null || !/^\d{1,7}$/.test(t.trim())) return null;
  const m = /(?:^#|&)log=([A-Za-z0-9_-]+)/.exec(hash);
  return { tMs: Number(t.trim()) * 1000, commands: m ? await decodeLog(m[1]!) : [] };
}

/** The session-file JSON a shared link stands for (the worker loads it like an imported file). */
export function shareSessionJson(scenario: string, seed: number | undefined, tMs: number, commands: readonly LoggedCommand[]): string {
  return JSON.stringify({
    version: 1,
    kind: 'citytwin-session',
    scenario: { name: scenario },
    seed: seed ?? 0,
    untilMs: tMs,
    commands: commands.map((c) => ({ tMs: c.tMs, command: c.command })),
  });
}
