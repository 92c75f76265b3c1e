/**
 * The switch between the physical truth and what operators see on SCADA, over the 3D view. The
 * operator view is made obvious: a labelled banner and a dashed amber frame around the map, so a
 * screenshot can never be mistaken for the truth. Shown when some layer has SCADA readings.
 */
import { setViewMode, useUi, type ViewMode } from '../store/ui-store';
import { SUBSYSTEM_PANELS } from './subsystem-panels';

const MODES: readonly { mode: ViewMode; label: string; hint: string }[] = [
  { mode: 'truth', label: 'Physical truth', hint: 'What is physically happening' },
  { mode: 'operator', label: 'What operators see (SCADA)', hint: 'Readings as the control room gets them; an attacker may have spoofed them' },
];

export function ViewModeToggle() {
  const mode = useUi((s) => s.viewMode);
  const world = useUi((s) => s.world);
  if (!world || !SUBSYSTEM_PANELS.some((p) => p.hasOperatorView?.(world))) return null;
  return (
    <>
      {mode === 'operator' && <div className="operator-frame" aria-hidden="true" />}
      <div className={`view-mode mode-${mode}`} role="group" aria-label="Show readings as" data-testid="view-mode">
        {MODES.map((m) => (
          <button key={m.mode} type="button" className="btn" aria-pressed={mode === m.mode} title={m.hint} onClick={() => setViewMode(m.mode)}>
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
