/**
 * Scenarios for tests, compiled by the real scenario compiler: a scenario object (with the files it
 * names, by name), a shipped scenario (optionally edited first), and the small generated cities
 * several folders' tests share. A scenario that does not compile throws with its issues.
 */
import { readFileSync } from 'node:fs';
import { loadScenarioText, type ScenarioIssue } from '../../src/scenario';
import type { SimInput } from '../../src/sim';

/** A scenario file's content as an object; `version` defaults to 1. */
export type Scenario = Record<string, unknown>;

/** Files a scenario names (an .inp, an .osm, …), by the name it gives them. */
export type Files = Readonly<Record<string, string>>;

const issueText = (issues: readonly ScenarioIssue[]) => issues.map((i) => `${i.path}: ${i.message}`).join('\n');

function load(scenario: Scenario, files: Files) {
  return loadScenarioText(JSON.stringify({ version: 1, ...scenario }), { readFile: (p) => files[p] ?? null });
}

/** The simulation input of a scenario object. */
export function compile(scenario: Scenario, files: Files = {}): SimInput {
  const r = load(scenario, files);
  if (!r.ok) throw new Error(issueText(r.issues));
  return r.input;
}

/** The issues the compiler finds in a scenario object (none when it compiles). */
export function issuesOf(scenario: Scenario, files: Files = {}): ScenarioIssue[] {
  const r = load(scenario, files);
  return r.ok ? [] : [...r.issues];
}

/** The text of scenarios/<name>.json. */
export function shippedText(name: string): string {
  return readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8');
}

/** scenarios/<name>.json as an object, to edit. */
export function shippedJson(name: string): Record<string, any> {
  return JSON.parse(shippedText(name));
}

/**
 * A shipped scenario as a test runs it: its decision points left out (nobody is there to take
 * them) unless `keepDecisions`, and edited by `edit` first.
 */
export function shipped(name: string, edit: (s: Record<string, any>) => void = () => {}, o: { keepDecisions?: boolean } = {}): SimInput {
  const s = shippedJson(name);
  if (!o.keepDecisions) delete s.decisions;
  edit(s);
  const r = loadScenarioText(JSON.stringify(s));
  if (!r.ok) throw new Error(`${name}: ${issueText(r.issues)}`);
  return r.input;
}

/** A shipped scenario exactly as the file is (decisions included). */
export function shippedAsIs(name: string): SimInput {
  const r = loadScenarioText(shippedText(name));
  if (!r.ok) throw new Error(`${name}: ${issueText(r.issues)}`);
  return r.input;
}

/** Vendors as a scenario declares them: Kestrel (cameras and recorders, its cloud in Calderra) and Meridian (signals, no remote maintenance, no cloud). */
export const VENDORS = {
  kestrel: {
    id: 'kestrel',
    name: 'Kestrel',
    jurisdiction: 'Calderra',
    supplies: ['camera', 'nvr'],
    remoteMaintenance: true,
    cloud: { jurisdiction: 'Calderra' },
  },
  meridian: { id: 'meridian', name: 'Meridian', jurisdiction: 'United Kingdom', supplies: ['traffic-signal'], remoteMaintenance: false, cloud: null },
} as const;

/** A small generated city with `residents` people; `extra` adds to the population section. */
export function populationCity(residents = 3000, extra: Record<string, unknown> = {}): SimInput {
  return compile({ seed: 5, city: { generator: { buildings: 2500, population: 8000, sizeM: [3200, 2800] } }, population: { residents, ...extra } });
}

/** A small generated city whose traffic signals SigCo supplies, at morning-peak demand; `extra` adds or replaces scenario keys. */
export function signalCity(extra: Scenario = {}): SimInput {
  return compile({
    seed: 3,
    duration: '2h',
    city: { generator: { buildings: 1200, population: 20000, sizeM: [2400, 2000] } },
    vendors: [{ id: 'sigco', name: 'SigCo', jurisdiction: 'Nowhere', supplies: ['traffic-signal'], remoteMaintenance: true }],
    traffic: { demand: { city: { peakTripsPerHour: 1500, startClock: '07:30' } } },
    ...extra,
  });
}

/** A small generated city with residents whose cameras and recorders Kestrel supplies (cloud in Calderra); `extra` adds or replaces keys. */
export function kestrelCity(extra: Scenario = {}): SimInput {
  return compile({
    seed: 11,
    meta: { id: 'sightings', title: 'sightings' },
    duration: '3h',
    city: { generator: { buildings: 1500, population: 6000, sizeM: [2400, 2000] } },
    vendors: [VENDORS.kestrel],
    population: { residents: 2500, history: '1d', startHour: 8 },
    ...extra,
  });
}

/** A grid of streets, `rows` × `cols` blocks of `blockLengthM`, with `lanes` lanes; `traffic` adds to the traffic section. */
export function streetGrid(grid: { rows: number; cols: number; blockLengthM: number; lanes: number; signals?: boolean }, traffic: Scenario = {}): SimInput {
  return compile({ traffic: { grid, ...traffic } });
}
