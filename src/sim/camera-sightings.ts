/**
 * Wires the population's camera sensors to the CCTV subsystem's cameras (a subsystem may not
 * import another, so the wiring lives here): a sensor records only while its camera is recording
 * (a camera with no power or network, or a looped view, sees nobody; a botnet member still records
 * for its owner), and every plate read or face match a resident leaves goes to the datasets that
 * camera's analytics feed — so the records an attacker steals from an NVR or a vendor's cloud are
 * the residents' own passes, and a dark camera leaves a gap in them.
 */
import type { EventBus, SimMs } from './core';
import type { SensorHooks, SensorIndex } from './population';
import type { Cyber } from './cyber';

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
