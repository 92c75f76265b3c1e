/**
 * The attacker over time and the data it takes: a vendor-access campaign's stages follow one
 * another by the dwell time, each caused by the last; exfiltration is bounded by bandwidth and by
 * what the datasets hold, and lands in the destination's jurisdiction; policies change the outcome
 * (no vendor access, localisation, edge anonymisation); compelled disclosure needs no hacking.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, MINUTE, HOUR, type SimEvent } from '../../../src/sim';
import { networkFixture, type FixtureOptions } from '../comms/network-fixture';

const of = (events: readonly SimEvent[], type: string) => events.filter((e) => e.type === type);

function campaign(o: FixtureOptions = {}) {
  const sim = createSimulation(networkFixture(o));
  sim.apply({
    type: 'threat.campaign',
    id: 'heist',
    entry: 'vendor-access',
    vendor: 'kestrel',
    objective: 'exfiltrate',
    dwellMin: 10,
    destination: 'Calderra',
  });
  return sim;
}

describe('attacker progression and exfiltration', () => {
  it('moves through its stages a dwell time apart, each caused by the one before', () => {
    const sim = campaign();
    sim.runUntil(40 * MINUTE);
    const stages = of(sim.events, 'threat.stage').map((e) => (e.type === 'threat.stage' ? { stage: e.data.stage, t: e.tMs, e } : null)!);
    expect(stages.map((s) => s.stage)).toEqual(['initial-access', 'discovery', 'lateral-movement', 'impact']);
    expect(stages.map((s) => s.t - stages[0]!.t)).toEqual([0, 10 * MINUTE, 20 * MINUTE, 30 * MINUTE]);
    for (let i = 1; i < stages.length; i++) expect(stages[i]!.e.causes).toContain(stages[i - 1]!.e.id);
    // Cameras, the recorder and the gateway fall at initial access, through the gateway.
    expect(sim.world.compromise[sim.world.indexOf('nvr')]).not.toBeNull();
    const started = of(sim.events, 'data.exfiltration.started');
    expect(started.map((e) => e.type === 'data.exfiltration.started' && e.data.dataset).sort()).toEqual(['kestrel-cloud-plate', 'nvr-count']);
  });

  it('takes no more than the bandwidth carries or the datasets hold, into the destination jurisdiction', () => {
    const sim = campaign();
    sim.runUntil(2 * HOUR);
    const ledger = sim.cyber!.threats.exfil.ledger();
    expect(ledger.length).toBe(2);
    const stored = sim.cyber!.cctv.stored;
    const elapsedS = (2 * HOUR - 30 * MINUTE) / 1000;
    for (const e of ledger) {
      expect(e.destinationJurisdiction).toBe('Calderra');
      expect(e.records).toBeGreaterThan(0);
      const d = sim.cyber!.cctv.input.datasets.findIndex((x) => x.id === e.dataset);
      expect(e.records).toBeLessThanOrEqual(Math.floor(stored[d]!) + 1);
      // The cloud job asks for 100 Mb/s, the recorder's 20 Mb/s.
      expect(e.bytes).toBeLessThanOrEqual(((e.dataset.includes('cloud') ? 100e6 : 20e6) / 8) * elapsedS + 1);
    }
    expect(sim.kpis().recordsExfiltrated).toBe(ledger.reduce((n, e) => n + e.records, 0));
    // Milestone events, not one per record.
    expect(of(sim.events, 'data.exfiltrated').length).toBeLessThan(20);
  });

  it('takes only what a thin link to the attacker carries, shared between its jobs', () => {
    const input = networkFixture();
    const links = input.cyber!.comms.links.map((l) => (l.id === 'internet~attacker' ? { ...l, capacityMbps: 0.02 } : l));
    const sim = createSimulation({ ...input, cyber: { ...input.cyber!, comms: { ...input.cyber!.comms, links } } });
    sim.apply({
      type: 'threat.campaign',
      id: 'heist',
      entry: 'vendor-access',
      vendor: 'kestrel',
      objective: 'exfiltrate',
      dwellMin: 10,
      destination: 'Calderra',
    });
    sim.runUntil(2 * HOUR);
    const ledger = sim.cyber!.threats.exfil.ledger();
    const bytes = ledger.reduce((n, e) => n + e.bytes, 0);
    const elapsedS = (2 * HOUR - 30 * MINUTE) / 1000;
    // 20 kb/s for 90 minutes at most, against the 120 Mb/s the two jobs ask for (the stores hold more).
    expect(bytes).toBeLessThanOrEqual((0.02e6 / 8) * elapsedS + 1);
    expect(bytes).toBeGreaterThan(0.5 * (0.02e6 / 8) * elapsedS);
    expect(ledger.reduce((n, e) => n + e.records, 0)).toBeLessThan(sim.cyber!.cctv.stored.reduce((n, x) => n + x, 0));
  });

  it('is blocked at the door when vendors hold no remote access', () => {
    const sim = campaign({ policies: { 'vendor-remote-access': false } });
    sim.runUntil(HOUR);
    const stages = of(sim.events, 'threat.stage');
    expect(stages.map((e) => e.type === 'threat.stage' && e.data.stage)).toEqual(['blocked']);
    expect(sim.world.compromise.every((c) => c === null)).toBe(true);
  });

  it('takes only unlinkable records when identifiers are stripped at the edge', () => {
    const sim = campaign({ policies: { 'edge-anonymisation': true } });
    sim.runUntil(2 * HOUR);
    const ledger = sim.cyber!.threats.exfil.ledger();
    expect(ledger.some((e) => e.records > 0)).toBe(true);
    expect(ledger.every((e) => e.identifying === 0)).toBe(true);
  });
});

describe('compelled disclosure', () => {
  it('hands over the vendor cloud’s records two hours after the order, whatever the segmentation', () => {
    const sim = createSimulation(networkFixture({ segmentation: true, policies: { 'egress-monitoring': true } }));
    sim.runUntil(HOUR);
    sim.apply({ type: 'threat.disclose', vendor: 'kestrel', requestedBy: 'Calderra' });
    sim.runUntil(HOUR + 119 * MINUTE);
    expect(of(sim.events, 'data.disclosed')).toHaveLength(0);
    sim.runUntil(3 * HOUR + MINUTE);
    const d = of(sim.events, 'data.disclosed');
    expect(d).toHaveLength(1);
    const ledger = sim.cyber!.threats.exfil.ledger();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]!.dataset).toBe('kestrel-cloud-plate');
    expect(ledger[0]!.how).toBe('compelled-disclosure');
    expect(ledger[0]!.records).toBeGreaterThan(0);
    expect(sim.world.compromise.every((c) => c === null)).toBe(true);
  });

  it('comes back empty when the data is localised before the deadline', () => {
    const sim = createSimulation(networkFixture());
    sim.runUntil(HOUR);
    sim.apply({ type: 'threat.disclose', vendor: 'kestrel', requestedBy: 'Calderra' });
    sim.apply({ type: 'policy.set', policy: 'data-localisation', enabled: true });
    sim.runUntil(4 * HOUR);
    const d = of(sim.events, 'data.disclosed');
    expect(d).toHaveLength(1);
    expect(d[0]!.type === 'data.disclosed' && d[0]!.data.withheld).toMatch(/localisation/);
    expect(sim.cyber!.threats.exfil.ledger()).toEqual([]);
  });
});

describe('firmware backdoor', () => {
  const backdoor = {
    type: 'threat.campaign' as const,
    id: 'bd',
    entry: 'firmware-backdoor' as const,
    vendor: 'kestrel',
    kinds: ['camera'],
    objective: 'blind' as const,
    dwellMin: 1,
  };

  it('triggers on every camera that can call home, whatever the vendor access, and blinds them at impact', () => {
    const sim = createSimulation(networkFixture({ segmentation: true, policies: { 'vendor-remote-access': false } }));
    sim.apply(backdoor);
    sim.runUntil(5 * MINUTE);
    const first = of(sim.events, 'threat.stage')[0]!;
    expect(first.type === 'threat.stage' && [first.data.stage, first.data.assets, first.data.technique]).toEqual(['initial-access', 5, 'T0857']);
    expect(sim.cyber!.cctv.countByState().hijacked).toBe(5);
  });

  it('stays silent when the firewall keeps the cameras from calling home', () => {
    const sim = createSimulation(networkFixture({ segmentation: true }));
    sim.apply({ type: 'comms.isolate', zone: 'cctv', isolated: true });
    sim.runUntil(6 * MINUTE);
    sim.apply(backdoor);
    sim.runUntil(10 * MINUTE);
    const stages = of(sim.events, 'threat.stage');
    expect(stages.map((e) => e.type === 'threat.stage' && e.data.stage)).toEqual(['blocked']);
    expect(sim.world.compromise.every((c) => c === null)).toBe(true);
  });

  it('triggers only on kit running the release that carries it', () => {
    const input = networkFixture({ segmentation: true });
    const assets = input.assets.map((a) =>
      a.kind === 'camera' ? { ...a, firmware: ['cam-1', 'cam-2', 'cam-3'].includes(a.id) ? 'Kestrel 4.2.1' : 'Kestrel 4.3.0' } : a,
    );
    const sim = createSimulation({ ...input, assets });
    sim.apply({ ...backdoor, firmware: '4.2.1' });
    sim.runUntil(30_000);
    // At initial access (lateral movement may take others later, by other means).
    expect(
      of(sim.events, 'asset.compromised')
        .map((e) => e.source)
        .sort(),
    ).toEqual(['cam-1', 'cam-2', 'cam-3']);
  });

  it('is gone from kit reflashed with a verified image: the attacker is removed when the crew is done, and the backdoor cannot trigger there again', () => {
    const sim = createSimulation(networkFixture({ segmentation: true }));
    sim.apply(backdoor);
    sim.runUntil(5 * MINUTE);
    expect(sim.cyber!.cctv.countByState().hijacked).toBe(5);
    sim.apply({ type: 'threat.reflash', targets: { kind: 'camera' } });
    sim.runUntil(30 * MINUTE);
    expect(of(sim.events, 'asset.secured')).toHaveLength(0);
    sim.runUntil(36 * MINUTE);
    expect(of(sim.events, 'asset.secured')).toHaveLength(5);
    expect(sim.world.get('cam-1').firmware).toMatch(/verified image/);
    expect(sim.cyber!.cctv.countByState().hijacked).toBe(0);
    sim.apply({ ...backdoor, id: 'bd-again' });
    sim.runUntil(40 * MINUTE);
    const again = of(sim.events, 'threat.stage').filter((e) => e.type === 'threat.stage' && e.data.campaign === 'bd-again');
    expect(again.map((e) => e.type === 'threat.stage' && e.data.stage)).toEqual(['blocked']);
  });
});
