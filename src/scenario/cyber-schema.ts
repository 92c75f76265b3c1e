/**
 * Scenario sections for the cyber layer (issue 6): `comms` (the network's capacities, sharing,
 * firewall rules, vendors' VPN reach), `cctv` (camera optics, analytics, retention, an imported
 * camera register) and `policies` (what the city has decided about vendors and data). Kept apart
 * from schema.ts so the shared file only names them; the small helpers are repeated here because
 * schema.ts imports this file.
 */
import { z } from 'zod';

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'must be lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit' })
  .max(80);
const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' });
const duration = z.string().regex(/^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/, { error: 'must be a duration such as "90s", "30m", "6h", "2d" or "1h30m"' });

export const ZONE_IDS = ['network', 'cctv', 'grid', 'water', 'traffic', 'corporate', 'control', 'vendor-dmz', 'internet'] as const;
const zone = z.enum(ZONE_IDS);

export const commsSchema = z
  .strictObject({
    sharing: z
      .enum(['proportional', 'max-min'])
      .optional()
      .describe('How congested links share bandwidth: drop-tail FIFO ("proportional", default) or fair queueing / QoS ("max-min").'),
    bufferMs: finite.min(1).max(2000).optional().describe('Queueing delay on a saturated hop, ms (router buffer; default 100).'),
    capacityMbps: z
      .strictObject({
        access: finite.min(1).max(100_000).optional().describe('Device to street cabinet (default 100).'),
        aggregation: finite.min(1).max(100_000).optional().describe('Street cabinet to district aggregation (default 1000).'),
        backhaul: finite.min(1).max(400_000).optional().describe('District aggregation to the core (default 1000).'),
        uplink: finite.min(1).max(400_000).optional().describe('Core to the internet (default 1000).'),
      })
      .optional(),
    rules: z
      .array(z.strictObject({ from: zone, to: zone }))
      .optional()
      .describe('With segmentation in force, the zone-to-zone traffic the firewall passes (replaces the default rules).'),
    vendorAccess: z
      .array(z.strictObject({ vendor: slug, zones: z.array(zone).min(1) }))
      .optional()
      .describe("With segmentation in force, the zones each vendor's VPN reaches (default: the zones of the vendor's own assets)."),
    homeJurisdiction: z.string().min(1).max(120).optional().describe("The city's own jurisdiction, where its NVRs keep data (default United Kingdom)."),
  })
  .describe('The communications network: bandwidth, sharing, zones and firewall rules, vendor VPNs.');

export const cctvSchema = z
  .strictObject({
    register: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .describe('A camera register to import (CSV with lat/lon columns, or GeoJSON points), relative to this scenario file.'),
    registerVendor: slug.optional().describe('Vendor of the imported cameras.'),
    registerAttribution: z.string().max(500).optional().describe('Attribution the register’s licence requires (e.g. OGL v3).'),
    generated: z.boolean().optional().describe("Keep the generated city's cameras alongside an imported register (default true)."),
    fovDeg: finite.min(5).max(360).optional().describe('Horizontal field of view (default 90).'),
    rangeM: finite.min(5).max(500).optional().describe('Range at which analytics still work (default 60).'),
    heightM: finite.min(1).max(50).optional().describe('Mounting height (default 6).'),
    analytics: z
      .array(z.strictObject({ vendor: slug.optional(), kind: z.enum(['plate', 'face', 'count']), site: z.enum(['camera', 'nvr', 'cloud']) }))
      .optional()
      .describe(
        "What runs on the footage, and where; default ANPR and face matching where the camera's vendor has a cloud, else on the NVR, and counting on the camera.",
      ),
    retention: duration.optional().describe('How long records are kept (default 30d).'),
  })
  .describe('CCTV: camera optics, analytics and where they run, retention, an imported register.');

export const policiesSchema = z
  .strictObject({
    segmentation: z.boolean().optional().describe('Mandatory segmentation: zones reach each other only by the firewall rules.'),
    vendorRemoteAccess: z.boolean().optional().describe('Whether vendors keep remote-maintenance access (default true).'),
    dataLocalisation: z.boolean().optional().describe("Data stays in the city's jurisdiction: analytics run on NVRs, nothing in a vendor cloud."),
    edgeAnonymisation: z.boolean().optional().describe('Identifiers (plates, face templates) are stripped on the camera.'),
    egressMonitoring: z.boolean().optional().describe('Watch traffic leaving the network for exfiltration.'),
    banVendors: z
      .array(z.strictObject({ vendor: slug, kinds: z.array(slug).min(1).optional(), replacement: slug.nullable() }))
      .optional()
      .describe('Ban a vendor from asset kinds (all it supplies when left out); its assets go to the replacement vendor (or no vendor).'),
  })
  .describe('Policies the city has adopted; most can also be changed at run time with policy.set.');
