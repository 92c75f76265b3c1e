/**
 * The scenario file format, version 1. This zod schema is the single source of the scenario types;
 * scenarios/scenario.schema.json is generated from it (`npm run schema`) so editors can
 * autocomplete and check files. Every section is optional; unknown keys are errors.
 */
import { z } from 'zod';
import { populationSchema, privacyCommandForms } from './population-schema';

export const SCENARIO_VERSION = 1;

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'must be lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit' })
  .max(80);
const text = (max: number) => z.string().max(max);
const duration = z
  .string()
  .regex(/^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/, { error: 'must be a duration such as "90s", "30m", "6h", "2d" or "1h30m"' });
const attackId = z.string().regex(/^T\d{4}(?:\.\d{3})?$/, { error: 'must be a MITRE ATT&CK technique id such as "T0822" or "T1537"' });
const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' });
const point = z.tuple([finite, finite]).describe('[x, z] in metres: x east, z south of the city origin');

export const SUBSYSTEM_NAMES = ['power', 'water', 'traffic', 'cctv', 'comms', 'population', 'civic'] as const;
export const EDGE_KINDS = ['physical', 'cyber', 'geographic', 'logical'] as const;
export const RESOURCES = ['power', 'water', 'comms', 'control', 'data', 'service'] as const;
export const ACTORS = ['attacker', 'operator', 'scenario', 'vendor'] as const;

export const selectorSchema = z
  .strictObject({
    ids: z.array(slug).min(1).optional(),
    kind: slug.optional(),
    vendor: slug.optional(),
    district: slug.optional(),
    compromised: z.boolean().optional(),
    limit: z.int().min(1).max(100_000).optional(),
  })
  .describe('Which assets a command acts on; matches are taken in id order, then limit applies.');

export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('inject.fire'), inject: slug }).describe('Fire another inject now.'),
  z
    .strictObject({ type: z.literal('vendor.compromise'), vendor: slug, technique: attackId.optional() })
    .describe("The attacker takes over a vendor's remote-maintenance access and every asset it reaches."),
  z
    .strictObject({
      type: z.literal('asset.disable'),
      targets: selectorSchema,
      actor: z.enum(ACTORS).optional(),
      technique: attackId.optional(),
      reason: text(300).optional(),
    })
    .describe('Take assets out of service (open a breaker, stop a pump, brick a device).'),
  z
    .strictObject({ type: z.literal('asset.restore'), targets: selectorSchema, actor: z.enum(ACTORS).optional(), reason: text(300).optional() })
    .describe('Return assets to service (a crew re-closes a breaker).'),
  z.strictObject({ type: z.literal('asset.secure'), targets: selectorSchema }).describe("Remove the attacker's access to assets."),
  z
    .strictObject({ type: z.literal('traffic.signal.plan'), signals: z.array(slug).min(1), plan: z.enum(['all-red', 'all-green', 'normal']), technique: attackId.optional() })
    .describe('An attacker holding signal controllers imposes a plan: all-red, or conflicting greens; "normal" hands them back to their plans.'),
  z
    .strictObject({ type: z.literal('traffic.link'), action: z.enum(['close', 'open']), links: z.array(z.string().min(1).max(200)).min(1), actor: z.enum(ACTORS).optional() })
    .describe('Close or reopen roads (both directions); drivers re-route around closures.'),
  z
    .strictObject({ type: z.literal('traffic.emergency.dispatch'), from: slug.describe('The station: a hospital or police-hq asset.'), to: slug.describe('The incident: an asset id.'), unit: z.string().min(1).max(80).optional() })
    .describe('Send an emergency vehicle from a station to an incident.'),
  // Population and privacy (issue 7).
  ...privacyCommandForms,
]);

export const vendorSchema = z.strictObject({
  id: slug,
  name: text(120).min(1),
  jurisdiction: text(120).min(1).describe('The state whose law the vendor answers to.'),
  supplies: z.array(slug).describe('Asset kinds this vendor supplies, e.g. "camera", "substation".'),
  remoteMaintenance: z.boolean().describe('Whether the vendor holds remote-maintenance access to what it supplies.'),
  cloud: z
    .strictObject({ jurisdiction: text(120).min(1), region: text(120).optional() })
    .nullable()
    .optional()
    .describe("Where the vendor's cloud keeps the city's data; null when it runs none."),
  notes: text(2000).optional(),
});

export const assetSchema = z.strictObject({
  id: slug,
  kind: slug,
  subsystem: z.enum(SUBSYSTEM_NAMES),
  name: text(200).optional(),
  position: point,
  vendor: slug.nullable().optional(),
  remoteAccess: z.boolean().optional(),
  district: slug.optional(),
  population: z.int().min(0).max(10_000_000).optional(),
  critical: z.boolean().optional(),
});

export const dependencySchema = z.strictObject({
  from: slug.describe('The supplier.'),
  to: slug.describe('The dependent.'),
  kind: z.enum(EDGE_KINDS),
  resource: z.enum(RESOURCES),
  bufferMin: finite.min(0).max(525_600).optional().describe('Minutes the dependent rides through a loss (UPS, fuel, storage).'),
  effect: z.enum(['down', 'degraded']).optional(),
  backup: z
    .strictObject({
      upsMin: finite.min(0).max(10_080).describe('Minutes the UPS or battery carries the load.'),
      generator: z
        .strictObject({ startS: finite.min(0).max(3600).describe('Seconds to start and take the load.'), fuelH: finite.min(0).max(8760).describe('Hours of fuel at this load.') })
        .optional(),
    })
    .optional()
    .describe('Backup power, instead of bufferMin: a UPS, and optionally a standby generator that must start before the UPS runs out.'),
  group: slug.optional().describe('Dependencies in one group are redundant: supply is lost only when all are.'),
  note: text(300).optional(),
});

export const injectSchema = z.strictObject({
  id: slug,
  at: duration.optional().describe('When it fires; leave out for an inject fired only on demand.'),
  title: text(200).min(1),
  description: text(4000).optional(),
  attack: attackId.optional(),
  commands: z.array(commandSchema).min(1),
});

export const citySchema = z.strictObject({
  name: text(120).optional(),
  generator: z
    .strictObject({
      seed: z.int().min(0).max(4_294_967_295).optional().describe('Seed of the city layout; defaults to the scenario seed.'),
      buildings: z.int().min(200).max(50_000).optional(),
      population: z.int().min(0).max(5_000_000).optional(),
      sizeM: z.tuple([finite.min(800).max(20_000), finite.min(800).max(20_000)]).optional(),
      infrastructure: z.boolean().optional().describe('Generate grid, water, comms, signals, cameras and sites (default true).'),
    })
    .optional(),
});

export const powerSchema = z
  .strictObject({
    matpower: z.string().min(1).max(500).optional().describe('A MATPOWER case file (.m), relative to this scenario file. Replaces the generated city grid.'),
    generate: z.boolean().optional().describe('Build a grid for the generated city (default true when the city generator makes infrastructure).'),
    protection: z
      .strictObject({
        enabled: z.boolean().optional(),
        curve: z.enum(['standard-inverse', 'very-inverse', 'extremely-inverse', 'long-time-inverse']).optional().describe('IEC 60255-151 inverse-time curve.'),
        tms: finite.min(0.01).max(10).optional().describe('Time multiplier setting.'),
        pickup: finite.min(1).max(3).optional().describe('Pick-up as a multiple of the line rating.'),
      })
      .optional(),
    restoration: z
      .strictObject({
        manualMin: finite.min(1).max(2880).optional().describe('Minutes for a crew to reach a substation and switch by hand.'),
        remoteMin: finite.min(0).max(120).optional().describe('Minutes to re-close remotely when SCADA is trusted.'),
      })
      .optional(),
    buses: z
      .array(
        z.strictObject({
          id: z.union([z.int(), z.string().min(1)]).describe('MATPOWER bus number.'),
          asset: slug.optional().describe('The asset (a substation) that stands for this bus.'),
          criticalMW: finite.min(0).optional(),
          deferrableMW: finite.min(0).optional(),
        }),
      )
      .optional()
      .describe('Per-bus settings for a MATPOWER case: which asset it is and how its load splits by priority.'),
  })
  .describe('The electricity grid: DC power flow with protection and load shedding.');

const seconds = (max: number) => finite.min(0).max(max);

export const trafficSchema = z
  .strictObject({
    enabled: z.boolean().optional().describe('Simulate traffic (default true when there are roads).'),
    grid: z
      .strictObject({
        rows: z.int().min(2).max(200),
        cols: z.int().min(2).max(200),
        blockLengthM: finite.min(20).max(2000),
        lanes: z.int().min(1).max(6).describe('Lanes in each direction.'),
        signals: z.boolean().optional().describe('Signals at every junction where three or more roads meet (default true).'),
      })
      .optional()
      .describe('A synthetic grid of two-way roads for benchmarks; replaces the city roads for traffic.'),
    demand: z
      .strictObject({
        randomTrips: z
          .strictObject({
            periodS: finite.min(0.01).max(86_400).describe('One trip every this many seconds, between uniformly random links (as SUMO randomTrips.py).'),
            untilS: finite.min(0).max(864_000).describe('No trips depart after this time.'),
            fromS: finite.min(0).max(864_000).optional(),
          })
          .optional(),
        city: z
          .strictObject({
            peakTripsPerHour: finite.min(0).max(1_000_000).optional().describe('Trips per hour at the height of the morning peak (default 1500).'),
            startClock: z.string().regex(/^\d{1,2}:\d{2}$/, { error: 'must be a clock time such as "07:00"' }).optional().describe('Time of day at the start of the run (default 07:00).'),
          })
          .optional()
          .describe('Daily trips between homes, work, schools and services, with morning and evening peaks.'),
      })
      .optional(),
    signals: z
      .strictObject({
        plan: z.enum(['fixed', 'actuated']).optional(),
        greenS: seconds(300).optional(),
        amberS: seconds(10).optional(),
        allRedS: seconds(10).optional(),
        minGreenS: seconds(120).optional(),
        maxGreenS: seconds(300).optional(),
        passageS: seconds(20).optional(),
      })
      .optional()
      .describe('Signal timing for every controller (defaults: fixed time, 27 s green, 3 s amber, 2 s all-red).'),
    rerouteMin: finite.min(0).max(1440).optional().describe('Drivers re-plan routes older than this on the way (default 3; 0 only when blocked or a road closes).'),
  })
  .describe('Lane-level traffic: IDM vehicles, signals and junctions, routing and demand.');

/** Sections later subsystems fill in; in version 1 they take no settings yet. */
const section = (what: string) => z.strictObject({}).describe(`Settings for the ${what}; none yet in version 1.`);

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(SCENARIO_VERSION),
    meta: z
      .strictObject({
        id: slug,
        title: text(200).min(1),
        summary: text(4000).optional(),
        audience: z.array(z.enum(['briefer', 'facilitator', 'student'])).optional(),
        objectives: z.array(text(500)).optional(),
      })
      .optional(),
    seed: z.int().min(0).max(4_294_967_295).optional(),
    duration: duration.optional(),
    city: citySchema.optional(),
    vendors: z.array(vendorSchema).optional(),
    assets: z.array(assetSchema).optional(),
    dependencies: z.array(dependencySchema).optional(),
    injects: z.array(injectSchema).optional(),
    power: powerSchema.optional(),
    water: section('water network').optional(),
    traffic: trafficSchema.optional(),
    cctv: section('CCTV system').optional(),
    comms: section('communications network').optional(),
    population: populationSchema.optional(),
  })
  .describe('A citytwin scenario.');

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioCommand = z.infer<typeof commandSchema>;
