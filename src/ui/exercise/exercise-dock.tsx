/**
 * What the exercise adds to the map (a lazily loaded chunk): the button that opens the
 * facilitator console, an open decision when the console is closed, the briefing, and the
 * banners (rehearsal, restored session, replay in progress, messages). The console itself is a
 * drawer beside the map (ConsoleDrawer, placed by app.tsx), never drawn over it. The decision card
 * sits bottom-left and the banners bottom-right, clear of the layer toggles and view controls at
 * the map's top and sides (the run controls are in the top bar, outside the map); either folds
 * into a small badge and opens again from it.
 */
import { useEffect, useState } from 'react';
import { formatClock } from '../../sim';
import './exercise.css';
import { BriefingOverlay } from './briefing-overlay';
import { DecisionCard } from './decision-card';
import { describeEstimate } from '../../worker/load-estimate';
import { cancelBusy, confirmHeavy } from './exercise-controller';
import { restoreSlot, startFresh } from './saved-sessions';
import { exerciseStore, openConsole, useExercise } from './exercise-store';
import { FacilitatorConsole } from './facilitator-console';
import { useCloseOnEscape } from '../store/escape-stack';

/** The console in its drawer: app.tsx gives it a column of its own beside the map while it is open. */
export function ConsoleDrawer() {
  return <FacilitatorConsole />;
}

export default function ExerciseDock() {
  const consoleOpen = useExercise((s) => s.consoleOpen);
  const spec = useExercise((s) => s.spec);
  const state = useExercise((s) => s.state);
  const rehearsal = useExercise((s) => s.rehearsal);
  const restored = useExercise((s) => s.restored);
  const offer = useExercise((s) => s.offer);
  const toastMsg = useExercise((s) => s.toast);
  const busy = useExercise((s) => s.busy);
  const briefing = useExercise((s) => s.briefing);
  const heavy = useExercise((s) => s.heavy);
  const notice = useExercise((s) => s.notice);
  const openDecision = state?.decisions.find((d) => d.state === 'open' || d.state === 'expired');
  const openSpec = openDecision && spec?.decisions.find((d) => d.id === openDecision.id);
  const [cardFolded, setCardFolded] = useState(false);
  // A decision that newly opens is shown, even if the one before was folded away.
  useEffect(() => setCardFolded(false), [openDecision?.id]);
  const [bannersFolded, setBannersFolded] = useState(false);
  const showCard = !consoleOpen && !briefing && openDecision !== undefined && openSpec !== undefined;
  // Escape folds the decision card first (it stays a badge: a decision is never lost from view).
  useCloseOnEscape(showCard && !cardFolded, () => setCardFolded(true));
  const bannerCount = [rehearsal, notice, offer, restored && !busy, heavy, busy && !consoleOpen, toastMsg].filter(Boolean).length;
  return (
    <>
      {/* Short ("Console", ⚑ for an open decision), so it never reaches the view toggles at the map's top left on a narrow map. */}
      {!consoleOpen && (
        <button
          type="button"
          className="btn console-toggle"
          onClick={openConsole}
          aria-label={openDecision ? 'Open the facilitator console (a decision is open)' : 'Open the facilitator console'}
          title="The facilitator console: run controls, injects, decisions, notes and records"
          data-testid="open-console"
        >
          ☰ Console
          {openDecision && (
            <span className="badge alert" aria-hidden="true">
              ⚑ 1
            </span>
          )}
        </button>
      )}
      {showCard && !cardFolded && <DecisionCard spec={openSpec} rec={openDecision} floating onFold={() => setCardFolded(true)} />}
      {showCard && cardFolded && (
        <button
          type="button"
          className="btn decision-badge"
          onClick={() => setCardFolded(false)}
          aria-label={`Show the open decision: ${openSpec.title}`}
          data-testid="decision-badge"
        >
          ⚑ Decision open: {openSpec.title}
        </button>
      )}
      <BriefingOverlay />
      {bannersFolded && bannerCount > 0 && (
        <button
          type="button"
          className="btn banners-badge"
          onClick={() => setBannersFolded(false)}
          aria-label={`Show ${bannerCount} message${bannerCount === 1 ? '' : 's'}`}
          data-testid="banners-badge"
        >
          ✉ {bannerCount}
        </button>
      )}
      <div className={`ex-banners${bannersFolded && !heavy ? ' folded' : ''}`} aria-live="polite" data-testid="ex-banners">
        {bannerCount > 0 && !bannersFolded && (
          <button
            type="button"
            className="icon-btn banners-fold"
            onClick={() => setBannersFolded(true)}
            aria-label="Fold the messages into a badge"
            title="Fold"
          >
            ▾
          </button>
        )}
        {rehearsal && (
          <p className="banner rehearsal" data-testid="rehearsal-banner">
            REHEARSAL — not recorded. Turn rehearsal off to return to the exercise record.
          </p>
        )}
        {notice && (
          <p className={`banner toast${notice.error ? ' error' : ''}`} role={notice.error ? 'alert' : 'status'} data-testid="notice">
            {notice.text}{' '}
            <button type="button" className="link-btn" onClick={() => exerciseStore.setState({ notice: null })}>
              OK
            </button>
          </p>
        )}
        {offer && (
          <p className="banner restored" data-testid="offer-banner">
            A session saved in this browser is kept: “{offer.scenarioName}” at {formatClock(offer.untilMs)} with {offer.commands} command(s)
            {offer.savedAt ? `, saved ${new Date(offer.savedAt).toLocaleString('en-GB')}` : ''}
            {offer.failedAtMs !== null ? ` (its run failed at ${formatClock(offer.failedAtMs)}: it comes back to before that)` : ''}.{' '}
            <button type="button" className="link-btn" onClick={() => void restoreSlot(offer.slot)} data-testid="restore-offered">
              Restore it
            </button>{' '}
            <button type="button" className="link-btn" onClick={() => exerciseStore.setState({ offer: null })}>
              Dismiss
            </button>
          </p>
        )}
        {restored && !busy && (
          <p className="banner restored" data-testid="restored-banner">
            {restored.from === 'link' ? 'Opened the shared moment' : 'Session restored'} at {formatClock(restored.untilMs)} with {restored.commands} command(s)
            {restored.savedAt ? ` (saved ${new Date(restored.savedAt).toLocaleTimeString('en-GB')})` : ''}
            {restored.failedAtMs != null
              ? ` — before the failure at ${formatClock(restored.failedAtMs)}${restored.dropped ? `; ${restored.dropped} later command(s) left out` : ''}. It is paused: press Play to go on`
              : ''}
            .{' '}
            <button type="button" className="link-btn" onClick={() => exerciseStore.setState({ restored: null })}>
              OK
            </button>{' '}
            <button type="button" className="link-btn" onClick={() => void startFresh()}>
              Start afresh
            </button>
          </p>
        )}
        {heavy && (
          <div className="banner heavy" role="alertdialog" aria-labelledby="heavy-title" aria-describedby="heavy-text" data-testid="heavy-dialog">
            <strong id="heavy-title">This scenario is heavy to load.</strong>{' '}
            <span id="heavy-text">{describeEstimate(heavy.estimate)} (a rough estimate). The page may be slow or stop responding while it builds.</span>{' '}
            <button type="button" className="link-btn" onClick={() => confirmHeavy(true)} data-testid="heavy-load">
              Load it anyway
            </button>{' '}
            <button type="button" className="link-btn" onClick={() => confirmHeavy(false)} autoFocus>
              Don't load it
            </button>
          </div>
        )}
        {busy && !consoleOpen && (
          <p className="banner busy" role="status">
            {busy.label} ({formatClock(busy.targetMs)})…{' '}
            <button type="button" className="link-btn" onClick={cancelBusy} data-testid="cancel-busy">
              Cancel
            </button>
          </p>
        )}
        {toastMsg && (
          <p
            className={`banner toast${toastMsg.error ? ' error' : toastMsg.warning ? ' warning' : ''}`}
            role={toastMsg.error || toastMsg.warning ? 'alert' : 'status'}
            data-testid="toast"
          >
            {toastMsg.text}
          </p>
        )}
      </div>
    </>
  );
}
