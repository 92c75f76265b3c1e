/**
 * "Host this exercise…": the one piece of the hosted exercise in the first bundle. It asks for the
 * facilitator's name, then fetches the hosted chunk and opens a session on the server this page
 * came from (`twin serve`); the page becomes the facilitator's seat.
 */
import { useState } from 'react';
import './hosted.css';
import { twinClient } from '../app/session';
import { uiStore, useUi } from '../store/ui-store';
import { useHosted } from './hosted-store';

export function HostButton() {
  const status = useHosted((s) => s.status);
  const ready = useUi((s) => s.phase === 'ready');
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState('');
  if (status !== 'off') return null;
  if (!asking)
    return (
      <button
        type="button"
        className="btn host-open"
        disabled={!ready}
        onClick={() => setAsking(true)}
        title="Give every team its own screen: players join from their own browsers on this network, and every seat runs the same exercise"
      >
        👥 Host this exercise…
      </button>
    );
  return (
    <form
      className="host-form"
      aria-label="Host this exercise"
      onSubmit={(e) => {
        e.preventDefault();
        const c = twinClient();
        const s = uiStore.getState();
        if (!c || !s.world) return;
        void import('./hosted-client').then((m) => m.hostExercise(c, s.scenarioName, s.world!.seed, name));
      }}
    >
      <label>
        <span>Your name (facilitator)</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder="e.g. Fiona" autoFocus />
      </label>
      <p className="host-hint">The exercise starts again from 00:00 for every seat, on this scenario and seed.</p>
      <button type="submit" className="btn primary">
        Host
      </button>{' '}
      <button type="button" className="btn" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </form>
  );
}
