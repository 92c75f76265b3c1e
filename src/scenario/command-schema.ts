/** The command forms a scenario's injects and decision options may use: one per simulation command, described by the simulation's command table (src/sim/core/commands.ts); src/scenario/command-types.ts checks the two agree. */
import { z } from 'zod';
import { COMMANDS } from '../sim';
import { privacyCommandForms } from './population-schema';
import { ACTORS, attackId, finite, slug, text } from './schema-primitives';

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

/** The grid commands' shared fields, as `GridSwitches` and `PowerActor` in src/sim/core/commands.ts. */
const gridSwitches = { branches: z.array(z.string().min(1)).optional(), substations: z.array(slug).optional() };
const powerActor = { actor: z.enum(ACTORS).optional(), technique: attackId.optional() };

export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('inject.fire'), inject: slug }).describe(COMMANDS['inject.fire'].summary),
  z.strictObject({ type: z.literal('vendor.compromise'), vendor: slug, technique: attackId.optional() }).describe(COMMANDS['vendor.compromise'].summary),
  z
    .strictObject({
      type: z.literal('asset.disable'),
      targets: selectorSchema,
      actor: z.enum(ACTORS).optional(),
      technique: attackId.optional(),
      reason: text(300).optional(),
    })
    .describe(COMMANDS['asset.disable'].summary),
  z
    .strictObject({ type: z.literal('asset.restore'), targets: selectorSchema, actor: z.enum(ACTORS).optional(), reason: text(300).optional() })
    .describe(COMMANDS['asset.restore'].summary),
  z.strictObject({ type: z.literal('asset.secure'), targets: selectorSchema }).describe(COMMANDS['asset.secure'].summary),
  // Comms, CCTV, threats and policies (issue 6).
  z
    .strictObject({ type: z.literal('comms.isolate'), zone: slug, isolated: z.boolean(), actor: z.enum(ACTORS).optional() })
    .describe(COMMANDS['comms.isolate'].summary),
  z
    .strictObject({ type: z.literal('comms.vendor-access'), vendor: slug, enabled: z.boolean(), actor: z.enum(ACTORS).optional() })
    .describe(COMMANDS['comms.vendor-access'].summary),
  z.strictObject({ type: z.literal('comms.manual'), kinds: z.array(slug).min(1).optional(), enabled: z.boolean() }).describe(COMMANDS['comms.manual'].summary),
  z
    .strictObject({ type: z.literal('cctv.view'), targets: selectorSchema, mode: z.enum(['loop', 'blind', 'clear']), technique: attackId.optional() })
    .describe(COMMANDS['cctv.view'].summary),
  z
    .strictObject({
      type: z.literal('threat.campaign'),
      id: slug,
      entry: z
        .enum(['vendor-access', 'default-credentials', 'firmware-backdoor'])
        .describe(
          "How the attacker gets in: a vendor's remote access (T0862, T0822), default credentials on internet-exposed devices (T0812, T0883), a firmware backdoor (T0857, T0839).",
        ),
      vendor: slug.optional(),
      kinds: z.array(slug).min(1).optional().describe('Asset kinds the entry targets (default credentials, backdoor); default cameras.'),
      firmware: text(60)
        .min(1)
        .optional()
        .describe(
          'For a firmware backdoor: the release that carries it (e.g. "4.2.1"); kit reflashed with a verified image, or running another release, is clean.',
        ),
      objective: z.enum(['exfiltrate', 'botnet', 'disrupt', 'blind']),
      dwellMin: finite.min(0).max(43_200).optional().describe('Minutes between attack stages (default 30).'),
      destination: text(120).min(1).optional().describe("Jurisdiction of the attacker's server, for exfiltration."),
    })
    .describe(COMMANDS['threat.campaign'].summary),
  z
    .strictObject({
      type: z.literal('threat.exfiltrate'),
      datasets: z.array(slug).min(1).optional(),
      destination: text(120).min(1),
      technique: attackId.optional(),
    })
    .describe(COMMANDS['threat.exfiltrate'].summary),
  z
    .strictObject({
      type: z.literal('threat.botnet'),
      targets: selectorSchema,
      action: z.enum(['start', 'stop']),
      mbpsPerDevice: finite.min(0).max(1000).optional(),
      technique: attackId.optional(),
    })
    .describe(COMMANDS['threat.botnet'].summary),
  z.strictObject({ type: z.literal('threat.disclose'), vendor: slug, requestedBy: text(120).min(1) }).describe(COMMANDS['threat.disclose'].summary),
  z.strictObject({ type: z.literal('threat.ransomware'), technique: attackId.optional() }).describe(COMMANDS['threat.ransomware'].summary),
  z.strictObject({ type: z.literal('threat.reflash'), targets: selectorSchema }).describe(COMMANDS['threat.reflash'].summary),
  z
    .strictObject({
      type: z.literal('policy.set'),
      policy: z.enum(['segmentation', 'vendor-remote-access', 'data-localisation', 'edge-anonymisation', 'egress-monitoring']),
      enabled: z.boolean(),
    })
    .describe(COMMANDS['policy.set'].summary),
  z
    .strictObject({
      type: z.literal('policy.vendor.ban'),
      vendor: slug,
      kinds: z
        .array(slug)
        .min(1)
        .optional()
        .describe('Asset kinds it may no longer supply; every kind it supplies here when left out (its own VPN gateway is never counted).'),
      replacement: slug
        .nullable()
        .describe('The vendor whose kit replaces it (its remote maintenance and cloud come with it), or null for kit with no vendor tie.'),
      crews: z.int().min(1).max(1000).optional().describe('Crews swapping kit in parallel (default 4).'),
    })
    .describe(COMMANDS['policy.vendor.ban'].summary),
  // Power grid (issue 3): breakers, protection, SCADA telemetry, smart meters, generators, crews.
  z
    .strictObject({ type: z.literal('power.breaker'), action: z.enum(['open', 'close']), ...gridSwitches, ...powerActor, reason: text(300).optional() })
    .describe(COMMANDS['power.breaker'].summary),
  z.strictObject({ type: z.literal('power.protection'), enabled: z.boolean(), ...gridSwitches, ...powerActor }).describe(COMMANDS['power.protection'].summary),
  z
    .strictObject({
      type: z.literal('power.telemetry'),
      mode: z.enum(['freeze', 'scale', 'clear']),
      factor: finite.min(0).max(100).optional(),
      ...gridSwitches,
      technique: attackId.optional(),
    })
    .describe(COMMANDS['power.telemetry'].summary),
  z
    .strictObject({
      type: z.literal('power.load.disconnect'),
      share: finite.min(0).max(1),
      buses: z.array(z.string().min(1)).optional(),
      substations: z.array(slug).optional(),
      ...powerActor,
    })
    .describe(COMMANDS['power.load.disconnect'].summary),
  z
    .strictObject({ type: z.literal('power.generator.trip'), generators: z.array(z.string().min(1)).min(1), ...powerActor })
    .describe(COMMANDS['power.generator.trip'].summary),
  z.strictObject({ type: z.literal('power.crew.dispatch'), substations: z.array(slug).min(1) }).describe(COMMANDS['power.crew.dispatch'].summary),
  // Exercise control (issue 8): the MSEL, decisions and notes.
  z.strictObject({ type: z.literal('inject.hold'), inject: slug }).describe(COMMANDS['inject.hold'].summary),
  z.strictObject({ type: z.literal('inject.release'), inject: slug }).describe(COMMANDS['inject.release'].summary),
  z.strictObject({ type: z.literal('inject.skip'), inject: slug }).describe(COMMANDS['inject.skip'].summary),
  z.strictObject({ type: z.literal('inject.pressure'), title: text(200).min(1), text: text(4000).optional() }).describe(COMMANDS['inject.pressure'].summary),
  z.strictObject({ type: z.literal('decision.open'), decision: slug }).describe(COMMANDS['decision.open'].summary),
  z
    .strictObject({ type: z.literal('decision.take'), decision: slug, option: slug, by: text(120).optional(), rationale: text(2000).optional() })
    .describe(COMMANDS['decision.take'].summary),
  z
    .strictObject({
      type: z.literal('note.add'),
      text: text(4000).min(1),
      author: text(120).optional(),
      kind: z.enum(['note', 'evaluation']).optional(),
      expected: z.string().max(200).optional(),
      met: z.boolean().optional(),
    })
    .describe(COMMANDS['note.add'].summary),
  z
    .strictObject({
      type: z.literal('traffic.signal.plan'),
      signals: z.array(slug).min(1),
      plan: z.enum(['all-red', 'all-green', 'normal']),
      technique: attackId.optional(),
    })
    .describe(COMMANDS['traffic.signal.plan'].summary),
  z
    .strictObject({
      type: z.literal('traffic.link'),
      action: z.enum(['close', 'open']),
      links: z.array(z.string().min(1).max(200)).min(1),
      actor: z.enum(ACTORS).optional(),
    })
    .describe(COMMANDS['traffic.link'].summary),
  z
    .strictObject({
      type: z.literal('water.sensor.spoof'),
      sensor: z.string().regex(/^[PF]_[^\s]+$/, { error: 'must be an epanetCPA sensor name: P_<node> for a level or pressure, F_<link> for a flow' }),
      to: z.string().min(1).max(80).optional().describe('Where the false reading arrives: a PLC id or "SCADA"; every destination when left out.'),
      mode: z.enum(['constant', 'offset', 'scale', 'freeze', 'clear']),
      value: finite.optional().describe('The constant (m or L/s), offset or scale factor.'),
      technique: attackId.optional(),
    })
    .describe(COMMANDS['water.sensor.spoof'].summary),
  z
    .strictObject({
      type: z.literal('water.plc.logic'),
      plc: z.string().min(1).max(80),
      rules: z
        .array(
          z.strictObject({
            rule: z.string().regex(/^CTRL\d+$/, { error: 'must be a rule id such as "CTRL17" (the 17th line of [CONTROLS])' }),
            levelM: finite,
          }),
        )
        .optional(),
      restore: z.boolean().optional(),
      technique: attackId.optional(),
    })
    .describe(COMMANDS['water.plc.logic'].summary),
  z
    .strictObject({
      type: z.literal('water.link.deny'),
      from: z.string().min(1).max(80),
      to: z.string().min(1).max(80),
      denied: z.boolean(),
      technique: attackId.optional(),
    })
    .describe(COMMANDS['water.link.deny'].summary),
  z
    .strictObject({
      type: z.literal('water.dosing'),
      setpointMgL: finite.min(0).max(100_000),
      node: z.string().min(1).max(80).optional(),
      actor: z.enum(ACTORS).optional(),
      technique: attackId.optional(),
    })
    .describe(COMMANDS['water.dosing'].summary),
  z
    .strictObject({
      type: z.literal('traffic.emergency.dispatch'),
      from: slug.describe('The station: a hospital or police-hq asset.'),
      to: slug.describe('The incident: an asset id.'),
      unit: z.string().min(1).max(80).optional(),
    })
    .describe(COMMANDS['traffic.emergency.dispatch'].summary),
  // Population and privacy (issue 7).
  ...privacyCommandForms,
]);
