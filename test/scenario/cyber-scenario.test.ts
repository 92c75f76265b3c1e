/**
 * The cyber sections of a scenario file: a vendor ban hands its assets to the replacement,
 * segmentation and vendor access compile into the network, commands are checked against the
 * zones, datasets and vendors with path-and-hint errors, and a generated city's network carries
 * its own control, telemetry and video flows.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario';
import { VENDORS } from '../support/scenarios';

const base = (extra: Record<string, unknown>) =>
  JSON.stringify({
    version: 1,
    meta: { id: 't', title: 't' },
    city: { generator: { buildings: 400, population: 5000, sizeM: [2400, 2000] } },
    vendors: [VENDORS.kestrel, VENDORS.meridian],
    ...extra,
  });

describe('cyber scenario sections', () => {
  it('builds the network of a generated city with its own flows and the vendor clouds', () => {
    const r = loadScenarioText(base({}));
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (!r.ok) return;
    const c = r.input.cyber!;
    const kinds = new Set(c.comms.flows.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['backup', 'control', 'telemetry', 'video']);
    const signals = r.input.assets.filter((a) => a.kind === 'traffic-signal');
    expect(c.comms.flows.filter((f) => f.kind === 'control' && signals.some((s) => s.id === f.src))).toHaveLength(signals.length);
    expect(c.cloudNodes).toEqual({ kestrel: 'cloud-kestrel' });
    // Kestrel has a cloud: plates and faces go there, in Calderra.
    expect(c.cctv.datasets.filter((d) => d.cloudVendor === 'kestrel').map((d) => [d.id, d.jurisdiction])).toEqual([
      ['kestrel-cloud-plate', 'Calderra'],
      ['kestrel-cloud-face', 'Calderra'],
    ]);
  });

  it('keeps everything on the city recorders under data localisation', () => {
    const r = loadScenarioText(base({ policies: { dataLocalisation: true } }));
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
    expect(r.input.cyber!.cctv.datasets.every((d) => d.cloudVendor === null && d.jurisdiction === 'United Kingdom')).toBe(true);
  });

  it('hands a banned vendor’s assets to the replacement, with its remote access or none', () => {
    const r = loadScenarioText(base({ policies: { banVendors: [{ vendor: 'kestrel', kinds: ['camera'], replacement: 'meridian' }] } }));
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
    const cams = r.input.assets.filter((a) => a.kind === 'camera');
    expect(cams.length).toBeGreaterThan(0);
    expect(cams.every((a) => a.vendor === 'meridian' && !a.remoteAccess)).toBe(true);
    expect(r.input.assets.filter((a) => a.kind === 'nvr').every((a) => a.vendor === 'kestrel')).toBe(true);
  });

  it('checks cyber commands against zones, datasets and vendors, naming the path', () => {
    const r = loadScenarioText(
      base({
        policies: { banVendors: [{ vendor: 'kestrl', replacement: null }] },
        injects: [
          {
            id: 'x',
            at: '10m',
            title: 'x',
            commands: [
              { type: 'comms.isolate', zone: 'ccvt', isolated: true },
              { type: 'threat.exfiltrate', datasets: ['kestrel-cloud-plates'], destination: 'Calderra' },
              { type: 'threat.campaign', id: 'a', entry: 'vendor-access', objective: 'exfiltrate' },
            ],
          },
        ],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i]));
    expect(byPath['policies.banVendors[0].vendor']?.hint).toMatch(/kestrel/);
    expect(byPath['injects[0].commands[0].zone']?.hint).toMatch(/cctv/);
    expect(byPath['injects[0].commands[1].datasets[0]']?.hint).toMatch(/kestrel-cloud-plate/);
    expect(byPath['injects[0].commands[2].vendor']?.message).toMatch(/needs the vendor/);
  });
});
