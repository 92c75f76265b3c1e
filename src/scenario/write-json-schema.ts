/**
 * Writes scenarios/scenario.schema.json and sweeps/sweep.schema.json from the zod schemas
 * (`npm run schema`). A unit test fails when a file on disk differs from what this produces.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { scenarioSchema } from './schema';
import { sweepSchema } from './sweep/schema';

export const SCHEMA_PATH = fileURLToPath(new URL('../../scenarios/scenario.schema.json', import.meta.url));
export const SWEEP_SCHEMA_PATH = fileURLToPath(new URL('../../sweeps/sweep.schema.json', import.meta.url));

export function renderJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return `${JSON.stringify({ ...schema, title: 'citytwin scenario' }, null, 2)}\n`;
}

export function renderSweepJsonSchema(): string {
  const schema = z.toJSONSchema(sweepSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return `${JSON.stringify({ ...schema, title: 'citytwin policy sweep' }, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, renderJsonSchema());
  writeFileSync(SWEEP_SCHEMA_PATH, renderSweepJsonSchema());
  console.log(`wrote ${SCHEMA_PATH} and ${SWEEP_SCHEMA_PATH}`);
}
