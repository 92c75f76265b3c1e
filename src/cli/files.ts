/**
 * The command line's files: scenarios read from disk with the files they reference resolved
 * relative to them (and kept to their folder: see safe-read.ts), problems printed one a line with
 * the file named once, and reports written where --out says.
 */
import { statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue, loadScenarioText, type LoadResult, type ReadFile, type ScenarioIssue } from '../scenario';
import { UserError } from './args';
import { isInside, readTextFile, type ReadPolicy } from './safe-read';

/** The shipped scenarios. */
export const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** Where a shipped scenario's data may also come from: the project's assets (OSM, EPANET files; see assets/README.md). */
const SHIPPED_DATA = [fileURLToPath(new URL('../../assets/', import.meta.url))];

export interface FileAccess {
  /** --allow-outside: files a scenario or session names may lie outside its folder. */
  readonly allowOutside: boolean;
}

/**
 * Reads the files a scenario in `folder` references: inside that folder (for a shipped scenario,
 * the twin's data folders too) unless access allows more; regular files under the size cap only.
 */
export function referencedFiles(folder: string, access: FileAccess): ReadFile {
  const shipped = isInside(resolve(folder), resolve(SCENARIOS));
  const policy: ReadPolicy = {
    roots: shipped ? [folder, ...SHIPPED_DATA] : [folder],
    rootsName: shipped ? "the scenario's folder and the twin's data folders" : `the scenario's folder (${folder})`,
    allowOutside: access.allowOutside,
  };
  return (rel) => {
    const r = readTextFile(resolve(folder, rel), policy);
    if (r.ok) return r.text;
    // A missing file gets the section's own hint (where C-Town lives, say).
    return r.missing ? null : { refused: r.why, hint: r.hint };
  };
}

/**
 * Loads a scenario file. The file itself may be anywhere unless `confine` says otherwise (a
 * session's scenario stays in the session's folder); the files it references stay in its folder.
 */
export function loadScenarioFile(path: string, access: FileAccess = { allowOutside: false }, confine?: Pick<ReadPolicy, 'roots' | 'rootsName'>): LoadResult {
  const r = readTextFile(path, {
    roots: confine?.roots ?? [],
    ...(confine?.rootsName ? { rootsName: confine.rootsName } : {}),
    allowOutside: access.allowOutside,
  });
  if (!r.ok) return { ok: false, issues: [{ path: '(file)', message: `cannot read it: ${r.why}`, hint: r.hint }] };
  return loadScenarioText(r.text, { fileName: path, readFile: referencedFiles(dirname(resolve(path)), access) });
}

/** One line per problem, `FILE: path: message (hint)`; a problem with the whole file names the file once. */
export function printIssues(file: string, issues: readonly ScenarioIssue[], err: (s: string) => void, prefix = ''): void {
  for (const i of issues) {
    const whole = i.path === file || i.path === '(file)' || i.path === '(session file)';
    err(`${file}: ${prefix}${whole ? `${i.message}${i.hint ? ` (${i.hint})` : ''}` : formatIssue(i)}`);
  }
}

/** Refuses an --out whose folder is missing before any work is done, rather than after a long run. */
export function checkOutput(path: string): void {
  const folder = dirname(resolve(path));
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new UserError(`cannot write ${path}: the folder ${folder} does not exist (create it first, or choose another --out)`);
  }
  if (!isFolder) throw new UserError(`cannot write ${path}: ${folder} is not a folder (choose another --out)`);
}

/** Writes a report; a failure is the user's to fix (a missing folder, no permission), said plainly. */
export function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const folder = dirname(resolve(path));
    const why =
      code === 'ENOENT'
        ? `the folder ${folder} does not exist (create it first, or choose another --out)`
        : code === 'ENOTDIR'
          ? `${folder} is not a folder (choose another --out)`
          : code === 'EISDIR'
            ? 'it is a folder (name a file inside it)'
            : code === 'EACCES' || code === 'EPERM'
              ? 'permission denied (choose a folder you can write to)'
              : code === 'ENOSPC'
                ? 'the disk is full'
                : code === 'EROFS'
                  ? 'the file system is read-only (choose another --out)'
                  : `the system refused (${code ?? String(e)})`;
    throw new UserError(`cannot write ${path}: ${why}`);
  }
}
