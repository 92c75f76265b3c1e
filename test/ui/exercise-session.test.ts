/**
 * Pure helpers of the exercise UI: the shareable address (command log deflated into the hash)
 * and what the autosaved session record holds and when it is restored.
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { LoggedCommand } from '../../src/sim';
import { parseSession } from '../../src/scenario';
import { savedRecord, shouldRestore } from '../../src/ui/exercise/session-db';
import { MAX_HASH_CHARS, MAX_LINK_LOG_CHARS, MAX_LOG_BYTES, ShareLinkError, decodeLog, encodeLog, parseShare, shareAddress, shareSessionJson } from '../../src/ui/exercise/share-url';
import { parseClock } from '../../src/ui/exercise/facilitator-console';

const log: LoggedCommand[] = [
  { tMs: 0, command: { type: 'inject.fire', inject: 'vendor-compromise' } },
  { tMs: 1500, command: { type: 'decision.take', decision: 'restore-or-isolate', option: 'crews-now', by: 'Chief Exec', rationale: 'Keep evidence — "quoted" & <b>not html</b>' } },
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
    const many: LoggedCommand[] = Array.from({ length: 3000 }, (_, i) => ({ tMs: i * 1000, command: { type: 'note.add', text: `note ${i} ${Math.sin(i)}`, kind: 'note' } }));
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

  it('restores only a session of the scenario asked for, and not over a shared link', () => {
    const r = savedRecord('main', json, 60_000, 2, 'x');
    expect(shouldRestore(r, { scenario: 'default', explicitScenario: false, shareLink: false })).toBe(true);
    expect(shouldRestore(r, { scenario: 'other', explicitScenario: false, shareLink: false })).toBe(true);
    expect(shouldRestore(r, { scenario: 'other', explicitScenario: true, shareLink: false })).toBe(false);
    expect(shouldRestore(r, { scenario: 'default', explicitScenario: true, shareLink: true })).toBe(false);
    expect(shouldRestore(savedRecord('main', json, 0, 0, 'x'), { scenario: 'default', explicitScenario: false, shareLink: false })).toBe(false);
    expect(shouldRestore(null, { scenario: 'default', explicitScenario: false, shareLink: false })).toBe(false);
  });

  it('reads jump times as hh:mm or minutes', () => {
    expect(parseClock('1:30')).toBe(90 * 60_000);
    expect(parseClock(' 45 ')).toBe(45 * 60_000);
    expect(parseClock('1h')).toBeNull();
  });
});
