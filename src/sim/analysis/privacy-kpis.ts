/** The population's KPI: how many datasets about residents the attacker holds (cheap; the analysis itself is on demand). */
import type { PopulationSubsystem } from '../population';

export function populationKpis(p: PopulationSubsystem | null): { personalDatasetsHeld: number } {
  return { personalDatasetsHeld: p ? p.holdings.length : 0 };
}
