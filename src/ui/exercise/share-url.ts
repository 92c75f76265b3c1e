/**
 * A shareable address for a moment of a run: ?scenario=NAME&seed=N&t=SECONDS, and for logs small
 * enough, the command log deflated and base64url-encoded in the hash (#log=...), so the link
 * opens the same run at the same moment. Pure functions (CompressionStream is in browsers and Node).
 */
import type { LoggedCommand } from '../../sim';

/** Longest hash we put in an address; longer logs are left out (export the session file instead). */
export const MAX_HASH_CHARS = 6000;
/** Longest #log= a link may carry: what the twin makes, with room to spare. Longer ones are refused unread. */
export const MAX_LINK_LOG_CHARS = 8000;
/** Most bytes a link's log may unpack to (ours unpack to a few tens of kB): inflation stops there. */
export const MAX_LOG_BYTES = 1_000_000;
/** Most commands a link's log may hold. */
export const MAX_LOG_COMMANDS = 10_000;

/** A link that was not opened, with a message for people (no stack, no internals). */
export class ShareLinkError extends Error {}

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

/** Inflates a stream chunk by chunk, giving up (and cancelling the rest) once the output passes `cap` bytes. */
async function inflateCapped(bytes: Uint8Array, cap: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) {
        void reader.cancel().catch(() => undefined);
        throw new ShareLinkError(
          `the link's command log unpacks to more than ${Math.round(cap / 1_000_000)} MB, far more than a link the twin makes holds; it was not opened`,
        );
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw new ShareLinkError("the link's command log is damaged (it may have been cut short when it was copied)");
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Reads a link's command log; a log too long, too large unpacked or damaged is refused with a plain message. */
export async function decodeLog(encoded: string): Promise<LoggedCommand[]> {
  if (encoded.length > MAX_LINK_LOG_CHARS)
    throw new ShareLinkError(
      `the link's command log is ${encoded.length.toLocaleString('en-GB')} characters long, more than the ${MAX_LINK_LOG_CHARS.toLocaleString('en-GB')} a link the twin makes can hold; it was not opened (use an exported session file instead)`,
    );
  let rows: unknown;
  try {
    rows = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await inflateCapped(fromBase64Url(encoded), MAX_LOG_BYTES)));
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw new ShareLinkError("the link's command log is damaged (it may have been cut short when it was copied)");
  }
  if (!Array.isArray(rows)) throw new ShareLinkError("the link's command log is not a list of commands");
  if (rows.length > MAX_LOG_COMMANDS)
    throw new ShareLinkError(
      `the link's command log holds ${rows.length.toLocaleString('en-GB')} commands, more than ${MAX_LOG_COMMANDS.toLocaleString('en-GB')}; it was not opened`,
    );
  return rows.map((r) => {
    if (!Array.isArray(r) || typeof r[0] !== 'number' || !Number.isFinite(r[0]) || r[0] < 0 || typeof r[1] !== 'object' || r[1] === null || Array.isArray(r[1]))
      throw new ShareLinkError("the link's command log is damaged");
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
  const m = /(?:^#|&)log=([^&]*)/.exec(hash);
  if (m && !/^[A-Za-z0-9_-]*$/.test(m[1]!)) throw new ShareLinkError("the link's command log is damaged (it has characters a link the twin makes never has)");
  return { tMs: Number(t.trim()) * 1000, commands: m && m[1] ? await decodeLog(m[1]) : [] };
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
