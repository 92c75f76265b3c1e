/**
 * Scenarios a user opens in the browser ("Open your own…"): a scenario file with the files it
 * references, or an OpenStreetMap extract alone, imported as `twin import osm` does
 * (scenario/osm-import.ts). Checked with the loader `twin validate` uses, so the messages are the
 * same; a referenced file that was not chosen is named, with what to do. The page keeps what
 * passes in IndexedDB and hands it back here (text and files) under its name, "own:ID".
 */
import { loadScenarioText, quote, type ReadFile, type ScenarioIssue } from '../scenario';
import { issue } from '../scenario/issues';
import { importOsm } from '../scenario/osm-import';

/** Files by the name the user chose them under (no folders: a file picker gives names only). */
export type OwnFiles = Readonly<Record<string, string>>;

export type OwnCheck =
  | {
      readonly ok: true;
      /** The scenario's text: the user's file, or the one written for an extract. */
      readonly text: string;
      readonly title: string;
      /** The data files the scenario reads (the rest of what was chosen is dropped). */
      readonly files: OwnFiles;
      /** For an extract: what the town holds, a line each, as the command line prints it. */
      readonly report: readonly string[];
    }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

const baseName = (p: string) => p.replace(/\\/g, '/').replace(/^.*\//, '');

/**
 * Reads a referenced file from those chosen, by its name (the folders in the scenario's path
 * cannot be known from a file picker); records what was asked for and what was not there.
 */
export function ownReader(files: OwnFiles): { readFile: ReadFile; used: Set<string>; missing: Set<string> } {
  const used = new Set<string>();
  const missing = new Set<string>();
  const readFile: ReadFile = (relPath) => {
    const name = baseName(relPath);
    const text = files[name];
    if (text !== undefined) {
      used.add(name);
      return text;
    }
    missing.add(name);
    return {
      refused: 'it was not among the files you opened',
      hint: `choose ${quote(name)} together with the scenario file (Open your own… takes several files at once)`,
    };
  };
  return { readFile, used, missing };
}

/** Checks what the user chose and, when it loads, says what to keep. */
export function checkOwn(files: OwnFiles): OwnCheck {
  const names = Object.keys(files).sort();
  const scenarios = names.filter((n) => /\.json$/i.test(n));
  const extracts = names.filter((n) => /\.osm$/i.test(n));
  if (scenarios.length === 0 && extracts.length === 1) return importExtract(extracts[0]!, files[extracts[0]!]!);
  if (scenarios.length !== 1) {
    const what =
      names.length === 0
        ? 'no files were chosen'
        : scenarios.length === 0
          ? `no scenario file among ${names.map((n) => quote(n)).join(', ')}`
          : `${scenarios.length} scenario files (${scenarios.map((n) => quote(n)).join(', ')})`;
    return {
      ok: false,
      issues: [issue('(files)', what, 'choose one scenario file (.json) with the files it references, or one OpenStreetMap extract (.osm) alone')],
    };
  }
  const fileName = scenarios[0]!;
  const text = files[fileName]!;
  const reader = ownReader(files);
  const r = loadScenarioText(text, { fileName, readFile: reader.readFile });
  if (!r.ok) {
    const missing = [...reader.missing].sort();
    const head =
      missing.length > 0
        ? [
            issue(
              '(files)',
              `${missing.length === 1 ? 'a file the scenario references is' : 'files the scenario references are'} missing: ${missing.map((n) => quote(n)).join(', ')}`,
              'open the scenario again and choose these files with it',
            ),
          ]
        : [];
    return { ok: false, issues: [...head, ...r.issues] };
  }
  const kept: Record<string, string> = {};
  for (const n of [...reader.used].sort()) kept[n] = files[n]!;
  return { ok: true, text, title: r.meta.title, files: kept, report: [] };
}

function importExtract(fileName: string, text: string): OwnCheck {
  const r = importOsm(text, { fileName, osmPath: fileName, name: fileName.replace(/\.osm$/i, '') });
  if (!r.ok) return { ok: false, issues: r.issues };
  return { ok: true, text: `${JSON.stringify(r.scenario, null, 2)}\n`, title: r.loaded.meta.title, files: { [fileName]: text }, report: r.report };
}
