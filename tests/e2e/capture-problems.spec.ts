import { test, expect } from '@playwright/test';
import { waitForCallClock } from './support/call-clock.js';
import { buildDialogue } from '../support/dialogues.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';

let app: LaunchedApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('a mono source (identical channels) is named as the problem, not metered as two parties', async () => {
  const mono = buildDialogue({
    sampleRate: 48000,
    layout: 'mono',
    utterances: [
      {
        who: 'caller',
        at: 0.3,
        text: 'Hello, I need help with my account, it has been locked since Monday.',
      },
    ],
  });
  app = await launchApp({ captureWav: mono.file });
  await app.page.getByTestId('start-call').click();
  const notice = app.page.getByTestId('source-problem');
  await expect(notice).toHaveAttribute('data-kind', 'mono-source');
  await expect(notice).toContainText('Both channels of this source are identical');
});

test('a denied microphone permission shows what to do, and the app stays usable', async () => {
  app = await launchApp({ denyMedia: true });
  await app.page.getByTestId('start-call').click();
  const notice = app.page.getByTestId('source-problem');
  await expect(notice).toHaveAttribute('data-kind', 'permission-denied');
  await expect(notice).toContainText('Allow microphone access');
  await expect(app.page.getByTestId('start-call')).toBeEnabled();
  await expect(app.page.getByTestId('cue-banner')).toHaveAttribute('data-cue', 'idle');
});

test('a device lost mid-call shows a clear state, keeps the call, and metering resumes when it comes back', async () => {
  const call = buildDialogue({
    sampleRate: 48000,
    utterances: [
      {
        who: 'caller',
        at: 0.3,
        text: 'I was charged twice for the same order and I want my money back today.',
      },
      { who: 'agent', at: 5.0, text: 'I understand, that is not right. Let me fix it.' },
      {
        who: 'caller',
        at: 9.0,
        text: 'Thank you. Please send me the confirmation by email, and call me if anything changes.',
      },
    ],
  });
  // Keep the captured streams reachable so the test can pull the device out from under the app.
  app = await launchApp({
    captureWav: call.file,
    initScript: () => {
      const streams: MediaStream[] = [];
      (window as unknown as { __streams: MediaStream[] }).__streams = streams;
      const devices = navigator.mediaDevices;
      const original = devices.getUserMedia.bind(devices);
      devices.getUserMedia = async (c) => {
        const s = await original(c);
        streams.push(s);
        return s;
      };
    },
  });
  const { page } = app;
  await page.getByTestId('start-call').click();
  await expect(page.getByTestId('meter-caller').locator('canvas')).not.toHaveAttribute(
    'data-level',
    '',
    { timeout: 5000 },
  );
  // Some speech heard before the device goes (the app's call clock, not a sleep of ours).
  await waitForCallClock(page, 2);

  // The device disappears: its track ends.
  await page.evaluate(() => {
    for (const s of (window as unknown as { __streams: MediaStream[] }).__streams) {
      for (const t of s.getAudioTracks()) {
        t.stop();
        t.dispatchEvent(new Event('ended'));
      }
    }
  });
  const notice = page.getByTestId('source-problem');
  await expect(notice).toHaveAttribute('data-kind', 'device-lost');
  await expect(page.getByTestId('end-call')).toBeVisible(); // the call goes on
  await expect(page.getByTestId('meter-caller').locator('canvas')).toHaveAttribute(
    'data-level',
    '',
    { timeout: 3000 },
  );

  // The device is back; the agent presses "Try again": metering resumes in the same call.
  await page.getByTestId('retry-source').click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('meter-caller').locator('canvas')).not.toHaveAttribute(
    'data-level',
    '',
    { timeout: 8000 },
  );
  // The call's clock goes on (the app's own clock, waited on until it moves).
  const timeBefore = (await page.getByTestId('call-time').textContent()) ?? '';
  await expect(page.getByTestId('call-time')).not.toHaveText(timeBefore, { timeout: 3000 });
  await page.getByTestId('end-call').click();
  // The call kept the speech heard before the loss.
  const callerTalk = parseFloat(
    (await page.getByTestId('summary-caller-talk').textContent()) ?? '0',
  );
  expect(callerTalk).toBeGreaterThan(1);
});
