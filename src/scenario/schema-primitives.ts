/** The small building blocks of the scenario schema: ids, text, durations, ATT&CK ids, numbers, points, and shared enums. */
import { z } from 'zod';

export const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'must be lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit' })
  .max(80);
export const text = (max: number) => z.string().max(max);
export const DURATION_ERROR = 'must be a duration such as "90s", "30m", "6h", "2d" or "1h30m"';
export const duration = z.string().regex(/^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/, { error: DURATION_ERROR });

/**
 * The duration a clock-like time means ("02:00" → "2h", "1:30" → "1h30m", "0:00:45" → "45s"), or
 * null. Authors write "at": "02:00" meaning two hours in; the hint offers the duration to write.
 */
export function clockAsDuration(text: string): string | null {
  const m = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  if (!m) return null;
  const parts: [number, string][] = [
    [Number(m[1]), 'h'],
    [Number(m[2]), 'm'],
    [Number(m[3] ?? 0), 's'],
  ];
  const shown = parts
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n}${u}`)
    .join('');
  return shown || '0s';
}
export const attackId = z.string().regex(/^T\d{4}(?:\.\d{3})?$/, { error: 'must be a MITRE ATT&CK technique id such as "T0822" or "T1537"' });
export const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' });
export const point = z.tuple([finite, finite]).describe('[x, z] in metres: x east, z south of the city origin');

export const SUBSYSTEM_NAMES = ['power', 'water', 'traffic', 'cctv', 'comms', 'population', 'civic'] as const;
export const EDGE_KINDS = ['physical', 'cyber', 'geographic', 'logical'] as const;
export const RESOURCES = ['power', 'water', 'comms', 'control', 'data', 'service'] as const;
export const ACTORS = ['attacker', 'operator', 'scenario', 'vendor'] as const;
