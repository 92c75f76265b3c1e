/**
 * The 3D city: ground, river, roads, buildings, asset markers with status overlays, and dependency
 * links, under orbit controls. Loaded as its own chunk (three.js lives here, not in the shell).
 * The canvas draws on demand: when a frame arrives from the worker, the camera moves, or
 * something on screen is animating.
 */
import { Canvas } from '@react-three/fiber';
import { useEffect } from 'react';
import { onLiveChange } from '../store/live';
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

/** Redraws the canvas (at the paced rate) whenever the live snapshot changes. */
function LiveInvalidate() {
  useEffect(() => onLiveChange(requestAnimation), []);
  return null;
}

export default function CityScene() {
  const index = useUi((s) => s.index);
  const buildingsOn = useUi((s) => s.layers.buildings);
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
        <AssetMarkers index={index} />
        <StatusOverlays index={index} />
        <DependencyLinks index={index} />
        <LinkPulses index={index} />
        <SubsystemLayers index={index} />
        <DistrictLabels index={index} />
      </Canvas>
      <HoverTooltip index={index} />
    </>
  );
}
