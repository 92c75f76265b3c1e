/**
 * The sweep view's state: which summary is open (a file the user picked or dropped, or one of the
 * sweep results shipped with the twin), the figure in focus, and a plain message when a file is
 * not a summary. Summaries are read with the zod-free reader, so nothing here enters the worker.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { readSummary } from '../../sweep/summary-file';
import type { SweepSummary } from '../../sweep/summary';

/** Shipped results: sweeps/results/NAME/summary.json, each fetched only when opened. */
const SHIPPED = import.meta.glob<string>('../../../sweeps/results/*/summary.json', { query: '?raw', import: 'default' });
const PREFIX = '../../../sweeps/results/';

export const shippedSweeps = (): string[] =>
  Object.keys(SHIPPED)
    .map((k) => k.slice(PREFIX.length, -'/summary.json'.length))
    .sort();

interface SweepUi {
  open: boolean;
  summary: SweepSummary | null;
  /** Where it came from: a file name or a shipped sweep's name. */
  source: string | null;
  error: string | null;
  figure: string | null;
}

export const sweepStore = createStore<SweepUi>()(() => ({ open: false, summary: null, source: null, error: null, figure: null }));
export const useSweep = <T>(pick: (s: SweepUi) => T): T => useStore(sweepStore, pick);

export const openSweepView = () => sweepStore.setState({ open: true });
export const closeSweepView = () => sweepStore.setState({ open: false });

function show(text: string, source: string, figure: string | null = null): void {
  const r = readSummary(text);
  if (r.ok) sweepStore.setState({ open: true, summary: r.summary, source, error: null, figure });
  else sweepStore.setState({ open: true, error: `${source}: ${r.message}` });
}

/** Reads a summary.json the user chose or dropped. */
export async function openSweepFile(file: File): Promise<void> {
  if (file.size > 20_000_000)
    return void sweepStore.setState({
      open: true,
      error: `${file.name} is ${Math.round(file.size / 1e6)} MB: a sweep summary is far smaller; choose summary.json`,
    });
  show(await file.text(), file.name);
}

/** Opens a shipped sweep's results by name (a briefing step may name one), on a figure if given. */
export async function openShippedSweep(name: string, figure: string | null = null): Promise<void> {
  const load = SHIPPED[`${PREFIX}${name}/summary.json`];
  if (!load) {
    const names = shippedSweeps();
    return void sweepStore.setState({
      open: true,
      error: `there are no shipped sweep results named "${name.slice(0, 60)}" (${names.length ? `shipped: ${names.join(', ')}` : 'none are shipped with this build'})`,
    });
  }
  show(await load(), name, figure);
}
