/**
 * A vendor ban issued during a run (policy.vendor.ban) is a replacement programme: crews swap the
 * banned vendor's kit unit by unit, each unit down while it is swapped; afterwards the unit is the
 * replacement vendor's (with its remote maintenance or none), holds none of the attacker's
 * footholds, and a camera's analytics and video leave the banned vendor's cloud — so a later
 * compromise of that vendor reaches none of it, and what its cloud leaks stops growing.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, HOUR, MINUTE, SECOND, vendorId, type SimInput, type VendorSpec } from '../../../src/sim';
import { loadScenarioText } from '../../../src/scenario';
import { FLOW_KINDS } from '../../../src/sim/comms';
import { SWAP_MS } from '../../../src/sim/threats';
import { KESTREL, smallNetwork, type NetworkOptions } from '../../support/network';
import { VENDORS } from '../../support/scenarios';
import { twin } from '../../support/twin';

const MERIDIAN: VendorSpec = {
  id: vendorId('meridian'),
  name: 'Meridian',
  jurisdiction: 'United Kingdom',
  supplies: ['camera'],
  remoteMaintenance: true,
  cloudJurisdiction: null,
};

/** The small network with a second vendor; `meridianCloud` gives Meridian a cloud in the UK. */
function fixture(o: NetworkOptions & { meridianCloud?: boolean } = {}): SimInput {
  const fx = smallNetwork(o);
  const meridian: VendorSpec = o.meridianCloud ? { ...MERIDIAN, cloudJurisdiction: 'United Kingdom' } : MERIDIAN;
  const c = fx.cyber!;
  const comms = o.meridianCloud
    ? {
        ...c.comms,
        nodes: [...c.comms.nodes, { id: 'cloud-meridian', asset: null, zone: 'internet', jurisdiction: 'United Kingdom' }],
        links: [...c.comms.links, { id: 'internet~cloud-meridian', a: 'internet', b: 'cloud-meridian', capacityMbps: 10_000, cls: 'cloud' as const }],
      }
    : c.comms;
  const vendors = [KESTREL, meridian];
  return { ...fx, vendors, cyber: { ...c, comms, vendors, cloudNodes: { ...c.cloudNodes, ...(o.meridianCloud ? { meridian: 'cloud-meridian' } : {}) } } };
}

const CAMS = ['cam-1', 'cam-2', 'cam-3', 'cam-4', 'cam-5'];

describe('a vendor ban during the run', () => {
  it('swaps the kit over time, crews in parallel, each unit down while it is swapped', () => {
    const t = twin(fixture())
      .apply({ type: 'policy.vendor.ban', vendor: 'kestrel', kinds: ['camera', 'nvr'], replacement: 'meridian', crews: 2 })
      .until('1s');
    const sim = t.sim;
    const t0 = t.first('vendor.banned')!.tMs;
    const cam = SWAP_MS.camera!;
    const nvr = SWAP_MS.nvr!;
    // Id order with two crews: cam-1 and cam-2 first, then cam-3 and cam-4, then cam-5 and the recorder.
    const end = t0 + 2 * cam + nvr;
    const ban = t.first('vendor.banned')!;
    expect(ban.data).toMatchObject({ vendor: 'kestrel', kinds: ['camera', 'nvr'], replacement: 'meridian', assets: 6, crews: 2, endMs: end });
    // An operator's command, logged in plain words, is the root of the programme.
    const root = sim.events.find((e) => e.id === ban.causes[0])!;
    expect(root.type === 'command.applied' && root.data).toEqual({
      command: 'ban kestrel from camera, nvr: replace its kit with meridian (2 crews)',
      actor: 'operator',
    });
    const replaced = () => t.events('vendor.asset.replaced').map((e) => e.source);
    const down = () => [...CAMS, 'nvr'].filter((id) => t.status(id) === 'down');
    expect(replaced()).toEqual([]);
    expect(down()).toEqual(['cam-1', 'cam-2']);
    expect(sim.cyber!.cctv.countByState()).toMatchObject({ 'no-power': 0, offline: 2 });
    t.until(t0 + cam + SECOND);
    expect(replaced()).toEqual(['cam-1', 'cam-2']);
    expect(down()).toEqual(['cam-3', 'cam-4']);
    t.until(t0 + 2 * cam + SECOND);
    expect(replaced()).toHaveLength(4);
    expect(down()).toEqual(['cam-5', 'nvr']);
    // The cascade: new cameras stream to the recorder, which is now being swapped itself.
    t.until(t0 + 2 * cam + 10 * SECOND);
    expect(sim.cyber!.cctv.countByState()).toMatchObject({ offline: 1, 'no-network': 4 });
    t.until(t0 + 3 * cam + SECOND);
    expect(replaced()).toHaveLength(5);
    expect(down()).toEqual(['nvr']);
    t.until(end - SECOND);
    expect(replaced()).toHaveLength(5);
    t.until(end + SECOND);
    expect(replaced()).toEqual([...CAMS, 'nvr']);
    expect(down()).toEqual([]);
    for (const id of [...CAMS, 'nvr']) expect(sim.world.get(id)).toMatchObject({ vendor: 'meridian', remoteAccess: true });
    // The vendor's own gateway is not kit to replace.
    expect(sim.world.get('gateway-kestrel').vendor).toBe('kestrel');
    // Every replacement, and every unit going down, leads back to the ban.
    for (const e of t.events('vendor.asset.replaced')) expect(e.causes).toEqual([ban.id]);
    for (const e of t.events('asset.status.changed').filter((x) => x.data.to === 'down')) expect(e.causes).toEqual([ban.id]);
    expect(sim.cyber!.snapshot().resupplied.map((r) => r.asset)).toEqual([...CAMS, 'nvr']);
    expect(sim.cyber!.final().comms).toMatchObject({ vendorBans: [{ vendor: 'kestrel', assets: 6, replaced: 6, endMs: end }] });
  });

  it('takes a signal controller off its junction for half a day, and only the kinds named', () => {
    const { world } = twin(fixture({ vendorSuppliesSignal: true }))
      .apply({ type: 'policy.vendor.ban', vendor: 'kestrel', kinds: ['traffic-signal'], replacement: null })
      .until(SWAP_MS['traffic-signal']! - MINUTE)
      .expectStatuses({ sig: 'down', 'cam-1': 'ok' })
      .until(SWAP_MS['traffic-signal']! + MINUTE)
      .expectStatus('sig', 'ok').sim;
    expect(world.get('sig')).toMatchObject({ vendor: null, remoteAccess: false });
    expect(world.get('cam-1').vendor).toBe('kestrel');
  });

  it('leaves a later compromise of the banned vendor nothing of the replaced kit, and cleans what it held', () => {
    const t = twin(fixture()).apply({ type: 'vendor.compromise', vendor: 'kestrel' }).until('1s');
    expect(CAMS.every((id) => t.compromised(id))).toBe(true);
    t.apply({ type: 'policy.vendor.ban', vendor: 'kestrel', kinds: ['camera'], replacement: 'meridian', crews: 5 }).until(SWAP_MS.camera! + MINUTE);
    // New hardware: the attacker's footholds on the cameras are gone, each by its replacement.
    const secured = t.events('asset.secured');
    expect(secured.map((e) => e.source).sort()).toEqual(CAMS);
    const replacedBy = new Map(t.events('vendor.asset.replaced').map((e) => [e.source, e.id]));
    for (const e of secured) expect(e.causes[0]).toBe(replacedBy.get(e.source!));
    t.apply({ type: 'vendor.compromise', vendor: 'kestrel' }).until(SWAP_MS.camera! + 2 * MINUTE);
    // Only what is still Kestrel's and not already held: nothing here (gateway and recorder are still held).
    expect(t.last('vendor.access.compromised')!.data.assets).toBe(0);
    expect(CAMS.every((id) => !t.compromised(id))).toBe(true);
    // And a fresh compromise through a brand-new run reaches the recorder and gateway, never the cameras.
    const fresh = twin(fixture())
      .apply({ type: 'policy.vendor.ban', vendor: 'kestrel', kinds: ['camera'], replacement: null, crews: 5 })
      .until(SWAP_MS.camera! + MINUTE)
      .apply({ type: 'vendor.compromise', vendor: 'kestrel' })
      .until(SWAP_MS.camera! + 2 * MINUTE);
    expect(fresh.held().sort()).toEqual(['gateway-kestrel', 'nvr']);
  });

  it("moves camera data off the banned vendor's cloud: what it leaks stops growing once every camera is replaced", () => {
    const sim = twin(fixture())
      .apply({ type: 'threat.campaign', id: 'heist', entry: 'vendor-access', vendor: 'kestrel', objective: 'exfiltrate', dwellMin: 5, destination: 'Calderra' })
      .until('20m').sim;
    const taken = (id: string) => sim.cyber!.threats.exfil.ledger().find((e) => e.dataset === id)?.records ?? 0;
    expect(taken('kestrel-cloud-plate')).toBeGreaterThan(0);
    sim.apply({ type: 'policy.vendor.ban', vendor: 'kestrel', kinds: ['camera'], replacement: 'meridian', crews: 2 });
    sim.runUntil(20 * MINUTE + 3 * SWAP_MS.camera! + MINUTE);
    const done = taken('kestrel-cloud-plate');
    sim.runUntil(20 * MINUTE + 3 * SWAP_MS.camera! + 2 * HOUR);
    expect(taken('kestrel-cloud-plate')).toBe(done);
    const final = sim.cyber!.final();
    const sets = final.cctv.datasets as { id: string; jurisdiction: string; cloudVendor: string | null; records: number }[];
    // Meridian runs no cloud: plates are read on the city's recorder, in the city's jurisdiction.
    const nvrPlate = sets.find((d) => d.id === 'nvr-plate')!;
    expect(nvrPlate).toMatchObject({ jurisdiction: 'United Kingdom', cloudVendor: null });
    expect(nvrPlate.records).toBeGreaterThan(0);
    const cloudHeld = sets.find((d) => d.id === 'kestrel-cloud-plate')!.records;
    sim.runUntil(20 * MINUTE + 3 * SWAP_MS.camera! + 3 * HOUR);
    expect((sim.cyber!.final().cctv.datasets as typeof sets).find((d) => d.id === 'kestrel-cloud-plate')!.records).toBe(cloudHeld);
    expect(
      sim.cyber!.cctv.input.cameras.every(
        (c) => c.cloudVendor === null && c.analytics.every((a) => sim.cyber!.cctv.input.datasets[a.dataset]!.cloudVendor === null),
      ),
    ).toBe(true);
  });

  it("sends a camera's analytics and video to the replacement vendor's cloud when it runs one", () => {
    const sim = createSimulation(fixture({ meridianCloud: true }));
    sim.apply({ type: 'policy.vendor.ban', vendor: 'kestrel', kinds: ['camera'], replacement: 'meridian', crews: 5 });
    sim.runUntil(SWAP_MS.camera! + MINUTE);
    const { cctv, comms } = sim.cyber!;
    const sets = cctv.input.datasets;
    for (const c of cctv.input.cameras) {
      expect(c.cloudVendor).toBe('meridian');
      expect(c.analytics.map((a) => sets[a.dataset]!.id).sort()).toEqual(['meridian-cloud-plate', 'nvr-count']);
    }
    expect(sets.find((d) => d.id === 'meridian-cloud-plate')!.jurisdiction).toBe('United Kingdom');
    expect(sim.cyber!.snapshot().datasetsAdded).toEqual([
      { id: 'meridian-cloud-plate', kind: 'plate', jurisdiction: 'United Kingdom', cloudVendor: 'meridian' },
    ]);
    // Each camera's live video flow now ends at Meridian's cloud, and the cameras work.
    const video = FLOW_KINDS.indexOf('video');
    const live = [...Array(comms.flows.count).keys()].filter((f) => comms.flows.kind[f] === video && comms.flows.demand[f]! > 0);
    expect(live.map((f) => comms.net.nodeIds[comms.flows.dst[f]!]).sort()).toEqual(Array(5).fill('cloud-meridian'));
    sim.runUntil(SWAP_MS.camera! + 2 * MINUTE);
    expect(cctv.countByState().ok).toBe(5);
    expect(cctv.stored[sets.findIndex((d) => d.id === 'meridian-cloud-plate')]!).toBeGreaterThan(0);
  });

  it("extends the replacement's maintenance VPN to the zone of its new kit, so it is exposed as the ban's price", () => {
    // Segmented network; Meridian keeps a VPN (gateway in the vendor DMZ) that reaches only the traffic zone.
    const base = fixture({ segmentation: true });
    const c = base.cyber!;
    const gw = { ...base.assets.find((a) => a.id === 'gateway-kestrel')!, id: 'gateway-meridian' as never, name: 'gateway-meridian', vendor: MERIDIAN.id };
    const input: SimInput = {
      ...base,
      assets: [...base.assets, gw],
      cyber: {
        ...c,
        comms: {
          ...c.comms,
          nodes: [...c.comms.nodes, { id: 'gateway-meridian', asset: 'gateway-meridian', zone: 'vendor-dmz', jurisdiction: null }],
          links: [...c.comms.links, { id: 'core~gwm', a: 'core', b: 'gateway-meridian', capacityMbps: 100, cls: 'vpn' as const }],
          vendorAccess: [...c.comms.vendorAccess, { vendor: 'meridian', gateway: 'gateway-meridian', zones: ['traffic'] }],
        },
      },
    };
    const before = createSimulation(input);
    expect(before.cyber!.vendorReaches('meridian', before.world.indexOf('cam-1'))).toBe(false);
    const t = twin(input)
      .apply({ type: 'policy.vendor.ban', vendor: 'kestrel', kinds: ['camera'], replacement: 'meridian', crews: 5 })
      .until(SWAP_MS.camera! + MINUTE)
      .apply({ type: 'vendor.compromise', vendor: 'meridian' })
      .until(SWAP_MS.camera! + 2 * MINUTE);
    expect(t.held().sort()).toEqual([...CAMS, 'gateway-meridian']);
  });

  it('comes out the same twice, and a run with no ban is untouched', () => {
    const run = (ban: boolean) => {
      const sim = createSimulation(fixture());
      if (ban) sim.apply({ type: 'policy.vendor.ban', vendor: 'kestrel', replacement: 'meridian', crews: 3 });
      sim.runUntil(3 * HOUR);
      return sim;
    };
    expect(run(true).hash()).toBe(run(true).hash());
    // The loaded scenario keeps its vendors: a ban changes the run's world, not the input.
    const input = fixture();
    const sim = createSimulation(input);
    sim.apply({ type: 'policy.vendor.ban', vendor: 'kestrel', replacement: null, crews: 10 });
    sim.runUntil(7 * HOUR);
    expect(input.assets.find((a) => a.id === 'cam-1')!.vendor).toBe('kestrel');
    expect(input.cyber!.cctv.datasets.map((d) => d.id)).toEqual(['kestrel-cloud-plate', 'nvr-count']);
    expect(createSimulation(input).world.get('cam-1').vendor).toBe('kestrel');
  });
});

describe('policy.vendor.ban in a scenario file', () => {
  const scenario = (commands: unknown[]) =>
    JSON.stringify({
      version: 1,
      meta: { id: 't', title: 't' },
      city: { generator: { buildings: 200, population: 2000, sizeM: [1600, 1400] } },
      vendors: [VENDORS.kestrel, VENDORS.meridian],
      injects: [{ id: 'ban', at: '1h', title: 'Ban', description: 'd', commands }],
    });

  it('loads a good ban', () => {
    const r = loadScenarioText(scenario([{ type: 'policy.vendor.ban', vendor: 'kestrel', kinds: ['camera'], replacement: 'meridian', crews: 6 }]));
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('names the path and a fix for unknown vendors and kinds the vendor does not supply', () => {
    const r = loadScenarioText(
      scenario([
        { type: 'policy.vendor.ban', vendor: 'kestrl', replacement: null },
        { type: 'policy.vendor.ban', vendor: 'kestrel', kinds: ['traffic-signal', 'camra'], replacement: 'meridain' },
        { type: 'policy.vendor.ban', vendor: 'kestrel', replacement: 'kestrel' },
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i]));
    const p = 'injects[0].commands';
    expect(byPath[`${p}[0].vendor`]?.hint).toMatch(/kestrel/);
    expect(byPath[`${p}[1].replacement`]?.hint).toMatch(/meridian/);
    expect(byPath[`${p}[1].kinds[0]`]?.message).toMatch(/supplies no traffic-signal/);
    expect(byPath[`${p}[1].kinds[0]`]?.hint).toMatch(/camera/);
    expect(byPath[`${p}[1].kinds[1]`]?.hint).toMatch(/did you mean "camera"/);
    expect(byPath[`${p}[2].replacement`]?.message).toMatch(/cannot replace itself/);
  });

  it('rejects a ban with no crews by the schema, at the field', () => {
    const r = loadScenarioText(scenario([{ type: 'policy.vendor.ban', vendor: 'kestrel', replacement: null, crews: 0 }]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toContain('injects[0].commands[0].crews');
  });
});
