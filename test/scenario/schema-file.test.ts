import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderJsonSchema, renderSweepJsonSchema, SCHEMA_PATH, SWEEP_SCHEMA_PATH } from '../../src/scenario/write-json-schema';

describe('scenarios/scenario.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema` to refresh it)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(renderJsonSchema());
  });

  it('forbids unknown keys, so editors flag typos too', () => {
    const s = JSON.parse(renderJsonSchema());
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.meta.additionalProperties).toBe(false);
    expect(s.required).toEqual(['version']);
  });
});

describe('sweeps/sweep.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema` to refresh it) and forbids unknown keys', () => {
    expect(readFileSync(SWEEP_SCHEMA_PATH, 'utf8')).toBe(renderSweepJsonSchema());
    const s = JSON.parse(renderSweepJsonSchema());
    expect(s.additionalProperties).toBe(false);
    expect(s.required).toEqual(['version', 'title', 'scenario', 'seeds', 'variants', 'collect']);
  });
});
