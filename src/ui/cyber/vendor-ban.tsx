/**
 * The vendor panel's live supply and its "Ban from…" control. Who supplies an asset can change
 * during a run (a ban's crews swap the kit), so counts come from the loaded assets with the
 * snapshot's re-supplied ones laid over them. The control sends a policy.vendor.ban command and
 * says, before it is sent, what the ban costs: how many units, how long, and that each one is out
 * of service while it is swapped.
 */
import { useEffect, useId, useState } from 'react';
import { formatClock, formatDuration, type VendorSpec } from '../../sim';
import { DEFAULT_CREWS, planSwaps, swapMs } from '../../sim/threats/swap-plan';
import { twinClient } from '../app/session';
import { live } from '../store/live';
import type { WorldIndex } from '../store/world-index';

import './vendor-ban.css';

export interface SupplyNow {
  /** Asset id → its supplier now, for assets re-supplied during the run. */
  readonly changed: ReadonlyMap<string, { readonly vendor: string | null; readonly remoteAccess: boolean }>;
  readonly bans: readonly {
    readonly vendor: string;
    readonly kinds: readonly string[];
    readonly replacement: string | null;
    readonly assets: number;
    readonly done: number;
    readonly endMs: number;
  }[];
  readonly nowMs: number;
  /** Datasets made during the run, e.g. in the replacement vendor's cloud. */
  readonly datasetsAdded: readonly { readonly id: string; readonly cloudVendor: string | null }[];
  /** Vendor → whether its VPN access is on and the zones it reaches now; absent until the first snapshot. */
  readonly reach: ReadonlyMap<string, { readonly enabled: boolean; readonly zones: readonly string[] }>;
}

const EMPTY: SupplyNow = { changed: new Map(), bans: [], nowMs: 0, datasetsAdded: [], reach: new Map() };
const reachKey = (r: readonly { vendor: string; enabled: boolean; zones: readonly string[] }[]) =>
  r.map((x) => `${x.vendor}:${x.enabled}:${x.zones.join(',')}`).join(';');

/** Polled once a second from the live snapshot (the lists only grow, so their lengths say when to re-render). */
export function useSupplyNow(): SupplyNow {
  const [v, setV] = useState<SupplyNow>(EMPTY);
  useEffect(() => {
    const t = setInterval(() => {
      const s = live.snapshot;
      const c = s?.cyber;
      if (!s || !c) return;
      setV((p) => {
        const reach = c.vendorReach ?? [];
        const same =
          p.changed.size === c.resupplied.length &&
          p.datasetsAdded.length === c.datasetsAdded.length &&
          p.bans.length === c.bans.length &&
          p.bans.every((b, i) => b.done === c.bans[i]!.done) &&
          reachKey([...p.reach].map(([vendor, r]) => ({ vendor, ...r }))) === reachKey(reach);
        if (same && Math.floor(p.nowMs / 60_000) === Math.floor(s.tMs / 60_000)) return p;
        return {
          changed: new Map(c.resupplied.map((r) => [r.asset, { vendor: r.vendor, remoteAccess: r.remoteAccess }])),
          bans: c.bans,
          nowMs: s.tMs,
          datasetsAdded: c.datasetsAdded,
          reach: new Map(reach.map((r) => [r.vendor, { enabled: r.enabled, zones: r.zones }])),
        };
      });
    }, 1000);
    return () => clearInterval(t);
  }, []);
  return v;
}

/** What a vendor supplies now: units by kind (its VPN gateway aside) and how many it can reach remotely. */
export function suppliedNow(
  index: WorldIndex,
  supply: SupplyNow,
  vendor: string,
): { kinds: { kind: string; count: number }[]; remote: number; units: { id: string; kind: string }[] } {
  const kinds = new Map<string, number>();
  const units: { id: string; kind: string }[] = [];
  let remote = 0;
  for (const a of index.view.assets) {
    const now = supply.changed.get(a.id);
    if ((now ? now.vendor : a.vendor) !== vendor) continue;
    if (now ? now.remoteAccess : a.remoteAccess) remote++;
    kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
    if (a.kind !== 'vendor-gateway') units.push({ id: a.id, kind: a.kind });
  }
  return { kinds: [...kinds].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, count]) => ({ kind, count })), remote, units };
}

const COST_NOTE =
  'Bans this vendor from the kinds you tick: crews replace its kit one unit at a time (a camera takes about 1.5 h, a signal controller 4 h, a recorder 6 h, anything else 4 h). ' +
  'Each unit is out of service while it is swapped: cameras go dark, junctions run as all-way stops. ' +
  "New kit ends the vendor's remote access and any attacker foothold on it, and camera data stops going to its cloud; what its cloud already holds stays there.";

/** "Ban from…": kinds, replacement and crews, with the programme's length, then the command. */
export function BanControl({
  vendor,
  vendors,
  units,
  queuedKinds,
}: {
  vendor: VendorSpec;
  vendors: readonly VendorSpec[];
  units: readonly { id: string; kind: string }[];
  queuedKinds: ReadonlySet<string>;
}) {
  const id = useId();
  const kindsHere = [...new Set(units.map((u) => u.kind))].sort();
  const others = vendors.filter((v) => v.id !== vendor.id);
  const [kinds, setKinds] = useState<readonly string[]>(kindsHere);
  const [replacement, setReplacement] = useState<string>(others[0]?.id ?? '');
  const [crews, setCrews] = useState(DEFAULT_CREWS);
  const [sent, setSent] = useState(false);
  // The form exists only while open, so a closed control adds nothing but its summary to the row.
  const [open, setOpen] = useState(false);
  // Units already in a ban's programme (of this vendor, still running) are not scheduled twice.
  const todo = units.filter((u) => kinds.includes(u.kind) && !queuedKinds.has(u.kind)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const plan = planSwaps(
    todo.map((u) => u.kind),
    crews,
    0,
  );
  const lengthMs = plan.reduce((m, p) => Math.max(m, p.endMs), 0);
  const downByKind = [...new Set(todo.map((u) => u.kind))].map((k) => `${todo.filter((u) => u.kind === k).length} ${k} (${formatDuration(swapMs(k))} each)`);
  if (kindsHere.length === 0) return null;
  const send = () => {
    const client = twinClient();
    if (!client || kinds.length === 0) return;
    // "Issued" only once the worker has applied it; a refusal is a warning (see session.ts).
    void client
      .command({ type: 'policy.vendor.ban', vendor: vendor.id, kinds: [...kinds], replacement: replacement === '' ? null : replacement, crews })
      .then((o) => setSent(o.applied));
  };
  return (
    <details
      className="vendor-ban"
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
        setSent(false);
      }}
    >
      <summary title={COST_NOTE} aria-label={`Ban from… (${vendor.name}): shows what a ban costs before you confirm`}>
        Ban from…
      </summary>
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <p className="small muted">{COST_NOTE}</p>
          <fieldset>
            <legend>Kinds it may no longer supply</legend>
            {kindsHere.map((k) => (
              <label key={k}>
                <input
                  type="checkbox"
                  checked={kinds.includes(k)}
                  onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))}
                />{' '}
                {k}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${id}-repl`}>Replaced by</label>
          <select id={`${id}-repl`} value={replacement} onChange={(e) => setReplacement(e.target.value)}>
            {others.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} ({v.jurisdiction}
                {v.remoteMaintenance ? ', keeps remote maintenance' : ''}
                {v.cloudJurisdiction ? `, cloud in ${v.cloudJurisdiction}` : ''})
              </option>
            ))}
            <option value="">No vendor (unbranded kit, no remote access, no cloud)</option>
          </select>
          <label htmlFor={`${id}-crews`}>Crews working in parallel</label>
          <input
            id={`${id}-crews`}
            type="number"
            min={1}
            max={50}
            value={crews}
            onChange={(e) => setCrews(Math.max(1, Math.min(50, Math.floor(Number(e.target.value) || 1))))}
          />
          <p className="ban-cost" aria-live="polite">
            {todo.length === 0
              ? 'Nothing to replace.'
              : `${todo.length} unit(s) down in turn — ${downByKind.join(', ')}; the programme takes ${formatDuration(lengthMs)}${supplyClock(lengthMs)}.`}
          </p>
          <button type="submit" className="btn" disabled={todo.length === 0 || kinds.length === 0}>
            Start the replacement
          </button>
          {sent && (
            <span className="small muted" role="status">
              {' '}
              Ban issued: watch its units go down and come back in the event log.
            </span>
          )}
        </form>
      )}
    </details>
  );
}

/** ", finished by 14:30:00" from the live clock, when there is one. */
function supplyClock(lengthMs: number): string {
  const t = live.snapshot?.tMs;
  return t === undefined ? '' : `, finished by ${formatClock(t + lengthMs)}`;
}
