import { test, expect } from '@playwright/test';
import { waitForCallClock } from './support/call-clock.js';
import { AUTO_START_PRE_ROLL_SEC } from '../../renderer/src/call/call-controller.js';
import { buildDialogue, truthOf, type Dialogue } from '../support/dialogues.js';
import { openLiveRun, playCall, risingEdges, type LiveRun } from '../support/live-run.js';
import { DEFAULT_CUE_SETTINGS } from '../../renderer/engine/cue-settings.js';
import { meterFraction } from '../../renderer/src/live-coach/meters/meter-scale.js';
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { concat, scratchDir, silence, sine, writeWavFile } from '../support/test-audio.js';

/**
 * A scripted angry call played through Chromium's fake capture into the built app. Truth comes from the
 * generated file; page times are aligned on the caller meter's first onset, then every cue must show
 * within 50 ms of the moment its rule's threshold is met.
 */
const TOLERANCE_MS = 50;
const PAUSE_MS = DEFAULT_CUE_SETTINGS.pauseSec * 1000;

function scriptedCall(): Dialogue {
  return buildDialogue({
    sampleRate: 48000,
    callerLevelDbfs: -24,
    agentLevelDbfs: -26,
    utterances: [
      {
        who: 'caller',
        at: 0.6,
        text: 'I have been waiting three weeks and nobody called me back.',
      },
      { who: 'agent', at: 5.6, text: 'I am sorry. Let me look at that for you now.' },
      {
        who: 'caller',
        at: 9.4,
        text: 'This is the third time I am calling about the same bill, and every time I get a different story.',
      },
      { who: 'agent', at: 10.6, text: 'Yes, but our records show', cutSec: 1.2 },
      { who: 'caller', at: 18.0, text: 'Fine. What happens now?' },
      { who: 'agent', at: 21.2, text: 'I will correct the bill today and email you by Friday.' },
    ],
    tailSec: 2,
  });
}

let run: LiveRun;
let call: Dialogue;
test.beforeAll(() => {
  call = scriptedCall();
});
test.afterEach(async () => {
  await run?.app.close();
});

test('meters and cue banner follow a real call at the right times, and the call hands off its metrics and priorities', async () => {
  run = await openLiveRun(call.file);
  const { page } = run.app;

  // Docked (380 px): the priorities pad is among the coach's details (More, F3). Opened before the call:
  // two clicks at once would share the one mouse.
  await page.getByTestId('coach-more-toggle').click();
  // Priorities typed while the call runs flow into the hand-off.
  const playing = playCall(run, call.durationSec + 0.5);
  await page.getByLabel('Priority the customer stated').waitFor();
  await page.getByLabel('Priority the customer stated').fill('Bill corrected');
  await page.getByLabel('Priority type').selectOption('administrative');
  await page.getByLabel('Priority the customer stated').press('Enter');
  await page.getByLabel('Priority the customer stated').fill('Being called back');
  await page.getByLabel('Priority type').selectOption('emotional');
  await page.getByLabel('Priority the customer stated').press('Enter');
  await page.getByRole('checkbox').first().check();
  await playing;

  const callerTruth = truthOf(call, 'caller');
  const agentTruth = truthOf(call, 'agent');
  // Align file time to page time on the caller meter's first onset.
  const meterOnsets = risingEdges(run.changes, 'meter-caller', (v) => v !== '');
  expect(meterOnsets.length).toBeGreaterThan(0);
  const offset = meterOnsets[0] - callerTruth[0].start * 1000;
  const pageAt = (fileSec: number) => offset + fileSec * 1000;

  // The agent meter rises with the agent's first words, within 50 ms of the same alignment.
  const agentOnsets = risingEdges(run.changes, 'meter-agent', (v) => v !== '');
  expect(Math.abs(agentOnsets[0] - pageAt(agentTruth[0].start))).toBeLessThanOrEqual(TOLERANCE_MS);

  // "Your turn" after each caller turn the agent answered after a real pause.
  const yourTurn = risingEdges(run.changes, 'cue-banner', (v) => v === 'your-turn');
  const pauses = callerTruth.filter((c) => {
    const nextAgent = agentTruth.find((a) => a.start > c.end);
    const nextCaller = callerTruth.find((o) => o.start > c.end);
    const silenceUntil = Math.min(nextAgent?.start ?? Infinity, nextCaller?.start ?? Infinity);
    return silenceUntil - c.end > DEFAULT_CUE_SETTINGS.pauseSec + 0.2;
  });
  expect(pauses.length).toBeGreaterThanOrEqual(2);
  for (const c of pauses) {
    const expected = pageAt(c.end) + PAUSE_MS;
    const seen = yourTurn.find((t) => Math.abs(t - expected) < 500);
    expect(seen, `your-turn after the caller's "${c.text}"`).toBeDefined();
    console.log(`your-turn: ${(seen! - expected).toFixed(1)} ms from the threshold`);
    expect(Math.abs(seen! - expected)).toBeLessThanOrEqual(TOLERANCE_MS);
  }
  // …and never while the caller talks.
  for (const t of yourTurn) {
    const during = callerTruth.find((c) => t > pageAt(c.start) + TOLERANCE_MS && t < pageAt(c.end));
    expect(during, `your-turn at ${t.toFixed(0)} ms while the caller talks`).toBeUndefined();
  }

  // "Wait for the pause" as the caller starts venting.
  const waits = risingEdges(run.changes, 'cue-banner', (v) => v === 'wait-for-pause');
  expect(waits.some((t) => Math.abs(t - pageAt(callerTruth[0].start)) <= 150)).toBe(true);

  // The interruption: the agent starts while the caller talks → "talking over" once the backchannel time is up.
  const interruption = agentTruth[1];
  const over = risingEdges(run.changes, 'cue-banner', (v) => v === 'talking-over');
  const expectedOver = pageAt(interruption.start) + DEFAULT_CUE_SETTINGS.backchannelSec * 1000;
  expect(over.length).toBeGreaterThan(0);
  console.log(
    `talking-over: ${(over[0] - expectedOver).toFixed(1)} ms; agent meter: ${(agentOnsets[0] - pageAt(agentTruth[0].start)).toFixed(1)} ms; capture→first caller onset offset ${(offset - run.captureStartMs).toFixed(1)} ms`,
  );
  expect(Math.abs(over[0] - expectedOver)).toBeLessThanOrEqual(TOLERANCE_MS);

  // Hand-off: metrics and priorities of this call.
  await expect(page.getByTestId('summary-overtalk')).toHaveText('1');
  const callerTalk = callerTruth.reduce((s, c) => s + c.end - c.start, 0);
  const shownCallerTalk = parseFloat(
    (await page.getByTestId('summary-caller-talk').textContent()) ?? 'NaN',
  );
  expect(Math.abs(shownCallerTalk - callerTalk)).toBeLessThan(1.0);
  await expect(page.getByTestId('summary-priorities')).toContainText('Bill corrected');
  await expect(page.getByTestId('summary-priorities')).toContainText('administrative · confirmed');
  await expect(page.getByTestId('summary-priorities')).toContainText('Being called back');
  // A true stereo split raises no source problem.
  await expect(page.getByTestId('source-problem')).toHaveCount(0);
  expect(run.app.consoleErrors).toEqual([]);
});

test('with auto-start on, a listening coach starts the call when the caller speaks', async () => {
  const greeting = buildDialogue({
    sampleRate: 48000,
    utterances: [
      { who: 'caller', at: 2.0, text: 'Hello? I need to talk to someone about my broken router.' },
      { who: 'agent', at: 6.5, text: 'Of course, I can help with that.' },
    ],
  });
  run = await openLiveRun(greeting.file);
  const { page } = run.app;
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByText('Start a call automatically when the caller speaks').click();
  await expect(page.getByTestId('settings-message')).toHaveText('Saved.');
  await page.getByRole('button', { name: 'Coach' }).click();
  await page.getByTestId('coach-more-toggle').click();
  await page.getByRole('button', { name: 'Listen without a call' }).click();
  await expect(page.getByTestId('cue-banner')).toHaveAttribute('data-cue', 'idle');
  await expect(page.getByTestId('end-call')).toBeVisible({ timeout: 6000 });
  // The call began a second before the caller's first words (auto-start's pre-roll): play to the end.
  await waitForCallClock(
    page,
    greeting.durationSec - truthOf(greeting, 'caller')[0].start + AUTO_START_PRE_ROLL_SEC - 1,
  );
  await page.getByTestId('end-call').click();
  const callerTalk = parseFloat(
    (await page.getByTestId('summary-caller-talk').textContent()) ?? '0',
  );
  const truthTalk = truthOf(greeting, 'caller').reduce((s, c) => s + c.end - c.start, 0);
  console.log(`auto-start: caller talk ${callerTalk} s shown, ${truthTalk.toFixed(2)} s true`);
  expect(Math.abs(callerTalk - truthTalk)).toBeLessThan(0.5);
});

/** Where the bar on a meter's canvas ends, as a fraction of its width (−1: no bar), read off a screenshot. */
async function barEnd(page: Page, canvas: Locator): Promise<number> {
  const png = (await canvas.screenshot()).toString('base64');
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const y = Math.floor(bitmap.height / 2);
    const row = ctx.getImageData(0, y, bitmap.width, 1).data;
    const fill = [0x00, 0x72, 0xb2]; // --meter-fill (light theme)
    let end = -1;
    for (let x = 0; x < bitmap.width; x++) {
      const i = x * 4;
      if (
        Math.abs(row[i] - fill[0]) +
          Math.abs(row[i + 1] - fill[1]) +
          Math.abs(row[i + 2] - fill[2]) <
        40
      )
        end = x + 1;
    }
    return end < 0 ? -1 : end / bitmap.width;
  }, png);
}

test("each bar is drawn where its party's loudness is (a steady tone of known loudness), and empty in silence", async () => {
  // Caller (right channel): a 1 kHz sine at -20 dBFS for 4 s, which is -23.0 LUFS by BS.1770; the agent is silent.
  const sampleRate = 48000;
  const tone = concat(
    silence(sampleRate, 0.3),
    sine({ sampleRate, seconds: 4, peakDbfs: -20 }),
    silence(sampleRate, 2),
  );
  const file = writeWavFile(
    path.join(scratchDir('live-coach-bars'), 'caller-tone.wav'),
    [new Float32Array(tone.length), tone],
    sampleRate,
  );
  const expected = meterFraction(-23.0);
  run = await openLiveRun(file);
  const { page } = run.app;
  await page.getByTestId('start-call').click();
  const callerCanvas = page.getByTestId('meter-caller').locator('canvas');
  const agentCanvas = page.getByTestId('meter-agent').locator('canvas');
  for (const at of [2, 3]) {
    // At 2 and 3 s of the call (the app's clock): the tone (0.3–4.3 s) fills the 400 ms window.
    await waitForCallClock(page, at);
    await expect(callerCanvas).toHaveAttribute('data-level', /^-2[23]\.\d$/);
    expect(
      Math.abs(Number(await callerCanvas.getAttribute('data-level')) + 23.0),
    ).toBeLessThanOrEqual(0.2);
    const end = await barEnd(page, callerCanvas);
    console.log(
      `caller bar to ${(end * 100).toFixed(1)} % of the scale; -23.0 LUFS is at ${(expected * 100).toFixed(1)} %`,
    );
    expect(Math.abs(end - expected)).toBeLessThan(0.015);
    await expect(agentCanvas).toHaveAttribute('data-level', '');
    expect(await barEnd(page, agentCanvas)).toBe(-1);
  }
  await expect(callerCanvas).toHaveAttribute('data-level', '', { timeout: 4000 });
  expect(await barEnd(page, callerCanvas)).toBe(-1);
});
