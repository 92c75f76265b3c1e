/**
 * Reading a file the twin was pointed at, safely. A received session names files, and so does a
 * scenario (OSM, .inp, .cpa, .m, camera registers); `twin report` used to follow a "../" name or a
 * symlink to /etc/passwd, read /dev/zero until memory ran out, and wait for ever on a FIFO. So:
 *
 * - only a regular file is read: a folder, FIFO, device or socket is refused. The file is opened
 *   non-blocking (a FIFO cannot stall the open) and checked on the open descriptor (fstat), so it
 *   cannot be swapped for something else between the check and the read;
 * - it must lie inside one of the allowed folders once symlinks are resolved (realpath), unless
 *   the user said --allow-outside;
 * - it is read only up to a size cap, checked before reading and again while reading;
 * - a refusal says why and what to do, and never shows what the file holds.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** The most the twin reads of one file: well above a city's OSM extract, far below running out of memory. */
export const MAX_FILE_BYTES = 100_000_000;

export interface ReadPolicy {
  /** Folders the file must be in (symlinks resolved); none means anywhere. */
  readonly roots: readonly string[];
  /** What the roots are, for the message: "the scenario's folder". */
  readonly rootsName?: string;
  /** --allow-outside: read files outside the roots too (still regular files, still capped). */
  readonly allowOutside?: boolean;
  readonly maxBytes?: number;
}

/** The text, or why not; `missing` when there is simply no such file. */
export type ReadOutcome = { ok: true; text: string } | { ok: false; why: string; hint: string; missing?: boolean };

const refuse = (why: string, hint: string): ReadOutcome => ({ ok: false, why, hint });

/** A limit as people write it ("100 MB"), or in bytes where that would round. */
const limit = (n: number) => (n % 1e6 === 0 ? `${(n / 1e6).toLocaleString('en-GB')} MB` : `${n.toLocaleString('en-GB')}-byte`);

/** Whether `path` (already resolved) is `root` or inside it. */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of a folder, or the folder as given when it does not exist (then nothing is inside it). */
function realFolder(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export function readTextFile(path: string, policy: ReadPolicy): ReadOutcome {
  const max = policy.maxBytes ?? MAX_FILE_BYTES;
  const confined = !policy.allowOutside && policy.roots.length > 0;
  const outside = () =>
    refuse(
      `it is outside ${policy.rootsName ?? 'the folders the twin reads from'}`,
      'move it beside the file that names it, or pass --allow-outside to read it anyway',
    );
  // By name first, so nothing outside is even looked at (not whether it exists); then, below, by
  // where its symlinks really lead.
  if (confined && !policy.roots.some((r) => isInside(resolve(path), resolve(r)))) return outside();
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    return refusedByOs(e);
  }
  if (confined && !policy.roots.some((r) => isInside(real, realFolder(r)))) return outside();
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. O_NOFOLLOW: the
    // path is already real, so a symlink here was put there after realpath.
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    return refusedByOs(e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return refuse('it is a folder, not a file', 'name a file inside it');
    if (!st.isFile()) return refuse('it is not a regular file (a FIFO, device or socket)', 'name an ordinary file');
    if (st.size > max)
      return refuse(
        `it is ${st.size.toLocaleString('en-GB')} bytes, over the ${limit(max)} limit for a file the twin reads`,
        'use a smaller file (for OSM, export a smaller area)',
      );
    // Read to the cap plus one byte, whatever fstat said: a file that grows while it is read is
    // refused too, rather than read without end.
    const chunks: Buffer[] = [];
    let n = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - n));
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      chunks.push(got === chunk.length ? chunk : chunk.subarray(0, got));
      n += got;
      if (n > max)
        return refuse(`it grew past the ${limit(max)} limit for a file the twin reads while it was read`, 'use a smaller file that is not being written to');
    }
    return { ok: true, text: Buffer.concat(chunks, n).toString('utf8') };
  } catch (e) {
    return refusedByOs(e);
  } finally {
    closeSync(fd);
  }
}

function refusedByOs(e: unknown): ReadOutcome {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { ok: false, why: 'there is no such file', hint: 'check the path', missing: true };
    case 'EACCES':
    case 'EPERM':
      return refuse('permission denied', 'check the file can be read by you');
    case 'ELOOP':
      return refuse('it is a symbolic link that loops or changed while being opened', 'name the file itself');
    case 'EISDIR':
      return refuse('it is a folder, not a file', 'name a file inside it');
    default:
      return refuse(`the system refused (${code ?? 'unknown error'})`, 'check the path');
  }
}
