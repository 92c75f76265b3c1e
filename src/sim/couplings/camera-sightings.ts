/**
 * Wires the population's camera sensors to the CCTV subsystem's cameras (a subsystem may not
 * import another, so the wiring lives here): a sensor records only while its camera is recording
 * (a camera with no power or network, or a looped view, sees nobody; a botnet member still records
 * for its owner), and every plate read or face match a resident leaves goes to the datasets that
 * camera's analytics feed — so the records an attacker steals from an NVR or a vendor's cloud are
 * the residents' own passes, and a dark camera leaves a gap in them.
 */
import type { EventBus, SimMs } from '../core';
import type { SensorHooks, SensorIndex, StoreLoss } from '../population';
import type { Cyber } from './cyber-layer';

export function cameraHooks(cyber: Cyber, sensors: SensorIndex, bus: EventBus, historyMs: SimMs): SensorHooks {
  const { cctv } = cyber;
  cctv.feedFromSubjects(historyMs);
  const camera = Int32Array.from(sensors.specs, (s) => cctv.cameraIndex(s.id));
  const sensorOf = new Map<string, number>();
  sensors.specs.forEach((s, i) => {
    if (camera[i]! >= 0) sensorOf.set(s.id, i);
  });
  const live = new Uint8Array(sensors.count).fill(1);
  bus.on('cctv.camera.state', (e) => {
    const i = e.source === null ? undefined : sensorOf.get(e.source);
    if (i !== undefined) live[i] = e.data.to === 'ok' || e.data.to === 'botnet' ? 1 : 0;
  });
  const historyS = historyMs / 1000;
  return {
    live,
    sighting(sensor, kind, tS, _person) {
      const k = camera[sensor]!;
      if (k >= 0) cctv.recordSighting(k, kind, (tS - historyS) * 1000);
    },
  };
}

/**
 * What a lost CCTV store held of the residents' records: the sensors of the cameras whose
 * analytics feed it (as wired now), its retention, and how many records have left it so far
 * (stolen or handed over, from the threats' ledger). Undefined for a name that is no store.
 */
export function storeLoss(cyber: Cyber, sensors: SensorIndex, name: string): StoreLoss | undefined {
  const { cctv } = cyber;
  const d = cctv.input.datasets.findIndex((x) => x.id === name);
  if (d < 0) return undefined;
  const mask = new Uint8Array(sensors.count);
  sensors.specs.forEach((s, i) => {
    const k = cctv.cameraIndex(s.id);
    if (k >= 0 && cctv.input.cameras[k]!.analytics.some((an) => an.dataset === d)) mask[i] = 1;
  });
  return {
    sensors: mask,
    retentionS: cctv.input.datasets[d]!.retentionMs / 1000,
    taken: () => cyber.threats.exfil.ledger().reduce((n, e) => n + (e.dataset === name ? e.records : 0), 0),
  };
}
