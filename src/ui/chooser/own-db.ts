/**
 * Scenarios the user opened ("Open your own…"), kept in IndexedDB under an id so the address
 * ?scenario=own:ID survives a reload: the scenario's text and the data files it reads.
 */
import type { OwnFiles } from '../../worker/own-scenarios';
import { idbStore } from '../store/idb-store';

export interface OwnRecord {
  readonly id: string;
  readonly title: string;
  /** The file(s) it was opened from, for the list ("levenshulme.osm"). */
  readonly from: string;
  readonly text: string;
  readonly files: OwnFiles;
  readonly savedAt: string;
}

export const OWN_PREFIX = 'own:';
const DB = 'citytwin-own';
const STORE = 'scenarios';

const store = idbStore<OwnRecord, string>(DB, STORE, 'id');

export function saveOwn(rec: OwnRecord): Promise<unknown> {
  return store.put(rec);
}

export function loadOwn(id: string): Promise<OwnRecord | null> {
  return store.get(id);
}

/** Every kept scenario, newest first. */
export async function listOwn(): Promise<OwnRecord[]> {
  return (await store.all()).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export function deleteOwn(id: string): Promise<unknown> {
  return store.delete(id);
}
