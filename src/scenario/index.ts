/**
 * src/scenario: the scenario file format (zod schema, version 1, with migrations), loading and
 * validation with path-and-hint errors, and the seeded procedural city. Importers for OSM, EPANET
 * and MATPOWER files join here as the subsystems that need them arrive.
 */
export { loadScenarioText, loadScenarioData, type LoadResult, type LoadOptions, type ScenarioMeta } from './load';
export { formatIssue, quote, clip, type ScenarioIssue } from './issues';
export type { FileRefusal, ReadFile } from './referenced-file';
export { scenarioSchema, SCENARIO_VERSION, type Scenario } from './schema';
export { parseSession, makeSession, sessionSchema, SESSION_VERSION, type Session } from './session';
export { generateCity, type CityParams, type GeneratedCity } from './city/generate';
export { DISTRICT_SEEDS } from './city/layout';
export { parseOsm, type OsmData } from './import/osm';
export { buildOsmCity, OSM_ATTRIBUTION, type OsmCity } from './city/osm-city';
