/**
 * The 3D city: ground, river, roads, buildings, asset markers with status overlays, and dependency
 * links, under orbit controls. Loaded as its own chunk (three.js lives here, not in the shell).
 * The canvas draws on demand: when a frame arrives from the worker, the camera moves, or
 * something on screen is animating.
 */
import { Canvas } from '@react-three/fiber';
import { useEffect, useState } from 'react';
import { onLiveChange } from '../store/live';
import { sceneHandle } from '../store/scene-handle';
import { useUi } from '../store/ui-store';
import { AnimationPump, requestAnimation } from './animation';
import { AssetMarkers } from './asset-markers';
import { Buildings } from './buildings';
import { CameraRig } from './camera-rig';
import { DependencyLinks } from './dependency-links';
import { DistrictLabels } from './district-labels';
import { renderTier } from './gpu-tier';
import { Ground } from './ground';
import { HoverTooltip } from './hover-tooltip';
import { LinkPulses } from './link-pulses';
import { Roads } from './roads';
import { StatusOverlays } from './status-overlays';
import { SubsystemLayers } from './subsystem-layers';
import { bootMark } from '../app/boot-marks';

bootMark('twin:scene-loaded');

/**
 * False until the city's buildings have been drawn once, then true: the markers, links and layers
 * join on the next frame, so the first frame compiles and draws only the ground, roads and
 * buildings (in software WebGL each further material's shaders cost a noticeable moment).
 */
function useAfterFirstDraw(buildingsShown: boolean): boolean {
  const [after, setAfter] = useState(sceneHandle.cityDrawnAt !== null || !buildingsShown);
  useEffect(() => {
    if (after) return;
    let frame = 0;
    const check = () => {
      if (sceneHandle.cityDrawnAt !== null) setAfter(true);
      else frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    // Whatever happens to the first draw (buildings hidden meanwhile), the rest does not wait long.
    const latest = setTimeout(() => setAfter(true), FIRST_DRAW_WAIT_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(latest);
    };
  }, [after]);
  return after || !buildingsShown;
}

/** The longest the markers and layers wait for the buildings' first draw. */
const FIRST_DRAW_WAIT_MS = 3_000;

/** Redraws the canvas (at the paced rate) whenever the live snapshot changes. */
function LiveInvalidate() {
  useEffect(() => onLiveChange(requestAnimation), []);
  return null;
}

export default function CityScene() {
  const index = useUi((s) => s.index);
  const buildingsOn = useUi((s) => s.layers.buildings);
  const rest = useAfterFirstDraw(buildingsOn);
  if (!index) return null;
  const span = Math.max(index.view.city.sizeM[0], index.view.city.sizeM[1]);
  const { software } = renderTier();
  return (
    <>
      <Canvas
        className="city-canvas"
        frameloop="demand"
        dpr={software ? 1 : [1, 1.5]}
        gl={{ antialias: !software, preserveDrawingBuffer: false, powerPreference: 'high-performance' }}
        data-renderer={software ? 'software' : 'gpu'}
        camera={{ fov: 42, near: 2, far: span * 8, position: [0, span, span] }}
      >
        <color attach="background" args={['#0d1118']} />
        <fog attach="fog" args={['#0d1118', span * 1.6, span * 4]} />
        <hemisphereLight args={['#dfe8ff', '#2a2f3a', 1.6]} />
        <directionalLight position={[-span * 0.4, span, span * 0.6]} intensity={1.5} />
        <LiveInvalidate />
        <AnimationPump software={software} />
        <CameraRig index={index} />
        <Ground index={index} />
        <Roads index={index} />
        <Buildings index={index} visible={buildingsOn} />
        {rest && (
          <>
            <AssetMarkers index={index} />
            <StatusOverlays index={index} />
            <DependencyLinks index={index} />
            <LinkPulses index={index} />
            <SubsystemLayers index={index} />
            <DistrictLabels index={index} />
          </>
        )}
      </Canvas>
      {rest && <HoverTooltip index={index} />}
    </>
  );
}
