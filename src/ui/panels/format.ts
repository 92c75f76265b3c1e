/** Small text helpers shared by the panels. */
import { formatDuration } from '../../sim';

/** "pumping-station" → "Pumping station". */
export function kindLabel(kind: string): string {
  const s = kind.replace(/[-_]+/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function formatCount(n: number): string {
  // Whole numbers for counts; one decimal for small quantities such as megawatts.
  return Math.abs(n) < 100 && !Number.isInteger(n) ? n.toFixed(1) : Math.round(n).toLocaleString('en-GB');
}

/** Compact form for KPI values: 12,400 → "12.4k". */
export function formatCompact(n: number): string {
  const a = Math.abs(n);
  if (a >= 1_000_000) return `${(n / 1_000_000).toFixed(a >= 10_000_000 ? 0 : 1)}M`;
  if (a >= 10_000) return `${(n / 1000).toFixed(a >= 100_000 ? 0 : 1)}k`;
  return formatCount(n);
}

export function backupText(state: number, remainingMs: number, bufferMs: number): string {
  if (bufferMs <= 0) return state === 0 ? 'no backup' : 'no backup';
  if (state === 2) return 'backup exhausted';
  if (state === 1) return `${formatDuration(remainingMs)} of backup left`;
  return remainingMs < bufferMs ? `backup recharging (${formatDuration(remainingMs)} of ${formatDuration(bufferMs)})` : `${formatDuration(bufferMs)} backup`;
}

/** "pumping-station" → "pumping stations": an asset kind as a person names several of them. */
export function kindPlural(kind: string): string {
  const s = kind.replace(/[-_]+/g, ' ').toLowerCase();
  if (/[^aeiou]y$/.test(s)) return `${s.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(s)) return `${s}es`;
  return `${s}s`;
}

/** "4 pumping stations", "1 substation". */
export function kindCount(n: number, kind: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? kind.replace(/[-_]+/g, ' ').toLowerCase() : kindPlural(kind)}`;
}
