/** What the scenario layer hands the simulation for a grid. */
import type { PowerNetwork } from './network';
import type { RelaySettings } from './protection';

export interface PowerInput {
  readonly network: PowerNetwork;
  /** Display name per bus (MATPOWER bus number, or the substation's name). */
  readonly busIds: readonly string[];
  readonly branchIds: readonly string[];
  readonly genIds: readonly string[];
  /** The asset that stands for each bus (a substation), or null. */
  readonly busAsset: readonly (string | null)[];
  readonly relay: RelaySettings;
  /** Whether line protection is in service at the start (an attacker may disable it later). */
  readonly protection: boolean;
  /** Minutes for a crew to reach a substation and switch by hand (no trusted SCADA). */
  readonly manualRestoreMin: number;
  /** Minutes to re-close remotely when SCADA is trusted. */
  readonly remoteRestoreMin: number;
}
