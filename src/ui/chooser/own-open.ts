/**
 * Opening the user's own files: read them as text, have the worker check them as `twin validate`
 * would (or import an .osm extract as `twin import osm` does), keep what passes in IndexedDB and
 * open it as ?scenario=own:ID. At start-up, an own:ID address hands the kept text and files to the
 * worker before anything loads, so a reload, a restored session or a seek back finds them.
 */
import type { TwinClient } from '../../worker/client';
import type { OwnFiles } from '../../worker/own-scenarios';
import type { ScenarioIssue } from '../../worker/protocol';
import type { UrlChoice } from '../app/url-params';
import { loadOwn, OWN_PREFIX, saveOwn } from './own-db';

/** Files larger than this are refused before they are read (an extract of a whole county is far smaller). */
const MAX_BYTES = 200 * 1024 * 1024;

export type OpenResult = { ok: true; id: string; report: readonly string[] } | { ok: false; issues: readonly ScenarioIssue[] };

export async function readChosen(files: readonly File[]): Promise<OwnFiles | ScenarioIssue[]> {
  const big = files.filter((f) => f.size > MAX_BYTES);
  if (big.length > 0)
    return big.map((f) => ({
      path: f.name,
      message: `is ${Math.round(f.size / 1e6)} MB`,
      hint: `files of up to ${MAX_BYTES / 1024 / 1024} MB can be opened here; cut the extract to a smaller area`,
    }));
  const out: Record<string, string> = {};
  for (const f of files) out[f.name] = await f.text();
  return out;
}

/** A short id for a kept scenario; not part of any run, so it need not be reproducible. */
function newId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 10);
}

/** Checks the chosen files and, when they load, keeps them; the caller opens ?scenario=own:ID. */
export async function checkAndKeep(client: TwinClient, files: readonly File[]): Promise<OpenResult> {
  const read = await readChosen(files);
  if (Array.isArray(read)) return { ok: false, issues: read };
  const r = await client.checkOwn(read);
  if (!r.ok) return { ok: false, issues: r.issues };
  const id = newId();
  await saveOwn({ id, title: r.title, from: files.map((f) => f.name).join(', '), text: r.text, files: r.files, savedAt: new Date().toISOString() });
  return { ok: true, id, report: r.report };
}

/** The address that opens a scenario (shipped, or kept as own:ID). */
export function scenarioHref(name: string): string {
  return `?scenario=${encodeURIComponent(name).replace(/%3A/gi, ':')}`;
}

/**
 * Before the session starts: for ?scenario=own:ID, hands the worker what this browser kept under
 * that id, or turns the choice into a load error saying it is not here.
 */
export async function prepareChoice(client: TwinClient, choice: UrlChoice): Promise<UrlChoice> {
  if (!choice.scenario.startsWith(OWN_PREFIX)) return choice;
  const rec = await loadOwn(choice.scenario.slice(OWN_PREFIX.length));
  if (!rec)
    return {
      ...choice,
      issues: [
        ...choice.issues,
        {
          path: 'scenario (page address)',
          message: `this browser keeps no scenario opened as "${choice.scenario.slice(0, 60)}"`,
          hint: 'scenarios you open yourself are kept in the browser they were opened in; open the files again with Open your own… (click the scenario’s title in the top bar)',
        },
      ],
    };
  client.registerOwn(choice.scenario, rec.text, rec.files);
  return choice;
}
