/**
 * The scenario file format, version 1. This zod schema is the single source of the scenario types;
 * scenarios/scenario.schema.json is generated from it (`npm run schema`) so editors can
 * autocomplete and check files. Every section is optional; unknown keys are errors.
 */
import { z } from 'zod';
import { cctvSchema, commsSchema, policiesSchema } from './cyber-schema';
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
  // Comms, CCTV, threats and policies (issue 6).
  z
    .strictObject({ type: z.literal('comms.isolate'), zone: slug, isolated: z.boolean(), actor: z.enum(ACTORS).optional() })
    .describe('Isolate a network zone (or reconnect it): it then reaches nothing outside itself. Takes effect after 5 minutes of firewall changes.'),
  z
    .strictObject({ type: z.literal('comms.vendor-access'), vendor: slug, enabled: z.boolean(), actor: z.enum(ACTORS).optional() })
    .describe("Cut (or restore) a vendor's remote-maintenance VPN; cutting takes 15 minutes and ends the attacker's sessions through it."),
  z
    .strictObject({ type: z.literal('comms.manual'), kinds: z.array(slug).min(1).optional(), enabled: z.boolean() })
    .describe('Switch to manual operation: staff run devices by hand on site (30 minutes to get there), so lost comms no longer degrade them.'),
  z
    .strictObject({ type: z.literal('cctv.view'), targets: selectorSchema, mode: z.enum(['loop', 'blind', 'clear']), technique: attackId.optional() })
    .describe("Loop or blind the view of cameras the attacker holds (T0832 manipulation of view), or clear it."),
  z
    .strictObject({
      type: z.literal('threat.campaign'),
      id: slug,
      entry: z.enum(['vendor-access', 'default-credentials', 'firmware-backdoor']).describe("How the attacker gets in: a vendor's remote access (T0862, T0822), default credentials on internet-exposed devices (T0812, T0883), a firmware backdoor (T0857, T0839)."),
      vendor: slug.optional(),
      kinds: z.array(slug).min(1).optional().describe('Asset kinds the entry targets (default credentials, backdoor); default cameras.'),
      objective: z.enum(['exfiltrate', 'botnet', 'disrupt', 'blind']),
      dwellMin: finite.min(0).max(43_200).optional().describe('Minutes between attack stages (default 30).'),
      destination: text(120).min(1).optional().describe("Jurisdiction of the attacker's server, for exfiltration."),
    })
    .describe('An attacker who progresses over time: initial access, discovery, lateral movement along paths segmentation allows, impact.'),
  z
    .strictObject({ type: z.literal('threat.exfiltrate'), datasets: z.array(slug).min(1).optional(), destination: text(120).min(1), technique: attackId.optional() })
    .describe('Send datasets the attacker can reach to an external server (T0882 theft of operational information, T1537 transfer to cloud account).'),
  z
    .strictObject({ type: z.literal('threat.botnet'), targets: selectorSchema, action: z.enum(['start', 'stop']), mbpsPerDevice: finite.min(0).max(1000).optional(), technique: attackId.optional() })
    .describe('Compromised devices flood the network (Mirai, 2016): start or stop.'),
  z
    .strictObject({ type: z.literal('threat.disclose'), vendor: slug, requestedBy: text(120).min(1) })
    .describe("A legal order compels a vendor to hand over the city's data in its cloud: no hacking, not stopped by segmentation, only by data localisation or minimisation."),
  z.strictObject({ type: z.literal('threat.ransomware'), technique: attackId.optional() }).describe("Ransomware on the operator's IT: loss of view (T0829), so operation turns manual."),
  z.strictObject({ type: z.literal('threat.reflash'), targets: selectorSchema }).describe('Reflash firmware on assets: 30 minutes a site, crews in parallel; removes the attacker and any backdoor.'),
  z
    .strictObject({ type: z.literal('policy.set'), policy: z.enum(['segmentation', 'vendor-remote-access', 'data-localisation', 'edge-anonymisation', 'egress-monitoring']), enabled: z.boolean() })
    .describe('Enforce or lift a policy at run time.'),
  // Power grid (issue 3): breakers, protection, SCADA telemetry, smart meters, generators, crews.
  z
    .strictObject({ type: z.literal('power.breaker'), action: z.enum(['open', 'close']), branches: z.array(z.string().min(1)).optional(), substations: z.array(slug).optional(), actor: z.enum(ACTORS).optional(), technique: attackId.optional(), reason: text(300).optional() })
    .describe('Open or close breakers: on named lines, or every breaker at named substations (T0855 unauthorised command when an attacker does it).'),
  z
    .strictObject({ type: z.literal('power.protection'), enabled: z.boolean(), branches: z.array(z.string().min(1)).optional(), substations: z.array(slug).optional(), actor: z.enum(ACTORS).optional(), technique: attackId.optional() })
    .describe('Disable or restore line protection (Kyiv, December 2016); everywhere when no lines or substations are named.'),
  z
    .strictObject({ type: z.literal('power.telemetry'), mode: z.enum(['freeze', 'scale', 'clear']), factor: finite.min(0).max(100).optional(), branches: z.array(z.string().min(1)).optional(), substations: z.array(slug).optional(), technique: attackId.optional() })
    .describe('Spoof what SCADA shows operators (T0832 manipulation of view, T0856 spoof reporting message): freeze readings, scale them, or clear the spoofing.'),
  z
    .strictObject({ type: z.literal('power.load.disconnect'), share: finite.min(0).max(1), buses: z.array(z.string().min(1)).optional(), substations: z.array(slug).optional(), actor: z.enum(ACTORS).optional(), technique: attackId.optional() })
    .describe('Remote smart-meter disconnection of a share of load (0 reconnects it).'),
  z
    .strictObject({ type: z.literal('power.generator.trip'), generators: z.array(z.string().min(1)).min(1), actor: z.enum(ACTORS).optional(), technique: attackId.optional() })
    .describe('Trip generators.'),
  z.strictObject({ type: z.literal('power.crew.dispatch'), substations: z.array(slug).min(1) }).describe('Send crews to restore substations: remote re-closing when SCADA is trusted, else by hand.'),
  // Exercise control (issue 8): the MSEL, decisions and notes.
  z.strictObject({ type: z.literal('inject.hold'), inject: slug }).describe('Hold a scheduled inject.'),
  z.strictObject({ type: z.literal('inject.release'), inject: slug }).describe('Release a held inject (it fires at once if its time has passed).'),
  z.strictObject({ type: z.literal('inject.skip'), inject: slug }).describe('Skip an inject.'),
  z.strictObject({ type: z.literal('inject.pressure'), title: text(200).min(1), text: text(4000).optional() }).describe('An unscheduled pressure inject read out to players.'),
  z.strictObject({ type: z.literal('decision.open'), decision: slug }).describe('Put a decision point to players now.'),
  z
    .strictObject({ type: z.literal('decision.take'), decision: slug, option: slug, by: text(120).optional(), rationale: text(2000).optional() })
    .describe('Take a decision: the option’s commands are applied, with who decided and why.'),
  z
    .strictObject({ type: z.literal('note.add'), text: text(4000).min(1), author: text(120).optional(), kind: z.enum(['note', 'evaluation']).optional(), expected: z.string().max(200).optional(), met: z.boolean().optional() })
    .describe("A facilitator's or evaluator's note; an evaluation can mark an expected action (inject/action) as met or not."),
  z
    .strictObject({ type: z.literal('traffic.signal.plan'), signals: z.array(slug).min(1), plan: z.enum(['all-red', 'all-green', 'normal']), technique: attackId.optional() })
    .describe('An attacker holding signal controllers imposes a plan: all-red, or conflicting greens; "normal" hands them back to their plans.'),
  z
    .strictObject({ type: z.literal('traffic.link'), action: z.enum(['close', 'open']), links: z.array(z.string().min(1).max(200)).min(1), actor: z.enum(ACTORS).optional() })
    .describe('Close or reopen roads (both directions); drivers re-route around closures.'),
  z
    .strictObject({
      type: z.literal('water.sensor.spoof'),
      sensor: z.string().regex(/^[PF]_[^\s]+$/, { error: 'must be an epanetCPA sensor name: P_<node> for a level or pressure, F_<link> for a flow' }),
      to: z.string().min(1).max(80).optional().describe('Where the false reading arrives: a PLC id or "SCADA"; every destination when left out.'),
      mode: z.enum(['constant', 'offset', 'scale', 'freeze', 'clear']),
      value: finite.optional().describe('The constant (m or L/s), offset or scale factor.'),
      technique: attackId.optional(),
    })
    .describe('Spoof a sensor reading on its way to a PLC or SCADA (ATT&CK for ICS T0832 / T0856).'),
  z
    .strictObject({
      type: z.literal('water.plc.logic'),
      plc: z.string().min(1).max(80),
      rules: z.array(z.strictObject({ rule: z.string().regex(/^CTRL\d+$/, { error: 'must be a rule id such as "CTRL17" (the 17th line of [CONTROLS])' }), levelM: finite })).optional(),
      restore: z.boolean().optional(),
      technique: attackId.optional(),
    })
    .describe("Change a PLC's control logic: move the levels its rules switch at (T0889 modify program), or restore them."),
  z
    .strictObject({ type: z.literal('water.link.deny'), from: z.string().min(1).max(80), to: z.string().min(1).max(80), denied: z.boolean(), technique: attackId.optional() })
    .describe('Deny (or restore) a PLC-to-PLC or PLC-to-SCADA link (T0814 denial of service).'),
  z
    .strictObject({ type: z.literal('water.dosing'), setpointMgL: finite.min(0).max(100_000), node: z.string().min(1).max(80).optional(), actor: z.enum(ACTORS).optional(), technique: attackId.optional() })
    .describe('Set the chemical dosing setpoint (Oldsmar, 2021: sodium hydroxide raised from 100 to 11,100 ppm).'),
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
  expected: z
    .array(
      z.strictObject({
        id: slug,
        description: text(500).min(1),
        command: z.string().max(60).optional().describe('The command type that counts as doing it, e.g. "asset.secure"; leave out for actions an evaluator marks.'),
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
});

export const decisionSchema = z.strictObject({
  id: slug,
  title: text(200).min(1),
  prompt: text(4000).optional(),
  at: duration.optional().describe('When it is put to players; or use afterInject; leave both out for on demand.'),
  afterInject: slug.optional(),
  budget: duration.optional().describe('Time players have to decide (default 15m).'),
  options: z
    .array(z.strictObject({ id: slug, label: text(200).min(1), commands: z.array(commandSchema), recommended: z.boolean().optional() }))
    .min(2),
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
  osm: z.string().min(1).max(500).optional().describe('An OpenStreetMap extract (.osm XML), relative to this scenario file: buildings, roads and signals. Instead of "generator".'),
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
const elementId = z.string().min(1).max(31).describe('An id as written in the .inp file.');

export const waterSchema = z
  .strictObject({
    inp: z.string().min(1).max(500).optional().describe('An EPANET input file (.inp), relative to this scenario file. Replaces the generated city network.'),
    cpa: z.string().min(1).max(500).optional().describe('An epanetCPA .cpa file (relative to this scenario): PLCs with their sensors and actuators, and the links between them.'),
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
      .describe('For an imported network: count each junction\'s base demand as residents at this use per person per day (e.g. 150), so "people without water" covers it.'),
    commsLoss: z.enum(['hold', 'failsafe']).optional().describe('What a PLC does when a reading stops arriving: keep the last value (default) or stop the pumps it drives.'),
    assets: z
      .array(z.strictObject({ element: elementId.describe('A pump, valve, tank or reservoir id, or a PLC id.'), asset: slug }))
      .optional()
      .describe('Existing assets that stand for elements of the model; other pumps, valves, tanks, reservoirs and PLCs get assets of their own.'),
    consumers: z
      .array(z.strictObject({ node: elementId, asset: slug, storageMin: finite.min(0).max(10_080).optional(), tanks: z.array(elementId).optional(), pumps: z.array(elementId).optional() }))
      .optional()
      .describe('Demand nodes whose service decides an asset\'s water (a neighbourhood, the hospital), with on-site storage.'),
    plcs: z
      .array(z.strictObject({ id: z.string().min(1).max(80), sensors: z.array(z.string().min(1)).optional(), actuators: z.array(elementId).optional(), asset: slug.optional() }))
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
      .describe('A dosed chemical tracked by EPANET\'s quality engine, for dosing attacks.'),
  })
  .describe('The water network: EPANET hydraulics with pumps that need power and PLCs that can be attacked.');

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
    decisions: z.array(decisionSchema).optional(),
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
