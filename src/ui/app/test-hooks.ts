/**
 * window.__twin: a small read-only window onto the running twin for end-to-end tests and for
 * people poking at it from the console. It reads the same stores the UI reads; the only writes
 * it offers are the ones a user can make with the controls (select, play, fire), and one fault
 * for tests (failAt) that makes the simulation fail at a chosen time, in this tab, until cleared.
 */
import type { LoggedCommand } from '../../sim';
import type { TwinClient } from '../../worker/client';
import type { WorldView } from '../../worker/protocol';
import { statusName, type StatusName } from '../palette';
import { live } from '../store/live';
import { sceneHandle, type SceneDrawn } from '../store/scene-handle';
import { selectAsset, selectFeature, setViewMode, uiStore, type Phase, type SelectedFeature, type ViewMode } from '../store/ui-store';

export interface TwinHooks {
  readonly client: TwinClient;
  phase(): Phase;
  /** The run is ready: its first frame has arrived and nothing is still being prepared behind the city. */
  simReady(): boolean;
  world(): WorldView | null;
  clockMs(): number;
  kpis(): Record<string, number | null>;
  statusOf(assetId: string): StatusName | null;
  isCompromised(assetId: string): boolean;
  /** Ids of assets with a status, in asset order. */
  assetsWithStatus(status: StatusName): string[];
  hashAt(untilMs: number, commands?: readonly LoggedCommand[]): Promise<string>;
  select(assetId: string | null): void;
  screenPositionOf(assetId: string): { x: number; y: number } | null;
  /** Centres the view on an asset, as the inspector's "Centre view" button does. */
  focus(assetId: string): void;
  /** performance.now() when the city was first drawn, or null. */
  cityDrawnAt(): number | null;
  frames(): number;
  /** Asks the canvas for a frame (it draws on demand); the bench calls it every animation frame. */
  redraw(): void;
  /** What the scene draws (instance counts, canvas size), or null before it is mounted. */
  sceneDrawn(): SceneDrawn | null;
  /** Draws the scene once and waits for the GL: ms, or null before the scene is mounted. */
  timeDraw(): number | null;
  /** The grid's lines now: status 1 in service / 0 open, loading and flows (true and as SCADA reports). */
  powerBranches(): { id: string; status: number; loading: number; flowMW: number; reportedFlowMW: number }[];
  /** The comms links now: state 0 down / 1 up / 2 congested, and utilisation (0..1). */
  commsLinks(): { id: string; state: number; util: number }[];
  /** Vehicles on the road now: slot, position (m) and state (wait reason | kind << 4). */
  vehicles(): { slot: number; x: number; z: number; state: number }[];
  /** Page coordinates of a point in the city, or null off screen. */
  screenPositionOfPoint(x: number, y: number, z: number): { x: number; y: number } | null;
  /** Centres the view on a point of the ground, from distanceM (default 900 m). */
  focusPoint(x: number, z: number, distanceM?: number): void;
  /**
   * A camera's view cone as the CCTV layer draws it: apex (m), the way it points as a compass
   * bearing (0 north, 90 east, as OpenStreetMap's camera:direction), its width and reach; null for
   * an asset that is not a camera with a view.
   */
  cameraCone(assetId: string): { x: number; z: number; compassDeg: number; fovDeg: number; rangeM: number } | null;
  /** Selects a non-asset feature (e.g. { layer: 'power-network', id: 'line-…' }) for the inspector. */
  selectFeature(f: SelectedFeature | null): void;
  setViewMode(mode: ViewMode): void;
  /**
   * Test only: the simulation fails whenever its clock reaches `atMs` (null clears it). Kept in this
   * tab's sessionStorage, so a reload meets the same failure, as a real bug would.
   */
  failAt(atMs: number | null): void;
}

const FAULT_KEY = 'citytwin-test-fault';

export function installTestHooks(client: TwinClient): void {
  const fault = sessionStorage.getItem(FAULT_KEY);
  if (fault !== null && /^\d+$/.test(fault)) client.send({ type: 'test-fault', atMs: Number(fault) });
  const indexOf = (id: string) => live.world?.assetIndex.get(id);
  const hooks: TwinHooks = {
    client,
    phase: () => uiStore.getState().phase,
    simReady: () => uiStore.getState().preparing === null && live.snapshot !== null,
    world: () => uiStore.getState().world,
    clockMs: () => live.snapshot?.tMs ?? 0,
    kpis: () => ({ ...(live.snapshot?.kpis ?? {}) }),
    statusOf: (id) => {
      const i = indexOf(id);
      return i === undefined || !live.snapshot ? null : statusName(live.snapshot.status[i]);
    },
    isCompromised: (id) => {
      const i = indexOf(id);
      return i !== undefined && live.snapshot?.compromised[i] === 1;
    },
    assetsWithStatus: (status) => {
      const w = live.world;
      const s = live.snapshot;
      if (!w || !s) return [];
      return w.view.assets.filter((_, i) => statusName(s.status[i]) === status).map((a) => a.id);
    },
    hashAt: (untilMs, commands) => client.hashAt(untilMs, commands),
    select: (id) => selectAsset(id),
    screenPositionOf: (id) => {
      const i = indexOf(id);
      return i === undefined ? null : (sceneHandle.current?.screenPositionOf(i) ?? null);
    },
    focus: (id) => {
      const i = indexOf(id);
      if (i !== undefined) sceneHandle.current?.focusAsset(i);
    },
    cityDrawnAt: () => sceneHandle.cityDrawnAt,
    vehicles: () => {
      const t = live.snapshot?.traffic;
      if (!t) return [];
      return [...t.vehicleSlot].map((slot, i) => ({ slot, x: t.vehicles[i * 3]!, z: t.vehicles[i * 3 + 1]!, state: t.vehicleState[i]! }));
    },
    screenPositionOfPoint: (x, y, z) => sceneHandle.current?.screenPositionOfPoint(x, y, z) ?? null,
    focusPoint: (x, z, d) => sceneHandle.current?.focusPoint(x, z, d),
    frames: () => live.frames,
    redraw: () => sceneHandle.current?.invalidate(),
    sceneDrawn: () => sceneHandle.current?.drawn() ?? null,
    timeDraw: () => sceneHandle.current?.timeDraw() ?? null,
    powerBranches: () => {
      const pv = live.world?.view.power;
      const ps = live.snapshot?.power;
      if (!pv || !ps) return [];
      return pv.branches.map((b, k) => ({
        id: b.id,
        status: ps.branchStatus[k]!,
        loading: ps.loading[k]!,
        flowMW: ps.flowMW[k]!,
        reportedFlowMW: ps.reportedFlowMW[k]!,
      }));
    },
    commsLinks: () => {
      const cv = live.world?.view.cyber;
      const cs = live.snapshot?.cyber;
      if (!cv || !cs) return [];
      return cv.linkIds.map((id, l) => ({ id, state: cs.linkState[l]!, util: cs.linkUtil[l]! }));
    },
    cameraCone: (id) => {
      const i = indexOf(id);
      const c = live.world?.view.cyber?.cameras;
      if (i === undefined || !c) return null;
      for (let k = 0; k < c.length / 6; k++) {
        if (c[k * 6] !== i) continue;
        // The layer draws the fan about heading h (radians from east, toward south: x east, z south).
        const deg = (c[k * 6 + 3]! * 180) / Math.PI;
        return {
          x: c[k * 6 + 1]!,
          z: c[k * 6 + 2]!,
          compassDeg: (((deg + 90) % 360) + 360) % 360,
          fovDeg: (c[k * 6 + 4]! * 180) / Math.PI,
          rangeM: c[k * 6 + 5]!,
        };
      }
      return null;
    },
    selectFeature: (f) => selectFeature(f),
    setViewMode: (m) => setViewMode(m),
    failAt: (atMs) => {
      if (atMs === null) sessionStorage.removeItem(FAULT_KEY);
      else sessionStorage.setItem(FAULT_KEY, String(Math.max(0, Math.round(atMs))));
      client.send({ type: 'test-fault', atMs });
    },
  };
  (window as unknown as { __twin: TwinHooks }).__twin = hooks;
}
