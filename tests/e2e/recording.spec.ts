import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { buildDialogue, type Dialogue } from '../support/dialogues.js';
import { openLiveRun, playCall, type LiveRun } from '../support/live-run.js';
import { decodeWav } from '../../renderer/engine/wav-codec.js';

/**
 * The opt-in call recording (issue 4 §4) through the built app in Debian Chromium: with "Keep call audio"
 * off (the default) a call leaves no audio anywhere in the data folder; with it on, the call's WAV is in
 * `<data>/recordings/YYYY-MM/<id>.wav` (both parties, each on its own channel, as long as the call) and
 * the saved session's review plays it.
 */
function twoPartyCall(): Dialogue {
  return buildDialogue({
    sampleRate: 48000,
    callerLevelDbfs: -24,
    agentLevelDbfs: -26,
    utterances: [
      {
        who: 'caller',
        at: 0.5,
        text: 'My internet has been down since Monday and I work from home.',
      },
      {
        who: 'agent',
        afterPrevEnd: 1.0,
        text: 'I understand. Let me check the line for you right now.',
      },
    ],
    tailSec: 1,
  });
}

let run: LiveRun | undefined;
let call: Dialogue;
test.beforeAll(() => {
  call = twoPartyCall();
});
test.afterEach(async () => {
  await run?.app.close();
  run = undefined;
});

async function saveWrapUp(page: Page): Promise<void> {
  await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', 'priorities');
  await page.keyboard.type('Line checked');
  // Enter adds the next priority row, then goes on through catalyst and ownership to the resolution.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('wrap-up-saved')).toBeVisible();
}

function wavFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    /\.wav(\.part)?$/.test(f),
  );
}

function rmsDb(x: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += x[i] * x[i];
  return 10 * Math.log10(sum / Math.max(1, to - from) + 1e-12);
}

test('with "Keep call audio" off (the default), a call leaves no audio in the data folder', async () => {
  run = await openLiveRun(call.file);
  const { page } = run.app;
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('keep-call-audio')).not.toBeChecked();
  await expect(page.getByText('While it is off, no audio is stored')).toBeVisible();
  await page.getByTestId('nav-coach').click();

  await playCall(run, call.durationSec + 0.3);
  await saveWrapUp(page);
  expect(existsSync(path.join(run.app.dataDir, 'recordings'))).toBe(false);
  expect(wavFilesUnder(run.app.dataDir)).toEqual([]);

  // The session's review has no audio to play.
  await page.getByTestId('nav-log').click();
  await page.getByTestId('log-row').click();
  await expect(page.getByTestId('call-review')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('review-play')).toHaveCount(0);
  expect(run.app.consoleErrors).toEqual([]);
});

test('with it on, the call is kept as a two-channel WAV of the call’s length and the saved session plays it', async () => {
  run = await openLiveRun(call.file);
  const { page, dataDir } = run.app;
  await page.getByTestId('nav-settings').click();
  await expect(page.getByText('<data folder>/recordings/YYYY-MM/<call id>.wav')).toBeVisible();
  await page.getByTestId('keep-call-audio').check();
  await expect(page.getByTestId('settings-message')).toHaveText('Saved.');
  await page.getByTestId('nav-coach').click();

  const playedSec = call.durationSec + 0.3;
  await playCall(run, playedSec);
  await saveWrapUp(page);

  const files = wavFilesUnder(path.join(dataDir, 'recordings'));
  expect(files).toHaveLength(1);
  const [month, name] = files[0].split(path.sep);
  expect(month).toBe(new Date().toISOString().slice(0, 7));
  expect(name).toMatch(/^[0-9a-f-]{36}\.wav$/);
  const id = name.slice(0, 36);
  const wav = decodeWav(readFileSync(path.join(dataDir, 'recordings', files[0])));
  expect(wav.warnings).toEqual([]);
  expect(wav.format.channelCount).toBe(2);
  expect(wav.format.bitsPerSample).toBe(16);

  // As long as the call: the played time, and exactly the session's own length.
  await page.getByTestId('nav-log').click();
  await page.getByTestId('log-row').click();
  const review = page.getByTestId('call-review');
  await expect(review).toHaveAttribute('data-ready', 'true');
  const sessionSec = Number(await review.getAttribute('data-duration'));
  console.log(
    `recording ${wav.durationSec.toFixed(3)} s, session ${sessionSec.toFixed(3)} s, played ≈ ${playedSec.toFixed(2)} s`,
  );
  // Played until the app's call clock (whole seconds) read at least playedSec.
  expect(wav.durationSec).toBeGreaterThan(playedSec - 0.5);
  expect(wav.durationSec).toBeLessThan(Math.ceil(playedSec) + 0.5);
  expect(Math.abs(wav.durationSec - sessionSec)).toBeLessThan(0.05);

  // Two distinct channels, agent left and caller right (the app's one convention): each party's words on
  // their own side.
  const [callerWords, agentWords] = call.truth;
  const sr = wav.sampleRate;
  const mid = (u: { start: number; end: number }) =>
    [Math.round((u.start + 0.2) * sr), Math.round((u.end - 0.2) * sr)] as const;
  const [c0, c1] = mid(callerWords);
  const [a0, a1] = mid(agentWords);
  const levels = {
    callerWordsRight: rmsDb(wav.channels[1], c0, c1),
    callerWordsLeft: rmsDb(wav.channels[0], c0, c1),
    agentWordsLeft: rmsDb(wav.channels[0], a0, a1),
    agentWordsRight: rmsDb(wav.channels[1], a0, a1),
  };
  console.log(
    `levels (dB): ${JSON.stringify(Object.fromEntries(Object.entries(levels).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`,
  );
  expect(levels.callerWordsRight).toBeGreaterThan(-40);
  expect(levels.callerWordsRight - levels.callerWordsLeft).toBeGreaterThan(20);
  expect(levels.agentWordsLeft).toBeGreaterThan(-40);
  expect(levels.agentWordsLeft - levels.agentWordsRight).toBeGreaterThan(20);

  // The review plays it: the media has the file's duration and the cursor moves on its own.
  const mediaSec = await page.evaluate(async (url) => {
    const audio = new Audio(url);
    await new Promise((resolve, reject) => {
      audio.addEventListener('loadedmetadata', resolve, { once: true });
      audio.addEventListener('error', () => reject(new Error(`media error ${audio.error?.code}`)), {
        once: true,
      });
    });
    return audio.duration;
  }, `/recording/${id}`);
  expect(Math.abs(mediaSec - wav.durationSec)).toBeLessThan(0.05);
  const cursor = review.getByTestId('review-cursor');
  const before = Number(await cursor.getAttribute('data-time'));
  await review.getByTestId('review-play').click();
  await expect
    .poll(async () => Number(await cursor.getAttribute('data-time')))
    .toBeGreaterThan(before + 0.5);
  await review.getByTestId('review-play').click();
  expect(run.app.consoleErrors).toEqual([]);
});
