/**
 * The sweep file: one base scenario, named variants of it (each a list of patches, and decision
 * options taken), the seeds to run each on, how long, and which figures to collect. `twin sweep`
 * runs every variant on every seed and summarises the figures with their uncertainty.
 */
import { z } from 'zod';
import { duration, slug, text } from '../schema-primitives';

export const SWEEP_VERSION = 1;
const SEED_MAX = 4_294_967_295;

export const patchSchema = z
  .strictObject({
    op: z
      .enum(['set', 'remove', 'append', 'merge'])
      .describe('"set" a value (creating objects on the way), "remove" it, "append" to a list, or "merge" keys into an object.'),
    path: z
      .string()
      .regex(/^(\/[^/]*)+$/, { error: 'must be a path such as "/policies/segmentation" or "/injects/kestrel-vpn/at"' })
      .max(500)
      .describe('Where in the scenario, as a JSON pointer; in a list, a step may name an element by its "id" instead of its index.'),
    value: z.unknown().optional().describe('The value to set, append or merge (not for "remove").'),
  })
  .describe('One change to the base scenario.');

export const decideSchema = z
  .strictObject({
    decision: slug.describe("A decision point's id in the scenario."),
    option: slug.describe('The option players take.'),
    after: duration.optional().describe('How long after the decision opens they take it (default 0s; checked every 30 s of simulated time).'),
  })
  .describe('A decision option taken in every run of the variant, as players would.');

export const variantSchema = z.strictObject({
  id: slug,
  label: text(200).min(1).describe('What the variant is, in a few words: "Ban Kestrel from cameras".'),
  description: text(2000).optional(),
  patches: z.array(patchSchema).max(200).optional(),
  decide: z.array(decideSchema).max(50).optional(),
});

export const figureSchema = z
  .strictObject({
    id: slug,
    label: text(200).min(1),
    unit: text(40).optional(),
    kpi: z.string().max(80).optional().describe('A KPI id (see a run report\'s "kpis"), summarised by "stat".'),
    stat: z
      .enum(['final', 'max', 'min', 'mean', 'hours'])
      .optional()
      .describe(
        'How a KPI series becomes one figure: its last, largest, smallest or time-weighted mean value, or "hours": value × hours (people-hours without power).',
      ),
    final: z
      .string()
      .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, { error: 'must be a dotted path such as "data.exfiltrated.records"' })
      .max(200)
      .optional()
      .describe('A figure from the run report\'s "final" section, as a dotted path; numbers in a list along the way are added up.'),
    role: z
      .enum(['harm', 'service'])
      .describe('"harm": what the attack achieves (a policy buys less of it); "service": what the city loses in service (a policy may cost more of it).'),
    better: z.enum(['lower', 'higher']).optional().describe('Which way is better (default lower).'),
  })
  .describe('A figure collected from every run.');

export const sweepSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(SWEEP_VERSION, { error: `must be ${SWEEP_VERSION}` }),
    title: text(200).min(1),
    question: text(2000).optional().describe('The question the sweep answers, as a briefing would put it.'),
    scenario: z.string().min(1).max(500).describe('The base scenario file, relative to this sweep file.'),
    seeds: z
      .union([z.int().min(1).max(10_000), z.array(z.int().min(0).max(SEED_MAX)).min(1).max(10_000)])
      .describe('How many seeds (1, 2, … N), or a list of seeds. Every variant runs on every seed.'),
    until: duration.optional().describe("How long each run lasts (default: the scenario's duration)."),
    baseline: slug.optional().describe('The variant the others are compared with (default: the first).'),
    variants: z.array(variantSchema).min(1).max(200),
    collect: z.array(figureSchema).min(1).max(50),
  })
  .describe('A citytwin policy sweep.');

export type SweepFile = z.infer<typeof sweepSchema>;
export type Patch = z.infer<typeof patchSchema>;
export type Variant = z.infer<typeof variantSchema>;
export type FigureSpec = z.infer<typeof figureSchema>;
