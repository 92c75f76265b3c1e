/**
 * The messages of a hosted exercise, between each seat's page and `twin serve` over one WebSocket.
 * The host keeps the one ordered command log and the clock; every seat runs the same simulation
 * from them, so only the log and the clock travel. Each message is a small JSON object checked by
 * these schemas on arrival (the server checks commands against the scenario's own schema too).
 */
import { z } from 'zod';

/** Largest message either side accepts, in bytes (a command with its rationale fits in a few hundred). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const name = z.string().trim().min(1).max(60);

export const clockSchema = z.strictObject({
  /** The host's simulated time when it sent this. */
  clockMs: z.number().int().min(0),
  /** Seats may run up to here and no further: a command from now on is stamped at or after it. */
  grantedMs: z.number().int().min(0),
  playing: z.boolean(),
  speed: z.number().positive().max(86_400),
});
export type HostedClock = z.infer<typeof clockSchema>;

export const entrySchema = z.strictObject({
  seq: z.number().int().min(1),
  tMs: z.number().int().min(0),
  command: z.record(z.string(), z.unknown()),
  /** The seat that sent it, and the person at that seat. */
  seat: id,
  name: z.string().max(60),
});
export type LogEntry = z.infer<typeof entrySchema>;

export const seatStateSchema = z.strictObject({
  id,
  title: z.string().max(100),
  role: z.enum(['facilitator', 'player', 'observer']),
  view: z.enum(['operator', 'truth']),
  /** Who holds the seat (players and the facilitator hold one at a time), or null when it is free. */
  heldBy: z.string().max(60).nullable(),
  connected: z.number().int().min(0),
});
export type SeatState = z.infer<typeof seatStateSchema>;

export const clientMessageSchema = z.discriminatedUnion('t', [
  /** What a join link opens: the scenario's title and its seats (nothing secret). */
  z.strictObject({ t: z.literal('lobby'), session: id }),
  /** Opens a new session on a shipped scenario; the sender becomes its facilitator. */
  z.strictObject({ t: z.literal('host'), scenario: id, seed: z.number().int().min(0).max(4_294_967_295).optional(), name: name.optional() }),
  z.strictObject({ t: z.literal('join'), session: id, code: z.string().max(20), seat: id, name }),
  /** Back into a seat after a reload or a lost connection; `have` is how many log entries the page already holds. */
  z.strictObject({ t: z.literal('resume'), session: id, token: z.string().max(100), have: z.number().int().min(0).optional() }),
  z.strictObject({ t: z.literal('command'), command: z.record(z.string(), z.unknown()) }),
  z.strictObject({
    t: z.literal('clock'),
    action: z.enum(['play', 'pause', 'speed', 'jump']),
    speed: z.number().positive().max(86_400).optional(),
    ms: z
      .number()
      .int()
      .positive()
      .max(7 * 86_400_000)
      .optional(),
  }),
  /** The facilitator frees a seat: whoever holds it is disconnected and must join again. */
  z.strictObject({ t: z.literal('remove'), seat: id }),
  /** A seat's run hash at a time it has settled on (the clock paused): the host relays it so every seat sees whether they agree. */
  z.strictObject({ t: z.literal('hash'), tMs: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{8,64}$/) }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const serverMessageSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('lobby'), session: id, title: z.string(), scenario: id, seats: z.array(seatStateSchema) }),
  z.strictObject({
    t: z.literal('welcome'),
    session: id,
    token: z.string(),
    seat: id,
    name: z.string(),
    /** The join code: sent to the facilitator only, to pass on. */
    code: z.string().nullable(),
    scenario: id,
    title: z.string(),
    seed: z.number().int(),
    /** The log from entry `from` on (1: all of it); a page that said what it has gets only the rest. */
    from: z.number().int().min(1),
    log: z.array(entrySchema),
    clock: clockSchema,
    seats: z.array(seatStateSchema),
  }),
  z.strictObject({ t: z.literal('entry'), entry: entrySchema, clock: clockSchema }),
  z.strictObject({ t: z.literal('clock'), clock: clockSchema }),
  z.strictObject({ t: z.literal('seats'), seats: z.array(seatStateSchema) }),
  z.strictObject({ t: z.literal('hashes'), hashes: z.array(z.strictObject({ seat: id, name: z.string(), tMs: z.number().int(), hash: z.string() })) }),
  /** A message the host would not act on, and why (it is logged on the host too). */
  z.strictObject({ t: z.literal('refused'), reason: z.string(), about: z.string() }),
  /** The seat was freed by the facilitator, or the session is gone: the connection closes after this. */
  z.strictObject({ t: z.literal('removed'), reason: z.string() }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

/** Parses one message's text, or says what is wrong with it in a line. */
export function parseMessage<T>(schema: z.ZodType<T>, text: string): { ok: true; msg: T } | { ok: false; reason: string } {
  if (text.length > MAX_MESSAGE_BYTES) return { ok: false, reason: `message of ${text.length} bytes is over the ${MAX_MESSAGE_BYTES}-byte limit` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'message is not JSON' };
  }
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, msg: r.data };
  const first = r.error.issues[0]!;
  return { ok: false, reason: `${first.path.length ? first.path.join('.') : 'message'}: ${first.message}` };
}
