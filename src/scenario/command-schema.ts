/** The command forms a scenario's injects and decision options may use: one per simulation command (src/scenario/command-types.ts checks the two lists agree). */
import { z } from 'zod';
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
    .describe('Loop or blind the view of cameras the attacker holds (T0832 manipulation of view), or clear it.'),
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
    .describe('An attacker who progresses over time: initial access, discovery, lateral movement along paths segmentation allows, impact.'),
  z
    .strictObject({
      type: z.literal('threat.exfiltrate'),
      datasets: z.array(slug).min(1).optional(),
      destination: text(120).min(1),
      technique: attackId.optional(),
    })
    .describe('Send datasets the attacker can reach to an external server (T0882 theft of operational information, T1537 transfer to cloud account).'),
  z
    .strictObject({
      type: z.literal('threat.botnet'),
      targets: selectorSchema,
      action: z.enum(['start', 'stop']),
      mbpsPerDevice: finite.min(0).max(1000).optional(),
      technique: attackId.optional(),
    })
    .describe('Compromised devices flood the network (Mirai, 2016): start or stop.'),
  z
    .strictObject({ type: z.literal('threat.disclose'), vendor: slug, requestedBy: text(120).min(1) })
    .describe(
      "A legal order compels a vendor to hand over the city's data in its cloud: no hacking, not stopped by segmentation, only by data localisation or minimisation.",
    ),
  z
    .strictObject({ type: z.literal('threat.ransomware'), technique: attackId.optional() })
    .describe("Ransomware on the operator's IT: loss of view (T0829), so operation turns manual."),
  z
    .strictObject({ type: z.literal('threat.reflash'), targets: selectorSchema })
    .describe('Reflash firmware on assets: 30 minutes a site, crews in parallel; removes the attacker and any backdoor.'),
  z
    .strictObject({
      type: z.literal('policy.set'),
      policy: z.enum(['segmentation', 'vendor-remote-access', 'data-localisation', 'edge-anonymisation', 'egress-monitoring']),
      enabled: z.boolean(),
    })
    .describe('Enforce or lift a policy at run time.'),
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
    .describe(
      'Ban a vendor from asset kinds during the run: crews replace its kit unit by unit (a camera about 1.5 h, a signal controller 4 h, a recorder 6 h, anything else 4 h), each unit out of service while it is swapped; new kit removes any attacker foothold, and camera data leaves the vendor’s cloud.',
    ),
  // Power grid (issue 3): breakers, protection, SCADA telemetry, smart meters, generators, crews.
  z
    .strictObject({
      type: z.literal('power.breaker'),
      action: z.enum(['open', 'close']),
      branches: z.array(z.string().min(1)).optional(),
      substations: z.array(slug).optional(),
      actor: z.enum(ACTORS).optional(),
      technique: attackId.optional(),
      reason: text(300).optional(),
    })
    .describe('Open or close breakers: on named lines, or every breaker at named substations (T0855 unauthorised command when an attacker does it).'),
  z
    .strictObject({
      type: z.literal('power.protection'),
      enabled: z.boolean(),
      branches: z.array(z.string().min(1)).optional(),
      substations: z.array(slug).optional(),
      actor: z.enum(ACTORS).optional(),
      technique: attackId.optional(),
    })
    .describe('Disable or restore line protection (Kyiv, December 2016); everywhere when no lines or substations are named.'),
  z
    .strictObject({
      type: z.literal('power.telemetry'),
      mode: z.enum(['freeze', 'scale', 'clear']),
      factor: finite.min(0).max(100).optional(),
      branches: z.array(z.string().min(1)).optional(),
      substations: z.array(slug).optional(),
      technique: attackId.optional(),
    })
    .describe(
      'Spoof what SCADA shows operators (T0832 manipulation of view, T0856 spoof reporting message): freeze readings, scale them, or clear the spoofing.',
    ),
  z
    .strictObject({
      type: z.literal('power.load.disconnect'),
      share: finite.min(0).max(1),
      buses: z.array(z.string().min(1)).optional(),
      substations: z.array(slug).optional(),
      actor: z.enum(ACTORS).optional(),
      technique: attackId.optional(),
    })
    .describe('Remote smart-meter disconnection of a share of load (0 reconnects it).'),
  z
    .strictObject({
      type: z.literal('power.generator.trip'),
      generators: z.array(z.string().min(1)).min(1),
      actor: z.enum(ACTORS).optional(),
      technique: attackId.optional(),
    })
    .describe('Trip generators.'),
  z
    .strictObject({ type: z.literal('power.crew.dispatch'), substations: z.array(slug).min(1) })
    .describe('Send crews to restore substations: remote re-closing when SCADA is trusted, else by hand.'),
  // Exercise control (issue 8): the MSEL, decisions and notes.
  z.strictObject({ type: z.literal('inject.hold'), inject: slug }).describe('Hold a scheduled inject.'),
  z.strictObject({ type: z.literal('inject.release'), inject: slug }).describe('Release a held inject (it fires at once if its time has passed).'),
  z.strictObject({ type: z.literal('inject.skip'), inject: slug }).describe('Skip an inject.'),
  z
    .strictObject({ type: z.literal('inject.pressure'), title: text(200).min(1), text: text(4000).optional() })
    .describe('An unscheduled pressure inject read out to players.'),
  z.strictObject({ type: z.literal('decision.open'), decision: slug }).describe('Put a decision point to players now.'),
  z
    .strictObject({ type: z.literal('decision.take'), decision: slug, option: slug, by: text(120).optional(), rationale: text(2000).optional() })
    .describe('Take a decision: the option’s commands are applied, with who decided and why.'),
  z
    .strictObject({
      type: z.literal('note.add'),
      text: text(4000).min(1),
      author: text(120).optional(),
      kind: z.enum(['note', 'evaluation']).optional(),
      expected: z.string().max(200).optional(),
      met: z.boolean().optional(),
    })
    .describe("A facilitator's or evaluator's note; an evaluation can mark an expected action (inject/action) as met or not."),
  z
    .strictObject({
      type: z.literal('traffic.signal.plan'),
      signals: z.array(slug).min(1),
      plan: z.enum(['all-red', 'all-green', 'normal']),
      technique: attackId.optional(),
    })
    .describe('An attacker holding signal controllers imposes a plan: all-red, or conflicting greens; "normal" hands them back to their plans.'),
  z
    .strictObject({
      type: z.literal('traffic.link'),
      action: z.enum(['close', 'open']),
      links: z.array(z.string().min(1).max(200)).min(1),
      actor: z.enum(ACTORS).optional(),
    })
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
    .describe("Change a PLC's control logic: move the levels its rules switch at (T0889 modify program), or restore them."),
  z
    .strictObject({
      type: z.literal('water.link.deny'),
      from: z.string().min(1).max(80),
      to: z.string().min(1).max(80),
      denied: z.boolean(),
      technique: attackId.optional(),
    })
    .describe('Deny (or restore) a PLC-to-PLC or PLC-to-SCADA link (T0814 denial of service).'),
  z
    .strictObject({
      type: z.literal('water.dosing'),
      setpointMgL: finite.min(0).max(100_000),
      node: z.string().min(1).max(80).optional(),
      actor: z.enum(ACTORS).optional(),
      technique: attackId.optional(),
    })
    .describe('Set the chemical dosing setpoint (Oldsmar, 2021: sodium hydroxide raised from 100 to 11,100 ppm).'),
  z
    .strictObject({
      type: z.literal('traffic.emergency.dispatch'),
      from: slug.describe('The station: a hospital or police-hq asset.'),
      to: slug.describe('The incident: an asset id.'),
      unit: z.string().min(1).max(80).optional(),
    })
    .describe('Send an emergency vehicle from a station to an incident.'),
  // Population and privacy (issue 7).
  ...privacyCommandForms,
]);
