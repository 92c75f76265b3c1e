/**
 * The attacker over time and the data it takes: a vendor-access campaign's stages follow one
 * another by the dwell time, each caused by the last; exfiltration is bounded by bandwidth and by
 * what the datasets hold, and lands in the destination's jurisdiction; policies change the outcome
 * (no vendor access, localisation, edge anonymisation); compelled disclosure needs no hacking.
 */
import { describe, expect, it } from 'vitest';
import { MINUTE, HOUR, type Command, type SimInput } from '../../../src/sim';
import { smallNetwork, type NetworkOptions } from '../../support/network';
import { twin } from '../../support/twin';

const heist: Command = {
  type: 'threat.campaign',
  id: 'heist',
  entry: 'vendor-access',
  vendor: 'kestrel',
  objective: 'exfiltrate',
  dwellMin: 10,
  destination: 'Calderra',
};
const campaign = (o: NetworkOptions | SimInput = {}) => twin('durationMs' in o ? o : smallNetwork(o)).apply(heist);

describe('attacker progression and exfiltration', () => {
  it('moves through its stages a dwell time apart, each caused by the one before', () => {
    const t = campaign().until('40m');
    const stages = t.events('threat.stage');
    expect(stages.map((e) => e.data.stage)).toEqual(['initial-access', 'discovery', 'lateral-movement', 'impact']);
    expect(stages.map((e) => e.tMs - stages[0]!.tMs)).toEqual([0, 10 * MINUTE, 20 * MINUTE, 30 * MINUTE]);
    for (let i = 1; i < stages.length; i++) expect(stages[i]!.causes).toContain(stages[i - 1]!.id);
    // Cameras, the recorder and the gateway fall at initial access, through the gateway.
    expect(t.compromised('nvr')).toBe(true);
    expect(
      t
        .events('data.exfiltration.started')
        .map((e) => e.data.dataset)
        .sort(),
    ).toEqual(['kestrel-cloud-plate', 'nvr-count']);
  });

  it('takes no more than the bandwidth carries or the datasets hold, into the destination jurisdiction', () => {
    const t = campaign().until('2h');
    const sim = t.sim;
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
    t.expectKpi(
      'recordsExfiltrated',
      ledger.reduce((n, e) => n + e.records, 0),
    );
    // Milestone events, not one per record.
    expect(t.events('data.exfiltrated').length).toBeLessThan(20);
  });

  it('takes only what a thin link to the attacker carries, shared between its jobs', () => {
    const input = smallNetwork();
    const links = input.cyber!.comms.links.map((l) => (l.id === 'internet~attacker' ? { ...l, capacityMbps: 0.02 } : l));
    const sim = campaign({ ...input, cyber: { ...input.cyber!, comms: { ...input.cyber!.comms, links } } }).until('2h').sim;
    const ledger = sim.cyber!.threats.exfil.ledger();
    const bytes = ledger.reduce((n, e) => n + e.bytes, 0);
    const elapsedS = (2 * HOUR - 30 * MINUTE) / 1000;
    // 20 kb/s for 90 minutes at most, against the 120 Mb/s the two jobs ask for (the stores hold more).
    expect(bytes).toBeLessThanOrEqual((0.02e6 / 8) * elapsedS + 1);
    expect(bytes).toBeGreaterThan(0.5 * (0.02e6 / 8) * elapsedS);
    expect(ledger.reduce((n, e) => n + e.records, 0)).toBeLessThan(sim.cyber!.cctv.stored.reduce((n, x) => n + x, 0));
  });

  it('is blocked at the door when vendors hold no remote access', () => {
    const t = campaign({ policies: { 'vendor-remote-access': false } }).until('1h');
    expect(t.events('threat.stage').map((e) => e.data.stage)).toEqual(['blocked']);
    expect(t.held()).toEqual([]);
  });

  it('takes only unlinkable records when identifiers are stripped at the edge', () => {
    const ledger = campaign({ policies: { 'edge-anonymisation': true } })
      .until('2h')
      .sim.cyber!.threats.exfil.ledger();
    expect(ledger.some((e) => e.records > 0)).toBe(true);
    expect(ledger.every((e) => e.identifying === 0)).toBe(true);
  });
});

describe('compelled disclosure', () => {
  it('hands over the vendor cloud’s records two hours after the order, whatever the segmentation', () => {
    const t = twin(smallNetwork({ segmentation: true, policies: { 'egress-monitoring': true } }))
      .until('1h')
      .apply({ type: 'threat.disclose', vendor: 'kestrel', requestedBy: 'Calderra' })
      .until('2h59m')
      .expectNoEvent('data.disclosed')
      .until('3h1m')
      .expectCount('data.disclosed', 1);
    const ledger = t.sim.cyber!.threats.exfil.ledger();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]!.dataset).toBe('kestrel-cloud-plate');
    expect(ledger[0]!.how).toBe('compelled-disclosure');
    expect(ledger[0]!.records).toBeGreaterThan(0);
    expect(t.held()).toEqual([]);
  });

  it('comes back empty when the data is localised before the deadline', () => {
    const t = twin(smallNetwork())
      .until('1h')
      .apply({ type: 'threat.disclose', vendor: 'kestrel', requestedBy: 'Calderra' }, { type: 'policy.set', policy: 'data-localisation', enabled: true })
      .until('4h')
      .expectCount('data.disclosed', 1);
    expect(t.first('data.disclosed')!.data.withheld).toMatch(/localisation/);
    expect(t.sim.cyber!.threats.exfil.ledger()).toEqual([]);
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
    const t = twin(smallNetwork({ segmentation: true, policies: { 'vendor-remote-access': false } }))
      .apply(backdoor)
      .until('5m');
    const first = t.first('threat.stage')!;
    expect([first.data.stage, first.data.assets, first.data.technique]).toEqual(['initial-access', 5, 'T0857']);
    expect(t.sim.cyber!.cctv.countByState().hijacked).toBe(5);
  });

  it('stays silent when the firewall keeps the cameras from calling home', () => {
    const t = twin(smallNetwork({ segmentation: true }))
      .apply({ type: 'comms.isolate', zone: 'cctv', isolated: true })
      .until('6m')
      .apply(backdoor)
      .until('10m');
    expect(t.events('threat.stage').map((e) => e.data.stage)).toEqual(['blocked']);
    expect(t.held()).toEqual([]);
  });

  it('triggers only on kit running the release that carries it', () => {
    const input = smallNetwork({ segmentation: true });
    const assets = input.assets.map((a) =>
      a.kind === 'camera' ? { ...a, firmware: ['cam-1', 'cam-2', 'cam-3'].includes(a.id) ? 'Kestrel 4.2.1' : 'Kestrel 4.3.0' } : a,
    );
    const t = twin({ ...input, assets })
      .apply({ ...backdoor, firmware: '4.2.1' })
      .until('30s');
    // At initial access (lateral movement may take others later, by other means).
    expect(
      t
        .events('asset.compromised')
        .map((e) => e.source)
        .sort(),
    ).toEqual(['cam-1', 'cam-2', 'cam-3']);
  });

  it('is gone from kit reflashed with a verified image: the attacker is removed when the crew is done, and the backdoor cannot trigger there again', () => {
    const t = twin(smallNetwork({ segmentation: true }))
      .apply(backdoor)
      .until('5m');
    const hijacked = () => t.sim.cyber!.cctv.countByState().hijacked;
    expect(hijacked()).toBe(5);
    t.apply({ type: 'threat.reflash', targets: { kind: 'camera' } })
      .until('30m')
      .expectNoEvent('asset.secured')
      .until('36m')
      .expectCount('asset.secured', 5);
    expect(t.sim.world.get('cam-1').firmware).toMatch(/verified image/);
    expect(hijacked()).toBe(0);
    t.apply({ ...backdoor, id: 'bd-again' }).until('40m');
    const again = t.events('threat.stage').filter((e) => e.data.campaign === 'bd-again');
    expect(again.map((e) => e.data.stage)).toEqual(['blocked']);
  });
});
