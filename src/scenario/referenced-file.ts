/**
 * Files a scenario names (an OSM extract, an EPANET .inp and .cpa, a MATPOWER case, a camera
 * register), read through the loader's `readFile`. Whoever supplies `readFile` decides what may be
 * read — the command line keeps to the scenario's folder, regular files and a size cap — and may
 * say why it refused; every section reports that the same way, naming the field and the file.
 */
import { issue, quote, type ScenarioIssue } from './issues';

/** A reader's refusal: why, in words that never show the file's contents, and what to do. */
export interface FileRefusal {
  readonly refused: string;
  readonly hint: string;
}

/**
 * Reads a file the scenario references, relative to the scenario's own location: its text, null
 * when there is no such file, or a refusal.
 */
export type ReadFile = (relPath: string) => string | FileRefusal | null;

/** The text of `file` (named at `path` in the scenario), or null with an issue saying why not. */
export function readReferenced(
  file: string,
  path: string,
  readFile: ReadFile | undefined,
  issues: ScenarioIssue[],
  whereHint = "check the path; it is resolved from the scenario file's own folder",
): string | null {
  if (!readFile) {
    issues.push(
      issue(
        path,
        `cannot open ${quote(file)} here`,
        'files a scenario references can be read when it is loaded from a file (the twin command, or a bundled scenario)',
      ),
    );
    return null;
  }
  const r = readFile(file);
  if (r === null) {
    issues.push(issue(path, `cannot read ${quote(file)}`, whereHint));
    return null;
  }
  if (typeof r !== 'string') {
    issues.push(issue(path, `cannot read ${quote(file)}: ${r.refused}`, r.hint));
    return null;
  }
  return r;
}
