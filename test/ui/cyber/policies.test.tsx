// @vitest-environment jsdom
/**
 * The vendor panel's policy switches show the policies in force in the live snapshot (the vendor
 * remote-access one reads the other way round: "No vendor remote access"), send policy.set when
 * flipped, show the state asked for until the snapshot agrees, and follow the snapshot when a
 * policy changes by other means (a scenario decision, another facilitator).
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reactHost } from '../../support/dom';

const commands: unknown[] = [];
vi.mock('../../../src/ui/app/session', () => ({ twinClient: () => ({ command: (c: unknown) => commands.push(c) }) }));

const { PolicyControls, POLICY_SWITCHES } = await import('../../../src/ui/cyber/policies');
const { live } = await import('../../../src/ui/store/live');

const setPolicies = (p: Record<string, boolean>) => {
  live.snapshot = { tMs: 0, cyber: { policies: p } } as never;
};
const switches = () => [...dom.host.querySelectorAll<HTMLInputElement>('input[role="switch"]')];
const byName = (name: RegExp) => switches().find((s) => name.test(s.labels?.[0]?.textContent ?? ''))!;

beforeEach(() => {
  vi.useFakeTimers();
  commands.length = 0;
});
afterEach(() => {
  live.snapshot = null;
  vi.useRealTimers();
});
const dom = reactHost();

describe('the policy switches', () => {
  it('show the policies in force, each with a label and a description of what it does and costs', () => {
    setPolicies({ segmentation: true, 'vendor-remote-access': true, 'data-localisation': false, 'edge-anonymisation': false, 'egress-monitoring': true });
    act(() => dom.root.render(<PolicyControls />));
    expect(switches()).toHaveLength(5);
    expect(byName(/^Segmentation/).checked).toBe(true);
    expect(byName(/^No vendor remote access/).checked).toBe(false);
    expect(byName(/^Data localisation/).checked).toBe(false);
    expect(byName(/^Anonymise at the camera/).checked).toBe(false);
    expect(byName(/^Egress monitoring/).checked).toBe(true);
    for (const s of switches()) {
      const tip = document.getElementById(s.getAttribute('aria-describedby')!)!.textContent!;
      expect(tip).toMatch(/Cost: /);
      expect(s.closest('.policy-row')!.getAttribute('title')).toBe(tip);
    }
    expect(POLICY_SWITCHES.find((p) => p.policy === 'data-localisation')!.tip).toMatch(/legal order to a vendor finds nothing/);
  });

  it('sends policy.set on a toggle, and shows the state asked for until the snapshot has it', () => {
    setPolicies({ segmentation: false, 'vendor-remote-access': true, 'data-localisation': false, 'edge-anonymisation': false, 'egress-monitoring': false });
    act(() => dom.root.render(<PolicyControls />));
    act(() => byName(/^Data localisation/).click());
    expect(commands).toEqual([{ type: 'policy.set', policy: 'data-localisation', enabled: true }]);
    expect(byName(/^Data localisation/).checked).toBe(true);
    expect(byName(/^Data localisation/).labels![0]!.textContent).toMatch(/applying/);
    // Ticking "No vendor remote access" turns the remote-access policy off.
    act(() => byName(/^No vendor remote access/).click());
    expect(commands[1]).toEqual({ type: 'policy.set', policy: 'vendor-remote-access', enabled: false });
    setPolicies({ segmentation: false, 'vendor-remote-access': false, 'data-localisation': true, 'edge-anonymisation': false, 'egress-monitoring': false });
    act(() => vi.advanceTimersByTime(600));
    expect(byName(/^Data localisation/).checked).toBe(true);
    expect(dom.host.textContent).not.toMatch(/applying/);
    expect(byName(/^No vendor remote access/).checked).toBe(true);
  });

  it('follows the snapshot when a policy changes by other means', () => {
    setPolicies({ segmentation: false, 'vendor-remote-access': true, 'data-localisation': false, 'edge-anonymisation': false, 'egress-monitoring': false });
    act(() => dom.root.render(<PolicyControls />));
    expect(byName(/^Anonymise/).checked).toBe(false);
    setPolicies({ segmentation: false, 'vendor-remote-access': true, 'data-localisation': false, 'edge-anonymisation': true, 'egress-monitoring': false });
    act(() => vi.advanceTimersByTime(600));
    expect(byName(/^Anonymise/).checked).toBe(true);
    expect(commands).toEqual([]);
  });

  it('shows nothing before the first snapshot', () => {
    live.snapshot = null;
    act(() => dom.root.render(<PolicyControls />));
    expect(dom.host.querySelector('fieldset')).toBeNull();
  });
});
