import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { waitForCallClock } from './support/call-clock.js';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { buildCli } from '../../main/cli/bundle/build-cli.mjs';
import { isCliBundleStale } from '../../main/cli/bundle/cli-bundle-stale.mjs';
import { openSessionServices } from '../../main/host/session-services.js';
import { buildHoldCall } from '../support/hold-call.js';
import { openLiveRun, percentile, type LiveRun } from '../support/live-run.js';
import {
  startTwinklePair,
  twinkleUnavailable,
  twinkleVersion,
  type TwinkleCli,
  type TwinklePair,
} from '../support/twinkle-pair.js';
import { E2E_TMP, REPO_ROOT } from './support/paths.js';
import { DEFAULT_ANSWER_TIMEOUT_MS } from '../../main/call-events/call-event-relay.js';

/**
 * A real softphone beside Calm Line: two Twinkle instances (tests/support/twinkle-pair.ts) call each other
 * on loopback in their own network namespace; the agent's profile runs the hook Calm Line ships
 * (hooks/calm-line-hook.sh, no arguments: it reads Twinkle's variables) on "call answered" and on both
 * releases, which runs the bundled command (out/cli/call.js) against the browser host with the page open.
 * Nothing tells the command where the data folder is: it is the default one under XDG_CONFIG_HOME
 * ("…/Calm Line", a space in it), as on an agent's desktop.
 *
 * Four calls, the first two back to back: caller → agent answered, caller hangs up; again, agent hangs up;
 * agent → caller answered, caller hangs up; again, agent hangs up. Each time the page starts and ends the
 * call; afterwards each saved session carries Twinkle's SIP Call-ID, its start and end events, and the
 * caller's SIP user part ("caller", text, not a number) as the privacy setting allows (all of it here).
 * From Twinkle's command to the page: start→page and end→page, p95 printed (softphone_event_to_page_ms).
 */
const HOOK = path.join(REPO_ROOT, 'hooks', 'calm-line-hook.sh');
const CALLS = [
  { dials: 'caller', hangsUp: 'caller' },
  { dials: 'caller', hangsUp: 'agent' },
  { dials: 'agent', hangsUp: 'caller' },
  { dials: 'agent', hangsUp: 'agent' },
] as const;
/**
 * Every event must reach the page within the window the command waits for the page's answer (beyond it the
 * command says "did not answer"). The speed target (p95 ≤ 300 ms) is the bench's figure: `npm run bench`
 * runs this spec with CALM_LINE_SOFTPHONE_FIGURES set and reports what it writes there.
 */
const EVENT_TO_PAGE_MAX_MS = DEFAULT_ANSWER_TIMEOUT_MS;

let skipReason: string | null = null;
let run: LiveRun | undefined;
let pair: TwinklePair | undefined;
let tmp: string;

test.beforeAll(async () => {
  skipReason = await twinkleUnavailable();
  if (skipReason) return;
  // The bundle the hook runs, as `npm ci` builds it (rebuilt only when older than its sources).
  if (isCliBundleStale(REPO_ROOT, 'call')) await buildCli(REPO_ROOT, ['call']);
});
test.afterEach(async () => {
  await pair?.close();
  pair = undefined;
  await run?.app.close();
  run = undefined;
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Records (wall clock, ms) each time the page enters or leaves a call: the End call button appears or goes. */
function watchCallState(): void {
  const marks: { at: number; inCall: boolean }[] = [];
  (window as unknown as { __callMarks: typeof marks }).__callMarks = marks;
  let last = false;
  new MutationObserver(() => {
    const inCall = document.querySelector('[data-testid="end-call"]') !== null;
    if (inCall !== last) {
      marks.push({ at: performance.timeOrigin + performance.now(), inCall });
      last = inCall;
    }
  }).observe(document, { subtree: true, childList: true });
}

async function pageMarkAfter(page: Page, sentAt: number, inCall: boolean): Promise<number> {
  const handle = await page.waitForFunction(
    ({ sentAt, inCall }) => {
      const marks = (window as unknown as { __callMarks?: { at: number; inCall: boolean }[] })
        .__callMarks;
      return marks?.find((m) => m.at >= sentAt && m.inCall === inCall)?.at ?? null;
    },
    { sentAt, inCall },
    { timeout: 15_000, polling: 10 },
  );
  return (await handle.jsonValue()) as number;
}

test('Twinkle answers and hangs up from either side: the page starts and ends each call, the sessions carry the Call-ID', async () => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.setTimeout(240_000);
  mkdirSync(E2E_TMP, { recursive: true });
  tmp = mkdtempSync(path.join(E2E_TMP, 'twinkle-'));
  const xdg = path.join(tmp, 'xdg');
  const dataDir = path.join(xdg, 'Calm Line');
  const call = buildHoldCall();
  run = await openLiveRun(call.file, { dataDir });
  const { page } = run.app;
  await expect(page.getByTestId('start-call')).toBeEnabled();
  await page.evaluate(watchCallState);

  // Settings: keep the caller's whole "number" (here Twinkle's SIP user part, text).
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('phone-hook-script')).toHaveText(HOOK);
  await page.getByTestId('phone-caller-number').selectOption('all');
  await page.getByTestId('nav-coach').click();

  pair = await startTwinklePair({
    dir: tmp,
    hook: HOOK,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', XDG_CONFIG_HOME: xdg },
  });
  const { agent, caller } = pair;
  const phones: Record<'agent' | 'caller', TwinkleCli> = { agent, caller };
  const address = { agent: 'sip:agent@127.0.0.1:5060', caller: 'sip:caller@127.0.0.1:5062' };
  const startMs: number[] = [];
  const endMs: number[] = [];
  /** Date.now() when each command went to Twinkle, in event order (start, end, start, end, …). */
  const sentAt: number[] = [];

  for (const [i, plan] of CALLS.entries()) {
    const dialler = phones[plan.dials];
    const answerer = plan.dials === 'agent' ? caller : agent;
    const from = answerer.output.length;
    dialler.send(`call ${address[plan.dials === 'agent' ? 'caller' : 'agent']}`);
    await answerer.waitFor(/incoming call/, from);
    const answeredAt = answerer.send('answer');
    sentAt.push(answeredAt);
    startMs.push((await pageMarkAfter(page, answeredAt, true)) - answeredAt);
    // In a call (its coach screen stays behind an open wrap-up from the second call on).
    await expect(page.getByTestId('end-call')).toHaveCount(1);
    await agent.waitFor(/calm-line: Started call \S+@\S+\./, 0);
    // Talk a little (the first two back to back, the others after a pause).
    await waitForCallClock(page, i < 2 ? 2 : 3);
    const hungUpAt = phones[plan.hangsUp].send('bye');
    sentAt.push(hungUpAt);
    endMs.push((await pageMarkAfter(page, hungUpAt, false)) - hungUpAt);
    // From the second call on, the earlier wrap-ups wait behind this one.
    await expect(page.getByTestId('wrap-up')).toBeVisible();
  }
  const started = agent.output.filter((l) => /calm-line: Started call/.test(l));
  const ended = agent.output.filter((l) => /calm-line: Ended the call/.test(l));
  expect(started, agent.output.join('\n')).toHaveLength(CALLS.length);
  expect(ended, agent.output.join('\n')).toHaveLength(CALLS.length);
  const callIds = started.map((l) => /Started call (\S+)\.$/.exec(l)?.[1]);
  expect(new Set(callIds).size).toBe(CALLS.length);

  // Each call's wrap-up waits its turn (back to back): fill the two required steps and save, one by one.
  const wrapUp = page.getByTestId('wrap-up');
  const wrappedUp = new Set<string>();
  for (let i = 0; i < CALLS.length; i++) {
    await expect(wrapUp).toHaveAttribute('data-step', 'priorities');
    const id = (await wrapUp.getAttribute('data-call-id')) ?? '';
    expect(wrappedUp.has(id)).toBe(false);
    wrappedUp.add(id);
    await page.getByTestId('priority-new').getByRole('textbox').fill('Line back up');
    // Enter adds a priority: the empty row takes focus; the next Enter goes on.
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Add a priority')).toBeFocused();
    for (const step of ['catalyst', 'ownership', 'resolution']) {
      await page.keyboard.press('Enter');
      await expect(wrapUp).toHaveAttribute('data-step', step);
    }
    await page.keyboard.press('1');
    await page.getByTestId('save-wrap-up').click();
    await expect(page.locator(`[data-testid="wrap-up"][data-call-id="${id}"]`)).toHaveCount(0);
  }
  await expect(wrapUp).toHaveCount(0);

  // Where the time went: softphone → Calm Line's endpoint (Twinkle, the hook, node, the command), read from
  // the arrival times Settings lists (newest first).
  await page.getByTestId('nav-settings').click();
  const arrivals = (
    await page
      .getByTestId('phone-events')
      .locator('li time')
      .evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime') ?? '')))
  ).reverse();
  expect(arrivals).toHaveLength(sentAt.length);
  const toEndpointMs = arrivals.map((at, i) => at - sentAt[i]);

  const p95 = {
    start: percentile(startMs, 95),
    end: percentile(endMs, 95),
    all: percentile([...startMs, ...endMs], 95),
  };
  const version = await twinkleVersion();
  console.log(
    `[softphone] ${version}: start→page ${startMs.map((m) => Math.round(m)).join(', ')} ms (p95 ${Math.round(p95.start)}); ` +
      `end→page ${endMs.map((m) => Math.round(m)).join(', ')} ms (p95 ${Math.round(p95.end)}); ` +
      `softphone_event_to_page_ms_p95 ${Math.round(p95.all)}; of which softphone→endpoint ${toEndpointMs.map((m) => Math.round(m)).join(', ')} ms`,
  );

  const figuresFile = process.env.CALM_LINE_SOFTPHONE_FIGURES;
  if (figuresFile)
    writeFileSync(
      figuresFile,
      JSON.stringify({ version, startMs, endMs, toEndpointMs, p95 }, null, 1),
    );

  await pair.close();
  pair = undefined;
  await run.app.close();
  run = undefined;

  const sessions = openSessionServices({ dataDir });
  try {
    const list = sessions.repository.list({ offset: 0, limit: 10 });
    expect(list.total).toBe(CALLS.length);
    const phones = list.rows.map((row) => sessions.repository.get(row.id)!.call.phone!);
    expect(phones.map((p) => p.callId).sort()).toEqual([...callIds].sort());
    for (const phone of phones) {
      expect(phone.events.map((e) => `${e.kind}:${e.outcome}`)).toEqual([
        'start:applied',
        'end:applied',
      ]);
      // Twinkle's SIP user part: text, not a number, kept whole as set.
      expect(phone.from).toBe('caller');
    }
  } finally {
    sessions.close();
  }
  expect(Math.max(...startMs, ...endMs)).toBeLessThan(EVENT_TO_PAGE_MAX_MS);
});
