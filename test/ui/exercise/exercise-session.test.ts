/**
 * Pure helpers of the exercise UI: the shareable address (command log deflated into the hash)
 * and what the autosaved session record holds and when it is restored.
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { LoggedCommand } from '../../../src/sim';
import { parseSession } from '../../../src/scenario';
import { savedRecord, type SavedSession } from '../../../src/ui/exercise/session-db';
import { KEEP_SESSIONS, beforeFailureMs, newSessionSlot, offerFrom, planStart, restorable, slotsToPrune } from '../../../src/ui/exercise/session-slots';
import {
  MAX_HASH_CHARS,
  MAX_LINK_LOG_CHARS,
  MAX_LOG_BYTES,
  ShareLinkError,
  decodeLog,
  encodeLog,
  parseShare,
  shareAddress,
  shareSessionJson,
} from '../../../src/ui/exercise/share-url';
import { parseClock } from '../../../src/ui/exercise/facilitator-console';

const log: LoggedCommand[] = [
  { tMs: 0, command: { type: 'inject.fire', inject: 'vendor-compromise' } },
  {
    tMs: 1500,
    command: {
      type: 'decision.take',
      decision: 'restore-or-isolate',
      option: 'crews-now',
      by: 'Chief Exec',
      rationale: 'Keep evidence — "quoted" & <b>not html</b>',
    },
  },
  { tMs: 600_000, command: { type: 'note.add', text: 'Hospital warned ✓', kind: 'note' } },
];

describe('share links', () => {
  it('round-trips a command log through the hash, unicode and all', async () => {
    const enc = await encodeLog(log);
    expect(enc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeLog(enc)).toEqual(log);
  });

  it('builds an address that opens the same moment of the same run', async () => {
    const { url, logOmitted } = await shareAddress('http://x/', { scenario: 'default', seed: 42, tMs: 3_725_400, commands: log });
    expect(logOmitted).toBe(false);
    const u = new URL(url);
    expect(u.searchParams.get('scenario')).toBe('default');
    expect(u.searchParams.get('seed')).toBe('42');
    expect(u.searchParams.get('t')).toBe('3725');
    const back = await parseShare(u.search, u.hash);
    expect(back).toEqual({ tMs: 3_725_000, commands: log });
  });

  it('leaves out a log too long for an address, and says so', async () => {
    const many: LoggedCommand[] = Array.from({ length: 3000 }, (_, i) => ({
      tMs: i * 1000,
      command: { type: 'note.add', text: `note ${i} ${Math.sin(i)}`, kind: 'note' },
    }));
    const { url, logOmitted } = await shareAddress('http://x/', { scenario: 'default', seed: 1, tMs: 0, commands: many });
    expect(logOmitted).toBe(true);
    expect(url.length).toBeLessThan(MAX_HASH_CHARS);
  });

  it('ignores an address without a time, and rejects a damaged log', async () => {
    expect(await parseShare('?scenario=default', '')).toBeNull();
    expect(await parseShare('?t=12abc', '')).toBeNull();
    await expect(parseShare('?t=60', '#log=AAAA')).rejects.toThrow();
  });

  it('refuses a log too long for a link before reading it', async () => {
    const huge = 'A'.repeat(2_000_000);
    const t0 = performance.now();
    await expect(decodeLog(huge)).rejects.toThrow(/2,000,000 characters long, more than the 8,000/);
    expect(performance.now() - t0).toBeLessThan(1000);
    await expect(parseShare('?t=60', `#log=${huge}`)).rejects.toBeInstanceOf(ShareLinkError);
  });

  it('stops inflating a log that unpacks to more than the cap, and says so plainly', async () => {
    // Under 8,000 characters that would unpack to 5 MB (deflate packs at most about 1,000:1): short enough for a link, too large unpacked.
    const bomb = deflateRawSync(Buffer.alloc(5_000_000, 0x20), { level: 9 }).toString('base64url');
    expect(bomb.length).toBeLessThanOrEqual(MAX_LINK_LOG_CHARS);
    const t0 = performance.now();
    const err = await decodeLog(bomb).catch((e: unknown) => e);
    const ms = performance.now() - t0;
    expect(err).toBeInstanceOf(ShareLinkError);
    expect((err as Error).message).toMatch(`unpacks to more than ${MAX_LOG_BYTES / 1_000_000} MB`);
    console.log(`share link: a ${bomb.length}-character log that unpacks to 5 MB refused in ${Math.round(ms)} ms`);
  });

  it('refuses logs that are not a list of timed commands', async () => {
    const enc = (v: unknown) => deflateRawSync(Buffer.from(JSON.stringify(v))).toString('base64url');
    await expect(decodeLog(enc({ not: 'a list' }))).rejects.toThrow(/not a list/);
    await expect(decodeLog(enc([[-5, { type: 'note.add', text: 'x' }]]))).rejects.toThrow(/damaged/);
    await expect(decodeLog(enc([[0, null]]))).rejects.toThrow(/damaged/);
    await expect(decodeLog(enc(Array.from({ length: 10_001 }, () => 0)))).rejects.toThrow(/10,001 commands/);
    await expect(parseShare('?t=60', '#log=abc<script>')).rejects.toThrow(/damaged/);
    expect(await parseShare('?t=60', '#log=')).toEqual({ tMs: 60_000, commands: [] });
  });

  it('turns a shared moment into a session file the loader accepts', () => {
    const parsed = parseSession(shareSessionJson('default', 42, 60_000, log));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.session.commands).toHaveLength(3);
  });
});

describe('autosaved session', () => {
  const json = JSON.stringify({ version: 1, kind: 'citytwin-session', scenario: { name: 'default' }, seed: 42, untilMs: 60_000, commands: [] });

  it('records the scenario name, how far play got and how many commands', () => {
    const r = savedRecord('main', json, 60_000, 0, '2026-01-01T00:00:00Z');
    expect(r).toMatchObject({ slot: 'main', scenarioName: 'default', untilMs: 60_000, commands: 0 });
    expect(savedRecord('rehearsal', 'not json', 0, 0, 'x').scenarioName).toBe('default');
  });

  it('gives each new session a slot of its own', () => {
    const a = newSessionSlot();
    expect(a).toMatch(/^session:[0-9a-f]{16}$/);
    expect(newSessionSlot()).not.toBe(a);
  });
});

describe('which saved session a tab opens', () => {
  const json = (name: string, untilMs: number, commands = 0) =>
    JSON.stringify({
      version: 1,
      kind: 'citytwin-session',
      scenario: { name },
      seed: 42,
      untilMs,
      commands: Array.from({ length: commands }, (_, i) => ({ tMs: i * 60_000, command: { type: 'note.add', text: `n${i}` } })),
    });
  const rec = (slot: string, name: string, untilMs: number, commands: number, savedAt: string, extra: Partial<SavedSession> = {}): SavedSession => ({
    ...savedRecord(slot, json(name, untilMs, commands), untilMs, commands, savedAt),
    ...extra,
  });
  // The facilitator's exercise: 15 minutes of play and notes, saved in this browser.
  const exercise = rec('session:aaaa', 'default', 15 * 60_000, 3, '2026-03-01T10:15:00Z');
  let n = 0;
  const newSlot = () => `session:new${++n}`;
  const base = { records: [exercise], scenario: 'default', explicitScenario: false, shareLink: false, newSlot };

  it("carries on the tab's own session after a reload", () => {
    expect(planStart({ ...base, tabSlot: 'session:aaaa' })).toEqual({ kind: 'continue', slot: 'session:aaaa', record: exercise });
  });

  it('opens a shared link — even a broken one — in a new slot, keeping and offering the saved exercise', () => {
    for (const tabSlot of [null, 'session:aaaa']) {
      const plan = planStart({ ...base, tabSlot, shareLink: true });
      expect(plan.kind).toBe('new');
      if (plan.kind !== 'new') continue;
      expect(plan.slot).not.toBe(exercise.slot);
      expect(plan.offer).toBe(exercise);
    }
  });

  it('opens another ?scenario= in a new slot too, and a fresh visit likewise, offering the saved one', () => {
    const other = planStart({ ...base, tabSlot: 'session:aaaa', scenario: 'camera-botnet', explicitScenario: true });
    expect(other).toMatchObject({ kind: 'new', offer: exercise });
    expect(planStart({ ...base, tabSlot: null })).toMatchObject({ kind: 'new', offer: exercise });
    expect(planStart({ ...base, records: [], tabSlot: null })).toMatchObject({ kind: 'new', offer: null });
  });

  it('offers the newest session worth keeping, never the rehearsal, an empty one or the one in use', () => {
    const older = rec('session:old', 'default', 60_000, 0, '2026-02-01T00:00:00Z');
    const empty = rec('session:empty', 'default', 0, 0, '2026-03-02T00:00:00Z');
    const rehearsal = rec('rehearsal', 'default', 90 * 60_000, 5, '2026-03-03T00:00:00Z');
    const records = [older, exercise, empty, rehearsal];
    expect(offerFrom(records, null)).toBe(exercise);
    expect(offerFrom(records, 'session:aaaa')).toBe(older);
  });

  it('forgets only sessions beyond the newest twelve, never the one in use or the one offered', () => {
    const many = Array.from({ length: KEEP_SESSIONS + 3 }, (_, i) =>
      rec(`session:${i}`, 'default', 60_000, 1, `2026-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`),
    );
    const pruned = slotsToPrune([...many, rec('rehearsal', 'default', 1, 1, '2000-01-01')], ['session:0', null]);
    expect(pruned).toEqual(['session:2', 'session:1']);
  });

  it('restores a failed run to before the failure: earlier commands only, the clock a minute before it', () => {
    const failed = rec('session:f', 'default', 75 * 60_000, 4, '2026-03-01T11:00:00Z', { failedAtMs: 72 * 60_000 + 30_000 });
    expect(beforeFailureMs(failed.failedAtMs!)).toBe(71 * 60_000 + 30_000);
    const r = restorable(failed);
    expect(r).toMatchObject({ untilMs: 71 * 60_000 + 30_000, commands: 4, cutAtMs: 71 * 60_000 + 30_000, dropped: 0 });
    // Commands at or after the point gone back to are left out.
    const late = restorable(rec('session:g', 'default', 10 * 60_000, 4, 'x', { failedAtMs: 3 * 60_000 }));
    expect(late).toMatchObject({ untilMs: 2 * 60_000, commands: 2, dropped: 2 });
    const parsed = parseSession(late.json);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.session.commands.map((c) => c.tMs)).toEqual([0, 60_000]);
    // Without a failure, the session is restored as saved; a failure in the first minute goes back to the start.
    expect(restorable(exercise)).toEqual({ json: exercise.json, untilMs: exercise.untilMs, commands: 3, cutAtMs: null, dropped: 0 });
    expect(restorable(rec('session:h', 'default', 30_000, 1, 'x', { failedAtMs: 20_000 }))).toMatchObject({ untilMs: 0, commands: 0, dropped: 1 });
  });

  it('reads jump times as hh:mm or minutes', () => {
    expect(parseClock('1:30')).toBe(90 * 60_000);
    expect(parseClock(' 45 ')).toBe(45 * 60_000);
    expect(parseClock('1h')).toBeNull();
  });
});
