/**
 * What each subsystem layer adds to the side panels: a toggle in the Layers panel for its network
 * drawing, a legend section, a section in an asset's inspector, and the inspector for a feature
 * selected from its layer (a line, a pipe). A new subsystem layer adds one entry here; its scene
 * part goes in src/ui/scene/subsystem-layers.tsx. Panels stay free of three.js.
 */
import type { ComponentType } from 'react';
import type { WorldView } from '../../worker/protocol';
import { PowerAssetSection, PowerLegend, PowerLineInspector } from '../power/power-panels';
import { POWER_LAYER } from '../power/power-style';
import { TrafficAssetSection, TrafficLegend, VehicleInspector } from '../traffic/traffic-panels';
import { TRAFFIC_LAYER } from '../traffic/traffic-style';
import { WaterAssetSection, WaterLegend } from '../water/water-panels';
import { WATER_LAYER } from '../water/water-style';
import { CctvLegend, CommsLegend } from '../cyber/cyber-panels';
import { CCTV_LAYER, COMMS_LAYER } from '../cyber/cyber-style';
import { ZoneAssetSection, ZonesLegend } from '../cyber/zone-panels';
import { ZONES_LAYER, zoneMembers } from '../cyber/zones';
import type { LayerId } from '../store/ui-store';
import type { WorldIndex } from '../store/world-index';

export interface SubsystemPanels {
  /** The layer toggled in the Layers panel; also the `layer` of features selected from it. */
  readonly layer: LayerId;
  readonly label: string;
  /** A short symbol beside the toggle (text; the legend explains the drawing). */
  readonly icon: string;
  /** How many things the layer draws in this world; 0 hides its toggle. */
  count(world: WorldView): number;
  /** Whether this world has readings that SCADA may report differently from the truth. */
  hasOperatorView?(world: WorldView): boolean;
  readonly Legend?: ComponentType;
  readonly AssetSection?: ComponentType<{ index: WorldIndex; asset: number }>;
  readonly FeatureInspector?: ComponentType<{ index: WorldIndex; id: string }>;
}

export const SUBSYSTEM_PANELS: readonly SubsystemPanels[] = [
  {
    layer: POWER_LAYER,
    label: 'Power lines',
    icon: '⌁',
    count: (w) => w.power?.branches.length ?? 0,
    hasOperatorView: (w) => (w.power?.branches.length ?? 0) > 0,
    Legend: PowerLegend,
    AssetSection: PowerAssetSection,
    FeatureInspector: PowerLineInspector,
  },
  {
    layer: TRAFFIC_LAYER,
    label: 'Traffic',
    icon: '⇄',
    count: (w) => (w.traffic ? w.traffic.lanes.length : 0),
    Legend: TrafficLegend,
    AssetSection: TrafficAssetSection,
    FeatureInspector: VehicleInspector,
  },
  {
    layer: WATER_LAYER,
    label: 'Water mains',
    icon: '≋',
    count: (w) => w.water?.linkIds.length ?? 0,
    hasOperatorView: (w) => (w.water?.sensors.length ?? 0) > 0,
    Legend: WaterLegend,
    AssetSection: WaterAssetSection,
  },
  { layer: COMMS_LAYER, label: 'Comms network', icon: '⇅', count: (w) => w.cyber?.linkIds.length ?? 0, Legend: CommsLegend },
  {
    layer: ZONES_LAYER,
    label: 'Network zones',
    icon: '◌',
    count: (w) => (w.cyber ? zoneMembers(w.cyber).reduce((n, m) => n + m.assets.length, 0) : 0),
    Legend: ZonesLegend,
    AssetSection: ZoneAssetSection,
  },
  { layer: CCTV_LAYER, label: 'Camera views', icon: '◭', count: (w) => (w.cyber ? w.cyber.cameras.length / 6 : 0), Legend: CctvLegend },
];
