/** A small generated city whose traffic signals SigCo supplies, at morning-peak demand; `extra` adds or replaces scenario keys. */
import { loadScenarioText } from '../../../src/scenario';
import type { SimInput } from '../../../src/sim';

export function signalCity(extra: Record<string, unknown> = {}): SimInput {
  const r = loadScenarioText(
    JSON.stringify({
      version: 1,
      seed: 3,
      duration: '2h',
      city: { generator: { buildings: 1200, population: 20000, sizeM: [2400, 2000] } },
      vendors: [{ id: 'sigco', name: 'SigCo', jurisdiction: 'Nowhere', supplies: ['traffic-signal'], remoteMaintenance: true }],
      traffic: { demand: { city: { peakTripsPerHour: 1500, startClock: '07:30' } } },
      ...extra,
    }),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.input;
}
