/**
 * Segmentation limits where a vendor-access campaign goes: the attacker moves one firewall hop per
 * round of lateral movement, from zones where it holds a device, so a zone it holds nothing in is
 * no stepping stone. On the shipped CCTV exercise the campaign stays among the cameras with
 * segmentation, and reaches signals, substations and pumps on a flat network.
 */
import { describe, expect, it } from 'vitest';
import { shipped } from '../../support/scenarios';
import { twin } from '../../support/twin';

function run(edit: (s: Record<string, any>) => void) {
  const input = shipped('cctv-exfiltration', edit);
  const t = twin(input).until('4h');
  const zoneOf = new Map(input.cyber!.comms.nodes.map((n) => [n.asset, n.zone]));
  const zones = new Set(t.events('asset.compromised').map((e) => zoneOf.get(e.source as string)));
  const rounds = t.events('threat.stage').filter((e) => e.data.stage === 'lateral-movement').length;
  return { zones, rounds };
}

describe('segmentation and lateral movement', () => {
  it('keeps the campaign in the camera zones with segmentation, and lets it reach SCADA on a flat network', () => {
    const seg = run((s) => (s.policies = { ...s.policies, segmentation: true }));
    expect([...seg.zones].sort()).toEqual(['cctv', 'vendor-dmz']);
    const flat = run((s) => (s.policies = { ...s.policies, segmentation: false }));
    expect(flat.zones).toContain('traffic');
    expect(flat.zones).toContain('grid');
    expect(flat.zones).toContain('water');
    // On a flat network everything is one hop away: one round is enough.
    expect(flat.rounds).toBe(1);
  });

  it('needs a foothold in a zone to go through it: a rule from cameras to street cabinets lets it take cabinets, then go on from there', () => {
    const rules = [
      { from: 'cctv', to: 'network' },
      { from: 'network', to: 'traffic' },
    ];
    const viaCabinets = run((s) => {
      s.policies = { ...s.policies, segmentation: true };
      s.comms = { ...s.comms, rules };
    });
    expect(viaCabinets.zones).toContain('network');
    expect(viaCabinets.zones).toContain('traffic');
    expect(viaCabinets.rounds).toBe(2);
    // Without the first hop the second rule leads nowhere.
    const noFirstHop = run((s) => {
      s.policies = { ...s.policies, segmentation: true };
      s.comms = { ...s.comms, rules: rules.slice(1) };
    });
    expect([...noFirstHop.zones].sort()).toEqual(['cctv', 'vendor-dmz']);
  });
});
