/**
 * The population subsystem run headless on its own, minute by minute (no other subsystem, no
 * engine): what the privacy analyses need, at a fraction of a whole simulation's cost.
 */
import { population as pop, standaloneContext, type SimInput } from '../../src/sim';

export function runPopulation(input: SimInput, days: number, seed = 1): pop.PopulationSubsystem {
  let now = 0;
  const p = new pop.PopulationSubsystem(
    input.population!,
    standaloneContext(input, seed, () => now),
  );
  for (now = 60_000; now <= days * 86_400_000; now += 60_000) p.step(now);
  return p;
}
