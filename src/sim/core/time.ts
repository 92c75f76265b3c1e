/**
 * Simulated time is an integer count of milliseconds since the start of the run. Durations in
 * scenario files and on the command line are strings such as "90s", "30m", "6h", "2d" or "1h30m".
 */
export type SimMs = number;

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Seconds in a day: the population's records and the analyses of them count time in seconds. */
export const DAY_S = DAY / SECOND;

const UNIT_MS: Record<string, number> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: DAY };
const DURATION_RE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PART_RE = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/** Parses "90s", "30m", "6h", "2d", "1h30m" into integer ms; returns null when malformed. */
export function parseDuration(text: string): SimMs | null {
  const s = text.trim();
  if (!DURATION_RE.test(s)) return null;
  let total = 0;
  for (const m of s.matchAll(PART_RE)) total += Number(m[1]) * (UNIT_MS[m[2]!] ?? 0);
  return Number.isFinite(total) ? Math.round(total) : null;
}

/** "01:05:09" style clock for a simulated time, with a day prefix after the first day. */
export function formatClock(ms: SimMs): string {
  const totalS = Math.floor(ms / SECOND);
  const d = Math.floor(totalS / 86400);
  const h = Math.floor((totalS % 86400) / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d > 0 ? `day ${d + 1} ` : ''}${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** Short human duration: "45 s", "12 min", "3 h 5 min". */
export function formatDuration(ms: SimMs): string {
  if (ms < MINUTE) return `${Math.round(ms / SECOND)} s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  const h = Math.floor(ms / HOUR);
  const m = Math.round((ms % HOUR) / MINUTE);
  return m ? `${h} h ${m} min` : `${h} h`;
}
