/**
 * The hosted exercise over the map: before joining, the seat picker (the lobby a join link
 * opens); once in, a status line with the seat, the connection, the run hash and whether the
 * seats agree, and for the facilitator the join link, the code and the seats with a way to free
 * one. Everything from the host is shown as text.
 */
import { useState } from 'react';
import { formatClock } from '../../sim';
import { joinUrl, useHosted, type HostedUi } from './hosted-store';
import { joinSeat, removeSeat } from './hosted-client';
import { HostedFeed } from './hosted-feed';

const STATUS_TEXT: Record<HostedUi['status'], string> = {
  off: '',
  connecting: 'Connecting to the exercise host…',
  lobby: 'Choose your seat',
  live: 'Connected',
  reconnecting: 'Connection lost: reconnecting…',
  removed: 'Removed from the exercise',
  error: 'Could not join',
};

function JoinForm() {
  const lobby = useHosted((s) => s.lobby);
  const message = useHosted((s) => s.message);
  const [seat, setSeat] = useState('');
  const [name, setName] = useState('');
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('code') ?? '');
  if (!lobby) return null;
  const free = lobby.seats.filter((s) => s.role === 'observer' || s.heldBy === null);
  return (
    <form
      className="hosted-join"
      role="dialog"
      aria-label="Join the exercise"
      onSubmit={(e) => {
        e.preventDefault();
        if (seat) joinSeat(seat, name, code);
      }}
    >
      <h2>Join: {lobby.title}</h2>
      <fieldset>
        <legend>Your seat</legend>
        {lobby.seats.map((s) => {
          const taken = s.role !== 'observer' && s.heldBy !== null;
          return (
            <label key={s.id} className={`hosted-seat-option${taken ? ' taken' : ''}`}>
              <input type="radio" name="seat" value={s.id} checked={seat === s.id} disabled={taken} onChange={() => setSeat(s.id)} />
              <span>
                {s.title}
                {taken
                  ? ` — taken by ${s.heldBy}`
                  : s.role === 'facilitator'
                    ? ' — runs the clock and the injects'
                    : s.role === 'observer'
                      ? ' — watches, adds notes'
                      : ''}
              </span>
            </label>
          );
        })}
      </fieldset>
      <label>
        <span>Your name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} required />
      </label>
      <label>
        <span>Join code (from the facilitator)</span>
        <input value={code} onChange={(e) => setCode(e.target.value)} maxLength={20} required inputMode="numeric" placeholder="123-456" />
      </label>
      {message && (
        <p className="hosted-error" role="alert">
          {message}
        </p>
      )}
      <button type="submit" className="btn primary" disabled={!seat || free.length === 0}>
        Join
      </button>
    </form>
  );
}

function Agreement() {
  const myHash = useHosted((s) => s.myHash);
  const hashes = useHosted((s) => s.hashes);
  const clock = useHosted((s) => s.clock);
  if (!clock) return null;
  if (clock.playing) return <span className="hosted-hash">Run hash shown when the clock is paused</span>;
  if (!myHash) return <span className="hosted-hash">Catching up to {formatClock(clock.grantedMs)}…</span>;
  const same = hashes.filter((h) => h.tMs === myHash.tMs);
  const agree = same.filter((h) => h.hash === myHash.hash).length;
  const differ = same.length - agree;
  return (
    <span className={`hosted-hash${differ ? ' differ' : ''}`} data-testid="hosted-hash" data-hash={myHash.hash} data-tms={myHash.tMs}>
      Run {myHash.hash.slice(0, 12)} at {formatClock(myHash.tMs)} · {agree} {agree === 1 ? 'seat agrees' : 'seats agree'}
      {differ ? ` · ${differ} differ` : ''}
    </span>
  );
}

function FacilitatorInfo() {
  const session = useHosted((s) => s.session);
  const code = useHosted((s) => s.code);
  const seats = useHosted((s) => s.seats);
  const [open, setOpen] = useState(true);
  if (!session || !code) return null;
  return (
    <div className="hosted-facilitator">
      <button type="button" className="link-btn" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide the join details' : 'Join details and seats'}
      </button>
      {open && (
        <>
          <p>
            Join link: <code data-testid="join-link">{joinUrl(session)}</code> · Code: <strong data-testid="join-code">{code}</strong>
          </p>
          <ul className="hosted-seats" aria-label="Seats">
            {seats.map((s) => (
              <li key={s.id}>
                <span className={`dot${s.connected > 0 ? ' on' : ''}`} aria-hidden="true" />
                {s.title}: {s.heldBy ? `${s.heldBy}${s.connected > 0 ? '' : ' (away)'}` : s.connected > 0 ? `${s.connected} watching` : 'free'}
                {s.role !== 'facilitator' && (s.heldBy || s.connected > 0) && (
                  <button type="button" className="link-btn" onClick={() => removeSeat(s.id)} aria-label={`Remove ${s.title} from the exercise`}>
                    remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export default function HostedStrip() {
  const status = useHosted((s) => s.status);
  const seats = useHosted((s) => s.seats);
  const seat = useHosted((s) => s.seat);
  const name = useHosted((s) => s.name);
  const message = useHosted((s) => s.message);
  const lobby = useHosted((s) => s.lobby !== null);
  if (status === 'off') return null;
  // A wrong code keeps the seat picker up with the reason; a session that cannot be opened or joined at all says why below.
  if (status === 'lobby' || (status === 'error' && lobby)) return <JoinForm />;
  const title = seats.find((s) => s.id === seat)?.title ?? seat ?? '';
  return (
    <div className={`hosted-strip status-${status}`} role="status" aria-label="Hosted exercise" data-testid="hosted-status" data-seat={seat ?? ''}>
      <span className="hosted-seat">
        <strong>{title}</strong>
        {name && name !== title ? ` · ${name}` : ''}
      </span>
      <span className="hosted-conn">{STATUS_TEXT[status]}</span>
      {status === 'live' && <Agreement />}
      {message && status !== 'live' && <span className="hosted-error">{message}</span>}
      <HostedFeed />
      <FacilitatorInfo />
    </div>
  );
}
