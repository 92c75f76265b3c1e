/** A seat of a hosted exercise as a scenario file gives it (compiled and checked in seats.ts). */
import { z } from 'zod';
import { slug, text } from './schema-primitives';

export const seatSchema = z.strictObject({
  id: slug,
  title: text(100).min(1).describe('What the seat is called on screen, e.g. "Water team".'),
  role: z
    .enum(['facilitator', 'player', 'observer'])
    .optional()
    .describe('facilitator: runs the clock and the injects (exactly one seat); player (default): takes its decisions; observer: watches.'),
  view: z
    .enum(['operator', 'truth'])
    .optional()
    .describe('What the seat sees by default: what SCADA shows (players) or the physical truth (facilitator, observers).'),
  commands: z
    .array(z.string().max(60))
    .max(40)
    .optional()
    .describe('Command types this seat may send besides taking its decisions and adding notes, e.g. "power.breaker".'),
});
