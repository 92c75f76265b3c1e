/**
 * What is still being got ready behind the city on screen (the residents' recorded history, which
 * takes seconds), as a progress bar in plain words. Play and the other run controls wait for it:
 * what the user presses meanwhile is carried out as soon as the run is ready.
 */
import { useUi } from '../store/ui-store';

/** What each part's preparation is, as a briefer would say it. */
const WHAT: Readonly<Record<string, string>> = { population: "Preparing residents' records" };

export function PreparingStatus() {
  const preparing = useUi((s) => s.preparing);
  const playing = useUi((s) => s.playing);
  if (!preparing) return null;
  const what = WHAT[preparing.part] ?? 'Preparing the simulation';
  const percent = Math.round(preparing.fraction * 100);
  return (
    <div className="preparing" role="status" data-testid="preparing">
      <label>
        <span>
          {what}… {percent} %
        </span>
        <progress max={100} value={percent} aria-label={what} aria-valuetext={`${percent} %`} />
      </label>
      <span className="preparing-note">{playing ? 'The run starts as soon as they are ready.' : 'Play will start the run once they are ready.'}</span>
    </div>
  );
}
