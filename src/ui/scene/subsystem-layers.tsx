/**
 * Each subsystem's own drawing of its network (power lines; water mains and traffic to come),
 * mounted by the city scene in this order. A new subsystem layer adds one entry here and keeps
 * its code in its own folder (see src/ui/power/).
 */
import type { ComponentType } from 'react';
import { PowerLayer } from '../power/power-layer';
import { TrafficLayer } from '../traffic/traffic-layer';
import { WaterLayer } from '../water/water-layer';
import { CyberLayer } from '../cyber/cyber-layer';
import { PrivacyTraceLayer } from '../privacy/trace-layer';
import type { WorldIndex } from '../store/world-index';

export const SUBSYSTEM_SCENE_LAYERS: readonly ComponentType<{ index: WorldIndex }>[] = [PowerLayer, TrafficLayer, WaterLayer, CyberLayer, PrivacyTraceLayer];

export function SubsystemLayers({ index }: { index: WorldIndex }) {
  return (
    <>
      {SUBSYSTEM_SCENE_LAYERS.map((Layer, i) => (
        <Layer key={i} index={index} />
      ))}
    </>
  );
}
