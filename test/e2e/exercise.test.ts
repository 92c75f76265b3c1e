/**
 * A tabletop exercise end to end: run the default scenario from the facilitator console, take the
 * decision, scrub back, branch, compare, export the report and the session, mirror to a presenter
 * window (which ignores forged messages), then reload and find the session restored; a failure of
 * the simulation shows a card that goes back to before it, and a reload never replays into it. A
 * shared link opens as a session of its own, with the saved exercise kept and offered.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseSession } from '../../src/scenario';
import type { CompareMode, ExerciseSpec, ExerciseState } from '../../src/worker/exercise-protocol';
import { formatClock } from '../../src/sim';
import { beforeFailureMs } from '../../src/ui/exercise/session-slots';
import { shareAddress, shareSessionJson } from '../../src/ui/exercise/share-url';
import { openCity, waitForClock } from './app-fixture';
import { launchBrowser, watchPage, type Browser } from './browser';

/** A download's text: the browser is shared over a remote connection, so the file is saved here first. */
async function downloadText(d: Download): Promise<string> {
  const saved = join(mkdtempSync(join(tmpdir(), 'twin-download-')), d.suggestedFilename());
  await d.saveAs(saved);
  return readFileSync(saved, 'utf8');
}

const baseUrl = inject('baseUrl');
const origin = baseUrl.replace(/\/$/, '');
let browser: Browser;

interface ExerciseHooks {
  state(): ExerciseState | null;
  spec(): ExerciseSpec | null;
  busy(): { label: string; targetMs: number } | null;
  compare(): { mode: CompareMode; label: string; tMs: number; kpis: Record<string, number> } | null;
  lastSavedAt(): number | null;
  savedUntilMs(): number;
}
const ex = <T>(page: Page, fn: (h: ExerciseHooks) => T) =>
  page.evaluate(
    (src) => new Function('h', `return (${src})(h)`)((window.__twin as unknown as { exercise: ExerciseHooks }).exercise),
    fn.toString(),
  ) as Promise<T>;

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => (window.__twin as unknown as { exercise: ExerciseHooks }).exercise.busy() === null, null, {
    timeout: 120_000,
    polling: 100,
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a tabletop exercise', () => {
  it('runs from the console: decide, scrub back, branch, compare, report, presenter, reload', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, origin);
    await openCity(page, baseUrl);
    await page.getByTestId('open-console').click();
    const msel = page.getByTestId('inject-vendor-compromise');
    await msel.waitFor();
    expect(await msel.getAttribute('data-state')).toBe('pending');
    expect(await msel.innerText()).toContain('T0822');

    // Fire the inject from the MSEL: the decision point opens after it.
    await page.getByRole('button', { name: /^Fire now: Aurora/ }).click();
    await expect.poll(() => msel.getAttribute('data-state'), { timeout: 30_000 }).toBe('fired');
    // A command naming a vendor this city does not have does nothing, and says so instead of reporting success.
    const refused = await page.evaluate(() => window.__twin.client.command({ type: 'policy.vendor.ban', vendor: 'nope', replacement: 'nope2' }));
    expect(refused).toEqual({
      applied: false,
      refused: [
        { kind: 'vendor', id: 'nope', path: 'vendor' },
        { kind: 'vendor', id: 'nope2', path: 'replacement' },
      ],
    });
    await expect.poll(() => page.getByTestId('toast').innerText()).toMatch(/^Nothing done: vendor “nope” and vendor “nope2” are not in this scenario/);
    const card = page.getByTestId('decision-restore-or-isolate').first();
    await card.waitFor({ timeout: 30_000 });
    expect(await card.innerText()).toMatch(/recommended/);
    await card.getByLabel('Decided by').fill('Chief Executive');
    await card.getByLabel('Rationale').fill('Contain the intruder before touching the breakers');
    await card.getByRole('button', { name: /^Take decision/ }).click();
    await expect.poll(() => ex(page, (h) => h.state()?.decisions[0]?.state), { timeout: 30_000 }).toBe('taken');
    const taken = await ex(page, (h) => h.state()!.decisions[0]!);
    expect(taken).toMatchObject({ option: 'isolate-then-crews', by: 'Chief Executive', rationale: 'Contain the intruder before touching the breakers' });

    // Run on an hour with the console's jump button.
    await page.getByRole('button', { name: 'Jump ahead one simulated hour' }).click();
    await waitForClock(page, 3_600_000);
    const headEvents = await ex(page, (h) => h.state()!.markers.length);
    expect(headEvents).toBeGreaterThanOrEqual(3);

    // Scrub back to 00:20 with the time field, then with the slider's keyboard.
    await page.getByLabel('Jump to a simulated time (hh:mm)').fill('0:20');
    await page.getByRole('button', { name: 'Jump to that time' }).click();
    await settled(page);
    await expect.poll(() => page.evaluate(() => window.__twin.clockMs()), { timeout: 60_000 }).toBe(20 * 60_000);
    const back = await ex(page, (h) => h.state()!);
    expect(back.headMs).toBeGreaterThanOrEqual(3_600_000);
    expect(back.decisions[0]!.state).toBe('taken');
    const slider = page.getByTestId('time-scrubber');
    await slider.focus();
    await page.keyboard.press('Home');
    await settled(page);
    await expect.poll(() => page.evaluate(() => window.__twin.clockMs()), { timeout: 60_000 }).toBe(0);

    // Branch from the very start: what if we had decided otherwise?
    await page.getByTestId('branch').click();
    await settled(page);
    await expect.poll(() => ex(page, (h) => h.state()?.branchedAtMs), { timeout: 60_000 }).toBe(0);
    // The log kept holds the inject (applied on the first tick); a minute on, the decision is open again.
    await page.getByLabel('Jump to a simulated time (hh:mm)').fill('0:01');
    await page.getByRole('button', { name: 'Jump to that time' }).click();
    await waitForClock(page, 60_000);
    await expect.poll(() => ex(page, (h) => h.state()?.decisions[0]?.state), { timeout: 30_000 }).toBe('open');
    const branched = page.getByTestId('decision-restore-or-isolate').first();
    await branched.getByText('Wait for the vendor to investigate').click();
    await branched.getByLabel('Decided by').fill('Deputy');
    await branched.getByRole('button', { name: /^Take decision/ }).click();
    await expect.poll(() => ex(page, (h) => h.state()?.decisions[0]?.option), { timeout: 30_000 }).toBe('wait');

    // Compare the what-if with the run before the branch, in step.
    await page.locator('[data-testid=compare] > summary').click();
    await page.getByTestId('compare-branch').click();
    await expect.poll(() => ex(page, (h) => h.compare()?.label ?? ''), { timeout: 30_000 }).toContain('Before the branch');
    await page.getByRole('button', { name: 'Jump ahead one simulated hour' }).click();
    await waitForClock(page, 3_600_000);
    await expect.poll(() => ex(page, (h) => h.compare()?.tMs ?? 0), { timeout: 30_000 }).toBeGreaterThanOrEqual(3_600_000);
    const table = await page.getByTestId('kpi-diff').innerText();
    expect(table).toContain('People without power');
    expect(table).toMatch(/A − B/);

    // The after-action report downloads as a self-contained file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-html').click()]);
    expect(download.suggestedFilename()).toMatch(/^default-after-action-\d{4}\.html$/);
    const html = await downloadText(download);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Wait for the vendor to investigate');
    expect(html).toContain('Deputy');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);

    // The session file is the format `twin report` reads.
    const [sessionFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-session').click()]);
    const parsed = parseSession(await downloadText(sessionFile));
    if (!parsed.ok) throw new Error(`the exported session does not parse: ${JSON.stringify(parsed.issues)}`);
    expect(parsed.session.scenario.name).toBe('default');
    expect(parsed.session.commands.map((c) => c.command.type)).toEqual(['inject.fire', 'decision.take']);
    expect(parsed.session.untilMs).toBeGreaterThanOrEqual(3_600_000);

    // A presenter window follows the facilitator's clock.
    const pres = await browser.newPage();
    await pres.goto(`${baseUrl}?view=presenter`);
    await expect.poll(() => pres.getByTestId('presenter-clock').textContent(), { timeout: 60_000 }).toMatch(/^01:0/);
    expect(await pres.getByTestId('presenter-inject').innerText()).toMatch(/Aurora/);
    // Another page of the origin forges messages: a frame with its own headline, a null snapshot, a hello for another city.
    const ignoredBefore = await pres.evaluate(() => (window.__twin as unknown as { presenter: { ignored(): number } }).presenter.ignored());
    await page.evaluate(() => {
      const ch = new BroadcastChannel('citytwin-presenter');
      const headline = { kind: 'pressure', title: 'Evacuate the hospital now', text: 'forged', tMs: 0 };
      ch.postMessage({ type: 'frame', from: 'facilitator:forged', slot: null, snapshot: null, headline, briefing: null, rehearsal: false });
      ch.postMessage({ type: 'frame', snapshot: null, headline });
      ch.postMessage({ type: 'hello', from: 'facilitator:forged', slot: 'session:forged', scenario: 'camera-botnet', seed: 1, session: null });
      ch.close();
    });
    await expect
      .poll(() => pres.evaluate(() => (window.__twin as unknown as { presenter: { ignored(): number } }).presenter.ignored()), { timeout: 10_000 })
      .toBe(ignoredBefore + 3);
    // It still shows the facilitator's run, with its headline, and has not gone blank.
    const shownNow = await pres.evaluate(() => (window.__twin as unknown as { presenter: { shown(): number } }).presenter.shown());
    await expect
      .poll(() => pres.evaluate(() => (window.__twin as unknown as { presenter: { shown(): number } }).presenter.shown()), { timeout: 10_000 })
      .toBeGreaterThan(shownNow);
    expect(await pres.getByTestId('presenter-inject').innerText()).not.toContain('Evacuate');
    expect(await pres.getByTestId('presenter-clock').textContent()).toMatch(/^01:0/);
    expect(await pres.locator('.pres-title').innerText()).toContain('Riverford');
    expect(await pres.getByTestId('presenter-error').count()).toBe(0);
    await pres.close();

    // The simulation fails two minutes on (a test fault that, like a real bug, strikes whenever the run gets there).
    const failAt = (await page.evaluate(() => window.__twin.clockMs())) + 2 * 60_000;
    const beforeFailure = beforeFailureMs(failAt);
    await page.evaluate((t) => window.__twin.failAt(t), failAt);
    await page.getByRole('button', { name: 'Jump ahead 15 simulated minutes' }).click();
    const failureCard = page.getByTestId('load-error');
    await failureCard.waitFor({ timeout: 60_000 });
    expect(await failureCard.innerText()).toContain(`The simulation stopped at ${formatClock(failAt)}`);
    const goBack = page.getByTestId('failure-go-back');
    await expect.poll(() => goBack.isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(await goBack.innerText()).toContain(`Go back to before the failure (${formatClock(beforeFailure)})`);
    expect(await page.getByTestId('failure-start-afresh').isEnabled()).toBe(true);
    // "Go back" restores the session a minute before the failure, paused, decision and all.
    await goBack.click();
    await expect.poll(() => page.evaluate(() => window.__twin.phase()), { timeout: 60_000 }).toBe('ready');
    await settled(page);
    expect(await page.evaluate(() => window.__twin.clockMs())).toBe(beforeFailure);
    // Running on meets the failure again; this time the page is reloaded instead: the restore stops before the
    // failure rather than replaying the saved session into it.
    await page.getByRole('button', { name: 'Jump ahead 15 simulated minutes' }).click();
    await failureCard.waitFor({ timeout: 60_000 });
    await expect.poll(() => goBack.isEnabled(), { timeout: 10_000 }).toBe(true);

    // Reload: the session comes back, decision and all (to before the failure, which it does not meet again).
    const before = beforeFailure;
    await page.reload();
    await page.getByTestId('restored-banner').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('restored-banner').innerText()).toContain(`before the failure at ${formatClock(failAt)}`);
    await settled(page);
    await expect.poll(() => page.evaluate(() => window.__twin.clockMs()), { timeout: 60_000 }).toBe(before);
    expect(await page.evaluate(() => window.__twin.phase())).toBe('ready');
    const restored = await ex(page, (h) => h.state()!.decisions[0]!);
    expect(restored).toMatchObject({ state: 'taken', option: 'wait', by: 'Deputy' });
    await page.evaluate(() => window.__twin.failAt(null));

    // A fresh visit (another tab) is offered the saved session rather than dropped into it.
    const other = await browser.newPage();
    await openCity(other, baseUrl);
    await other.getByTestId('offer-banner').waitFor({ timeout: 60_000 });
    expect(await other.evaluate(() => window.__twin.clockMs())).toBe(0);
    await other.getByTestId('restore-offered').click();
    await other.getByTestId('restored-banner').waitFor({ timeout: 120_000 });
    await expect.poll(() => other.evaluate(() => window.__twin.clockMs()), { timeout: 60_000 }).toBe(before);
    expect(await ex(other, (h) => h.state()!.decisions[0]!.option)).toBe('wait');
    await other.close();

    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
    await page.close();
  });

  it('opens a shared moment, rehearses without touching the record, briefs with the keyboard, imports a session file', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, origin);
    const { url } = await shareAddress(baseUrl, {
      scenario: 'default',
      seed: 42,
      tMs: 45 * 60_000,
      commands: [{ tMs: 0, command: { type: 'inject.fire', inject: 'vendor-compromise' } }],
    });
    await openCity(page, url);
    await page.getByTestId('restored-banner').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('restored-banner').innerText()).toContain('shared moment');
    // The link is a session of its own: the exercise saved in this browser is kept and offered, not replaced,
    // and the address no longer holds the link, so a reload carries on this session instead of reopening it.
    expect(await page.getByTestId('offer-banner').innerText()).toMatch(
      /A session saved in this browser is kept: “default” at 0\d:\d\d:\d\d with 2 command\(s\)/,
    );
    expect(await page.evaluate(() => [window.location.search, window.location.hash])).toEqual(['?scenario=default&seed=42', '']);
    await settled(page);
    await expect.poll(() => page.evaluate(() => window.__twin.clockMs()), { timeout: 60_000 }).toBe(45 * 60_000);
    expect(await ex(page, (h) => h.state()!.injects.find((i) => i.id === 'vendor-compromise')!.state)).toBe('fired');
    expect(await page.evaluate(() => window.__twin.statusOf('substation-old-town'))).toBe('down');

    // Rehearsal: a pressure inject tried out, then thrown away.
    await page.getByTestId('open-console').click();
    await page.getByTestId('rehearsal').click();
    await page.getByTestId('rehearsal-banner').waitFor();
    await page.getByLabel('Pressure inject headline').fill('A journalist calls');
    await page.getByRole('button', { name: 'Fire pressure inject' }).click();
    await expect.poll(() => ex(page, (h) => h.state()!.pressure.length), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('rehearsal').click();
    await expect.poll(() => page.getByTestId('rehearsal-banner').count()).toBe(0);
    await expect.poll(() => ex(page, (h) => h.state()?.pressure.length), { timeout: 60_000 }).toBe(0);
    await settled(page);
    await expect.poll(() => page.evaluate(() => window.__twin.clockMs()), { timeout: 60_000 }).toBe(45 * 60_000);

    // Briefing: step 1 goes back to the start; → → reaches "Breakers open" at 00:11.
    await page.getByTestId('start-briefing').click();
    const briefing = page.getByTestId('briefing');
    await briefing.waitFor();
    expect(await briefing.innerText()).toContain('Riverford, a city of 100,000');
    await settled(page);
    await expect.poll(() => page.evaluate(() => window.__twin.clockMs()), { timeout: 60_000 }).toBe(0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => briefing.innerText()).toContain('The way in');
    expect(await page.getByRole('checkbox', { name: 'Show Water', exact: true }).isChecked()).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => briefing.innerText()).toContain('Breakers open');
    await expect.poll(() => page.evaluate(() => window.__twin.clockMs()), { timeout: 60_000 }).toBe(11 * 60_000);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => briefing.innerText()).toContain('The way in');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('briefing').count()).toBe(0);

    // Import a session file: the run goes to where the file says, with its commands.
    await page.getByTestId('open-console').click();
    const file = shareSessionJson('default', 42, 30 * 60_000, [
      { tMs: 0, command: { type: 'inject.skip', inject: 'vendor-compromise' } },
      { tMs: 60_000, command: { type: 'note.add', text: 'Quiet day <script>alert(1)</script>', kind: 'note' } },
    ]);
    await page.getByTestId('import-session').setInputFiles({ name: 'session.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => ex(page, (h) => h.state()?.injects.find((i) => i.id === 'vendor-compromise')?.state), { timeout: 60_000 }).toBe('skipped');
    await settled(page);
    await expect.poll(() => page.evaluate(() => window.__twin.clockMs()), { timeout: 60_000 }).toBe(30 * 60_000);
    // Scenario and session text is shown as text, never as markup.
    await page.locator('details.con-section', { hasText: 'Notes and evaluation' }).locator('summary').click();
    expect(await page.locator('.note-list').innerText()).toContain('<script>alert(1)</script>');
    expect(await page.locator('.note-list script').count()).toBe(0);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
