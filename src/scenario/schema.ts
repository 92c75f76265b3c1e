/**
 * The scenario file format, version 1. This zod schema is the single source of the scenario types;
 * scenarios/scenario.schema.json is generated from it (`npm run schema`) so editors can
 * autocomplete and check files. Every section is optional; unknown keys are errors.
 */
import { z } from 'zod';
import { cctvSchema, commsSchema, policiesSchema } from './cyber-schema';
import { populationSchema } from './population-schema';
import { commandSchema } from './command-schema';
import { attackId, duration, EDGE_KINDS, finite, point, RESOURCES, slug, SUBSYSTEM_NAMES, text } from './schema-primitives';
import { DECISION_TRIGGERS } from '../sim';
import { seatSchema } from './seat-schema';

export { commandSchema, selectorSchema } from './command-schema';
export { ACTORS, EDGE_KINDS, RESOURCES, SUBSYSTEM_NAMES } from './schema-primitives';

export const SCENARIO_VERSION = 1;

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
  firmware: text(60)
    .min(1)
    .optional()
    .describe('The firmware release the vendor\'s kit runs, e.g. "4.2.1" (default "1.0"); a firmware-backdoor campaign can name it.'),
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
  firmware: text(60).min(1).optional().describe("Its firmware release when it differs from its vendor's (default: the vendor's)."),
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
        .strictObject({
          startS: finite.min(0).max(3600).describe('Seconds to start and take the load.'),
          fuelH: finite.min(0).max(8760).describe('Hours of fuel at this load.'),
        })
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
  seat: slug.optional().describe('In a hosted exercise, show this inject only at this seat (a phone call to the water team); leave out for every seat.'),
  expected: z
    .array(
      z.strictObject({
        id: slug,
        description: text(500).min(1),
        command: z
          .string()
          .max(60)
          .optional()
          .describe('The command type that counts as doing it, e.g. "asset.secure"; leave out for actions an evaluator marks.'),
        within: duration.optional().describe('Time allowed after the inject (default 1h).'),
      }),
    )
    .optional()
    .describe('Actions expected of players in response; evaluation checks for them.'),
});

export const briefingStepSchema = z.strictObject({
  title: text(200).min(1),
  text: text(4000).describe('What the presenter says, in plain language. Shown as text, never as HTML.'),
  asset: slug.optional().describe('Centre the view on this asset.'),
  point: point.optional().describe('Or centre the view on this point.'),
  distanceM: finite.min(50).max(20_000).optional().describe('How far the camera stands back from the point.'),
  layers: z.array(z.string().min(1).max(40)).optional().describe('Layers to show at this step, e.g. ["power", "water", "links"].'),
  at: duration.optional().describe('Move the simulation to this time for this step.'),
  sweep: z
    .strictObject({
      results: slug.describe('A policy sweep whose results ship with the twin: the folder name under sweeps/results/.'),
      figure: slug.optional().describe('The figure to bring into view (an id from the sweep\'s "collect").'),
    })
    .optional()
    .describe("Offer this sweep's results at this step: the ranked table and the spread of every run."),
});

export const decisionSchema = z.strictObject({
  id: slug,
  title: text(200).min(1),
  prompt: text(4000).optional(),
  at: duration.optional().describe('When it is put to players; or use afterInject or afterEvent; leave all out for on demand.'),
  afterInject: slug.optional(),
  afterEvent: z.enum(DECISION_TRIGGERS).optional().describe('Put to players when this first happens in the run, e.g. "data.exfiltration.detected".'),
  budget: duration.optional().describe('Time players have to decide (default 15m).'),
  seat: slug.optional().describe('In a hosted exercise, the seat that takes this decision (e.g. "grid"); leave out for the facilitator.'),
  options: z.array(z.strictObject({ id: slug, label: text(200).min(1), commands: z.array(commandSchema), recommended: z.boolean().optional() })).min(2),
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
  osm: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .describe(
      'An OpenStreetMap extract (.osm XML), relative to this scenario file: buildings, roads, signals, cameras, power, water, comms and civic sites. Instead of "generator".',
    ),
  infrastructure: z
    .boolean()
    .optional()
    .describe(
      'With "osm": lay out what OpenStreetMap does not map (substations, water network, street cabinets, cameras at major junctions) by the generated city\'s rules, marked synthetic (default true).',
    ),
  population: z.int().min(0).max(5_000_000).optional().describe('With "osm": residents in all (default: from the homes\' floor area, 45 m² each).'),
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
    sumo: z
      .strictObject({
        net: z.string().min(1).max(500).describe('A SUMO network (.net.xml), relative to this scenario file.'),
        routes: z
          .string()
          .min(1)
          .max(500)
          .optional()
          .describe('SUMO demand (.rou.xml vehicles with routes, or .trips.xml trips routed by the twin), relative to this scenario file.'),
      })
      .optional()
      .describe("A SUMO network and its demand; replaces the city roads for traffic. Signals run the network's own programs."),
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
            startClock: z
              .string()
              .regex(/^\d{1,2}:\d{2}$/, { error: 'must be a clock time such as "07:00"' })
              .optional()
              .describe('Time of day at the start of the run (default 07:00).'),
          })
          .optional()
          .describe('Daily trips between homes, work, schools and services, with morning and evening peaks.'),
      })
      .optional(),
    signals: z
      .strictObject({
        plan: z
          .enum(['fixed', 'actuated'])
          .optional()
          .describe(
            "Signal plan: 'actuated' (stages extend while detectors see arrivals; default for a city's signals, which fall back to fixed time when they lose their control link) or 'fixed' (default on a benchmark grid).",
          ),
        greenS: seconds(300).optional(),
        amberS: seconds(10).optional(),
        allRedS: seconds(10).optional(),
        minGreenS: seconds(120).optional(),
        maxGreenS: seconds(300).optional(),
        passageS: seconds(20).optional(),
      })
      .optional()
      .describe('Signal timing for every controller (defaults: fixed time, 27 s green, 3 s amber, 2 s all-red).'),
    rerouteMin: finite
      .min(0)
      .max(1440)
      .optional()
      .describe('Drivers re-plan routes older than this on the way (default 3; 0 only when blocked or a road closes).'),
  })
  .describe('Lane-level traffic: IDM vehicles, signals and junctions, routing and demand.');

const elementId = z.string().min(1).max(31).describe('An id as written in the .inp file.');

export const waterSchema = z
  .strictObject({
    inp: z.string().min(1).max(500).optional().describe('An EPANET input file (.inp), relative to this scenario file. Replaces the generated city network.'),
    cpa: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .describe('An epanetCPA .cpa file (relative to this scenario): PLCs with their sensors and actuators, and the links between them.'),
    generate: z.boolean().optional().describe('Build a network for the generated city (default true when the city generator makes infrastructure).'),
    demandModel: z
      .strictObject({
        type: z.enum(['PDA', 'DDA']).optional().describe('Pressure-driven (default) or demand-driven analysis.'),
        minPressureM: finite.min(0).max(100).optional().describe('Pressure at or below which a node gets no water (default 0 m).'),
        requiredPressureM: finite.min(0.1).max(200).optional().describe('Pressure for full service (default 20 m, Wagner et al. 1988).'),
        exponent: finite.min(0.1).max(3).optional().describe('Pressure exponent (default 0.5).'),
      })
      .optional(),
    stepS: z.int().min(60).max(3600).optional().describe("Hydraulic time step in seconds (default: the file's)."),
    patterns: z
      .strictObject({
        csv: z.string().min(1).max(500).describe('A CSV of multipliers, one row per pattern step, no header (relative to this scenario).'),
        columns: z.array(elementId).min(1).describe('The pattern id each column replaces, in order.'),
      })
      .optional()
      .describe("Demand patterns that replace the file's, as epanetCPA's patterns_file does (C-Town: ctown_patterns.csv for DMA1_pat…DMA5_pat)."),
    litresPerPersonDay: finite
      .min(1)
      .max(2000)
      .optional()
      .describe(
        'For an imported network: count each junction\'s base demand as residents at this use per person per day (e.g. 150), so "people without water" covers it.',
      ),
    commsLoss: z
      .enum(['hold', 'failsafe'])
      .optional()
      .describe('What a PLC does when a reading stops arriving: keep the last value (default) or stop the pumps it drives.'),
    assets: z
      .array(z.strictObject({ element: elementId.describe('A pump, valve, tank or reservoir id, or a PLC id.'), asset: slug }))
      .optional()
      .describe('Existing assets that stand for elements of the model; other pumps, valves, tanks, reservoirs and PLCs get assets of their own.'),
    consumers: z
      .array(
        z.strictObject({
          node: elementId,
          asset: slug,
          storageMin: finite.min(0).max(10_080).optional(),
          tanks: z.array(elementId).optional(),
          pumps: z.array(elementId).optional(),
        }),
      )
      .optional()
      .describe("Demand nodes whose service decides an asset's water (a neighbourhood, the hospital), with on-site storage."),
    plcs: z
      .array(
        z.strictObject({
          id: z.string().min(1).max(80),
          sensors: z.array(z.string().min(1)).optional(),
          actuators: z.array(elementId).optional(),
          asset: slug.optional(),
        }),
      )
      .optional()
      .describe('PLCs written by hand (or added to those of the .cpa file).'),
    quality: z
      .strictObject({
        chemical: text(60).min(1),
        units: z.enum(['mg/L', 'ug/L']).optional(),
        sourceNode: elementId.describe('Where dosing happens.'),
        baselineMgL: finite.min(0),
        limitMgL: finite.min(0).describe('Concentration above which the water is unsafe.'),
      })
      .optional()
      .describe("A dosed chemical tracked by EPANET's quality engine, for dosing attacks."),
  })
  .describe('The water network: EPANET hydraulics with pumps that need power and PLCs that can be attacked.');

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
        place: text(200).optional().describe('Where it is set, for people choosing a scenario ("Levenshulme, Manchester, United Kingdom").'),
      })
      .optional(),
    seed: z.int().min(0).max(4_294_967_295).optional(),
    duration: duration.optional(),
    city: citySchema.optional(),
    vendors: z.array(vendorSchema).optional(),
    assets: z.array(assetSchema).optional(),
    dependencies: z.array(dependencySchema).optional(),
    injects: z.array(injectSchema).optional(),
    decisions: z.array(decisionSchema).optional(),
    seats: z
      .array(seatSchema)
      .min(1)
      .max(20)
      .optional()
      .describe('Who takes part in a hosted exercise (twin serve); default: facilitator, grid, water, network, executive, observer.'),
    briefing: z.array(briefingStepSchema).max(100).optional().describe('A narrated sequence of steps for a non-technical audience, advanced by keyboard.'),
    power: powerSchema.optional(),
    water: waterSchema.optional(),
    traffic: trafficSchema.optional(),
    cctv: cctvSchema.optional(),
    comms: commsSchema.optional(),
    policies: policiesSchema.optional(),
    population: populationSchema.optional(),
  })
  .describe('A citytwin scenario.');

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioCommand = z.infer<typeof commandSchema>;
