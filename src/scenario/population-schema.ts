/**
 * The scenario's `population` section and the `privacy.*` command forms: how many synthetic
 * residents, when the run starts in their day, which cameras run which analytics, how each
 * dataset is anonymised, and which datasets the attacker holds from the start (a what-if).
 */
import { z } from 'zod';
import { COMMANDS } from '../sim';

const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' });
const duration = z.string().regex(/^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/, { error: 'must be a duration such as "90s", "30m", "6h", "2d" or "1h30m"' });

export const PRIVACY_DATASETS = ['anpr', 'face', 'smartcard', 'meter', 'wifi', 'aggregates'] as const;
export const ACQUISITIONS = ['exfiltrated', 'compelled', 'purchased', 'published', 'what-if'] as const;
const dataset = z.enum(PRIVACY_DATASETS);

export const anonymisationSchema = z
  .strictObject({
    rotation: z.enum(['none', 'daily', 'per-record']).optional().describe('How often pseudonyms change: never, daily (like rotated MACs), or every record.'),
    cellM: finite.min(0).max(20_000).optional().describe('Spatial coarsening: snap places to cells this many metres wide (0 keeps exact places).'),
    bin: duration.optional().describe('Temporal coarsening: floor times to bins this long, e.g. "1h" ("1s" keeps exact times).'),
    k: z.int().min(1).max(1000).optional().describe('Small-count suppression: withhold any place and time seen by fewer than k people.'),
    epsilon: finite
      .min(0.001)
      .max(100)
      .nullable()
      .optional()
      .describe('Differential privacy for aggregates: Laplace noise of scale 1/ε on each count; null for none.'),
    retention: duration.nullable().optional().describe('Delete records older than this; null keeps everything.'),
  })
  .describe("A dataset's anonymisation, applied when the data leaves its holder.");

export const populationSchema = z
  .strictObject({
    residents: z.int().min(0).max(1_000_000).optional().describe("Synthetic residents to simulate (default: the generated city's population)."),
    startHour: z.int().min(0).max(23).optional().describe('Clock hour at the start of the run (default 0, midnight).'),
    startDay: z
      .enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
      .optional()
      .describe('Day of the week the run starts on (default Monday).'),
    history: duration
      .optional()
      .describe('Whole days the systems have been recording before the run starts, e.g. "7d" (default none): the population is simulated through them first.'),
    sensors: z
      .strictObject({
        anprShare: finite.min(0).max(1).optional().describe('Share of junction cameras that read number plates (default 1).'),
        faceAnalytics: z.enum(['none', 'sites', 'sites-and-centre']).optional().describe('Which cameras match faces (default: at sites and in the centre).'),
        wifiShare: finite.min(0).max(1).optional().describe('Share of cameras with a Wi-Fi/Bluetooth probe sensor (default 1); stations always have one.'),
      })
      .optional(),
    datasets: z.partialRecord(dataset, anonymisationSchema).optional().describe('Anonymisation per dataset; what is left out keeps its default.'),
    attacker: z
      .strictObject({
        holds: z
          .array(z.strictObject({ dataset, how: z.enum(ACQUISITIONS).optional() }))
          .optional()
          .describe('Datasets the attacker holds from the start (a what-if).'),
      })
      .optional(),
  })
  .describe('Synthetic residents, the traces the sensing systems record of them, and how each dataset is anonymised.');

export const privacyCommandForms = [
  z
    .strictObject({
      type: z.literal('privacy.anonymise'),
      dataset,
      rotation: z.enum(['none', 'daily', 'per-record']).optional(),
      cellM: finite.min(0).max(20_000).optional(),
      binS: finite.min(1).max(604_800).optional(),
      k: z.int().min(1).max(1000).optional(),
      epsilon: finite.min(0.001).max(100).nullable().optional(),
      retentionS: finite.min(0).nullable().optional(),
    })
    .describe(COMMANDS['privacy.anonymise'].summary),
  z
    .strictObject({ type: z.literal('privacy.attacker.acquire'), datasets: z.array(dataset).min(1), how: z.enum(ACQUISITIONS).optional() })
    .describe(COMMANDS['privacy.attacker.acquire'].summary),
  z.strictObject({ type: z.literal('privacy.attacker.release'), datasets: z.array(dataset).min(1) }).describe(COMMANDS['privacy.attacker.release'].summary),
] as const;

export type PopulationSection = z.infer<typeof populationSchema>;
