/**
 * The vendor panel's "Policies" switches: one a policy, showing what is in force now (polled from
 * the live snapshot) and sending policy.set when flipped. Each says in one line what it does and
 * what it costs (as a tooltip, and to screen readers as the switch's description). A flipped
 * switch shows the state asked for, marked "applying…", until the snapshot agrees.
 */
import { useEffect, useId, useState } from 'react';
import type { Command } from '../../sim';
import { twinClient } from '../app/session';
import { live } from '../store/live';

export type PolicyName = Extract<Command, { type: 'policy.set' }>['policy'];

interface PolicySwitch {
  readonly policy: PolicyName;
  readonly label: string;
  /** What it does and what it costs, in one line. */
  readonly tip: string;
  /** The switch reads "no vendor remote access", so it is on when the policy (access allowed) is off. */
  readonly inverted?: boolean;
}

export const POLICY_SWITCHES: readonly PolicySwitch[] = [
  {
    policy: 'segmentation',
    label: 'Segmentation: firewalls between zones',
    tip: 'Firewall rules between network zones: an attacker must take a device in a zone to go further, and vendor VPNs reach only their own zones. Cost: traffic the rules do not list is blocked.',
  },
  {
    policy: 'vendor-remote-access',
    label: 'No vendor remote access',
    tip: "Cuts every vendor's VPN at once, and with it any attack coming in that way. Cost: vendors can no longer maintain their kit remotely; fixes need a site visit.",
    inverted: true,
  },
  {
    policy: 'data-localisation',
    label: 'Data localisation: camera data stays in the city',
    tip: "Cameras keep video and analytics on the city's recorders: vendor clouds collect nothing more, and a legal order to a vendor finds nothing. Cost: the city stores and runs the analytics itself.",
  },
  {
    policy: 'edge-anonymisation',
    label: 'Anonymise at the camera',
    tip: 'Identifiers stripped at the camera: plates and faces leave as counts only, so stolen or disclosed records name no one. Cost: no plate or face searches.',
  },
  {
    policy: 'egress-monitoring',
    label: 'Egress monitoring: watch uploads',
    tip: 'Watches uploads to the internet: thefts are noticed sooner, the sooner the more data leaves. Cost: staff to watch the alerts.',
  },
];

type Policies = Readonly<Record<string, boolean>>;
const same = (a: Policies | null, b: Policies | null) => a === b || (a !== null && b !== null && POLICY_SWITCHES.every(({ policy: p }) => a[p] === b[p]));

/** The policies in force now, polled twice a second from the live snapshot (null before the first). */
export function usePoliciesNow(): Policies | null {
  const [v, setV] = useState<Policies | null>(() => live.snapshot?.cyber?.policies ?? null);
  useEffect(() => {
    const t = setInterval(() => {
      const p = live.snapshot?.cyber?.policies ?? null;
      setV((old) => (same(old, p) ? old : p));
    }, 500);
    return () => clearInterval(t);
  }, []);
  return v;
}

export function PolicyControls() {
  const id = useId();
  const now = usePoliciesNow();
  // Switch → the state asked for, until the snapshot shows it.
  const [asked, setAsked] = useState<Readonly<Partial<Record<PolicyName, boolean>>>>({});
  useEffect(() => {
    if (!now) return;
    setAsked((a) => {
      const left = Object.entries(a).filter(([p, on]) => now[p] !== on);
      return left.length === Object.keys(a).length ? a : Object.fromEntries(left);
    });
  }, [now]);
  if (!now) return null;
  const set = (p: PolicyName, enabled: boolean) => {
    const client = twinClient();
    if (!client) return;
    client.command({ type: 'policy.set', policy: p, enabled });
    setAsked((a) => ({ ...a, [p]: enabled }));
  };
  return (
    <fieldset className="policies">
      <legend>Policies</legend>
      {POLICY_SWITCHES.map((s) => {
        const enabled = asked[s.policy] ?? now[s.policy] ?? false;
        const pending = asked[s.policy] !== undefined;
        return (
          <div key={s.policy} className="policy-row" title={s.tip}>
            <input
              id={`${id}-${s.policy}`}
              type="checkbox"
              role="switch"
              checked={s.inverted ? !enabled : enabled}
              aria-describedby={`${id}-${s.policy}-tip`}
              onChange={(e) => set(s.policy, s.inverted ? !e.target.checked : e.target.checked)}
            />
            <label htmlFor={`${id}-${s.policy}`}>
              {s.label}
              {pending && <span className="muted"> (applying…)</span>}
            </label>
            <span id={`${id}-${s.policy}-tip`} className="sr-only">
              {s.tip}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}
