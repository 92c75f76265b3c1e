/** Buttons over the 3D view, so the camera can be driven from the keyboard as well as the mouse. */
import { sceneHandle } from '../store/scene-handle';

export function ViewControls() {
  return (
    <>
      <div className="view-controls" role="group" aria-label="View">
        <button type="button" className="icon-btn" onClick={() => sceneHandle.current?.zoom(0.7)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="icon-btn" onClick={() => sceneHandle.current?.zoom(1 / 0.7)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="icon-btn" onClick={() => sceneHandle.current?.resetView()} aria-label="Reset view to the whole city">
          ⌂
        </button>
      </div>
      <p className="hint-text">Drag to rotate · right-drag or arrow keys to pan · wheel to zoom · click a marker to inspect</p>
    </>
  );
}
