/**
 * The attacker's haul as KPIs: how many datasets about residents it holds, and how many records it
 * has taken — one count used by the KPI strip, the vendor panel and the report alike.
 */
import type { PopulationSubsystem } from '../population';

export function populationKpis(p: PopulationSubsystem | null): { personalDatasetsHeld: number } {
  return { personalDatasetsHeld: p ? p.holdings.length : 0 };
}

/**
 * Records the attacker has taken: what the comms side has seen leave its stores (exfiltrated or
 * disclosed, counted as they go) plus the records of every dataset copied whole at once (a week of
 * meter readings through a vendor's session, a compelled disclosure of a vendor's cloud). A copy
 * assembled from the comms side's stores is not counted twice; a what-if holding is not counted.
 */
export function recordsTaken(commsRecords: number, p: PopulationSubsystem | null): number {
  let n = commsRecords;
  for (const h of p?.holdings ?? []) n += h.recordsTaken;
  return n;
}
