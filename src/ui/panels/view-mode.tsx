/**
 * The switch between the physical truth and what operators see on SCADA, over the 3D view. The
 * operator view is made obvious: a labelled banner and a dashed amber frame around the map, so a
 * screenshot can never be mistaken for the truth. Shown when some layer has SCADA readings.
 */
import { setViewMode, useUi, type ViewMode } from '../store/ui-store';
import { SUBSYSTEM_PANELS } from './subsystem-panels';
import { useHosted } from '../hosted/hosted-store';

const MODES: readonly { mode: ViewMode; label: string; hint: string }[] = [
  { mode: 'truth', label: 'Physical truth', hint: 'What is physically happening' },
  { mode: 'operator', label: 'What operators see (SCADA)', hint: 'Readings as the control room gets them; an attacker may have spoofed them' },
];

export function ViewModeToggle() {
  const mode = useUi((s) => s.viewMode);
  const world = useUi((s) => s.world);
  // A player's seat at a hosted exercise sees what its operators would: the truth is for the facilitator and observers.
  const operatorOnly = useHosted((s) => s.status !== 'off' && s.role === 'player');
  if (!world || !SUBSYSTEM_PANELS.some((p) => p.hasOperatorView?.(world))) return null;
  return (
    <>
      {mode === 'operator' && <div className="operator-frame" aria-hidden="true" />}
      <div className={`view-mode mode-${mode}`} role="group" aria-label="Show readings as" data-testid="view-mode">
        {MODES.map((m) => (
          <button
            key={m.mode}
            type="button"
            className="btn"
            aria-pressed={mode === m.mode}
            title={operatorOnly && m.mode === 'truth' ? 'Your seat sees what its operators see; the facilitator and observers see the physical truth' : m.hint}
            disabled={operatorOnly && m.mode === 'truth'}
            onClick={() => setViewMode(m.mode)}
          >
            {m.mode === 'operator' ? '◫ ' : '◉ '}
            {m.label}
          </button>
        ))}
        {mode === 'operator' && (
          <p className="view-mode-note" role="status">
            OPERATOR VIEW — SCADA readings, spoofs look normal
          </p>
        )}
      </div>
    </>
  );
}
