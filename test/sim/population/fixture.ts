/** A small generated city with a population, run headless through the population subsystem alone. */
import { EventBus, population as pop, standaloneContext, type SimInput } from '../../../src/sim';
import { loadScenarioText } from '../../../src/scenario';

export function smallCity(residents = 3000, extra: Record<string, unknown> = {}): SimInput {
  const scenario = {
    version: 1,
    seed: 5,
    city: { generator: { buildings: 2500, population: 8000, sizeM: [3200, 2800] } },
    population: { residents, ...extra },
  };
  const r = loadScenarioText(JSON.stringify(scenario));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.input;
}

export function runPopulation(input: SimInput, days: number, seed = 1): pop.PopulationSubsystem {
  let now = 0;
  const bus = new EventBus(() => now);
  const p = new pop.PopulationSubsystem(
    input.population!,
    standaloneContext(input, seed, () => now),
  );
  for (now = 60_000; now <= days * 86_400_000; now += 60_000) p.step(now);
  return p;
}
