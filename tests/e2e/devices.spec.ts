/**
 * Audio devices that change under a running app, in Chromium with the fake capture device, as the platform
 * does it: permission revoked mid-call (the tracks end; getUserMedia is refused from then on), and the
 * device list changing while Settings is open (devicechange). The call keeps its data, the notice says what
 * happened, metering resumes when a source is back. (A device unplugged and plugged back, and a denied
 * permission at start: capture-problems.spec.ts.)
 */
import { test, expect, type Page } from '@playwright/test';
import { waitForCallClock } from './support/call-clock.js';
import { buildDialogue, truthOf } from '../support/dialogues.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';

interface DeviceControl {
  /** getUserMedia rejects with NotAllowedError while true (the permission is revoked). */
  deny: boolean;
  streams: MediaStream[];
  /** Extra audio inputs enumerateDevices reports (a headset plugged in). */
  extra: { deviceId: string; label: string; groupId: string }[];
  gumCalls: number;
}

/** Page instrumentation: controllable permission and device list, captured streams kept reachable. */
function deviceControl(): void {
  const devices = navigator.mediaDevices;
  const getUserMedia = devices.getUserMedia.bind(devices);
  const enumerateDevices = devices.enumerateDevices.bind(devices);
  const control = {
    deny: false,
    streams: [] as MediaStream[],
    extra: [] as { deviceId: string; label: string; groupId: string }[],
    gumCalls: 0,
  };
  (window as unknown as { __devices: typeof control }).__devices = control;
  devices.getUserMedia = async (constraints) => {
    control.gumCalls++;
    if (control.deny) throw new DOMException('Permission denied', 'NotAllowedError');
    const stream = await getUserMedia(constraints);
    control.streams.push(stream);
    return stream;
  };
  devices.enumerateDevices = async () => {
    const real = await enumerateDevices();
    const extra = control.extra.map(
      (d) => ({ ...d, kind: 'audioinput' as const, toJSON: () => d }) as MediaDeviceInfo,
    );
    return [...real, ...extra];
  };
}

const control = (page: Page, change: string) =>
  page.evaluate((code) => {
    const c = (window as unknown as { __devices: DeviceControl }).__devices;
    new Function('c', code)(c);
  }, change);

/** What the platform does when the microphone permission is taken away: every live track ends. */
const endAllTracks = `for (const s of c.streams) for (const t of s.getAudioTracks()) { t.stop(); t.dispatchEvent(new Event('ended')); }`;
const deviceChange = () => `navigator.mediaDevices.dispatchEvent(new Event('devicechange'));`;

/** "m:ss" on the call clock, in seconds. */
function clockSeconds(text: string | null): number {
  const match = /^(\d+):(\d\d)$/.exec(text ?? '');
  return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
}

const meter = (page: Page) => page.getByTestId('meter-caller').locator('canvas');

let app: LaunchedApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('permission revoked mid-call: the notice says so, the call goes on, metering resumes when it is allowed again', async () => {
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
  app = await launchApp({ captureWav: call.file, initScript: deviceControl });
  const { page } = app;
  await page.getByTestId('start-call').click();
  const clickedStart = Date.now();
  await expect(meter(page)).not.toHaveAttribute('data-level', '', { timeout: 5000 });
  await waitForCallClock(page, 2);

  // Revoked: the tracks end, and from now on getUserMedia is refused.
  await control(page, `c.deny = true; ${endAllTracks}`);
  const notice = page.getByTestId('source-problem');
  await expect(notice).toBeVisible();
  await expect(meter(page)).toHaveAttribute('data-level', '', { timeout: 3000 });
  // The device list changes with the permission (labels and ids are no longer exposed): the app tries
  // again, is refused, and says that it is the permission, not a lost device.
  const callsBefore = await page.evaluate(
    () => (window as unknown as { __devices: DeviceControl }).__devices.gumCalls,
  );
  await control(page, deviceChange());
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { __devices: DeviceControl }).__devices.gumCalls),
    )
    .toBeGreaterThan(callsBefore);
  await expect(notice).toHaveAttribute('data-kind', 'permission-denied');
  await expect(notice).toContainText('Allow microphone access');
  await expect(page.getByTestId('end-call')).toBeVisible(); // the call goes on
  // The call's clock goes on (the app's own clock, waited on until it moves).
  const timeBefore = (await page.getByTestId('call-time').textContent()) ?? '';
  await expect(page.getByTestId('call-time')).not.toHaveText(timeBefore, { timeout: 3000 });

  // Allowed again: metering resumes in the same call.
  await control(page, `c.deny = false; ${deviceChange()}`);
  await expect(notice).toHaveCount(0);
  await expect(meter(page)).not.toHaveAttribute('data-level', '', { timeout: 8000 });
  const wallSec = (Date.now() - clickedStart) / 1000;
  await page.getByTestId('end-call').click();
  // The call kept what was heard before the permission went, and its length includes the time without it.
  const callerTalk = parseFloat(
    (await page.getByTestId('summary-caller-talk').textContent()) ?? '0',
  );
  expect(callerTalk).toBeGreaterThan(1);
  const length = /Call · (\d+:\d\d)/.exec(
    (await page.getByTestId('call-summary').textContent()) ?? '',
  );
  expect(clockSeconds(length?.[1] ?? null)).toBeGreaterThanOrEqual(Math.floor(wallSec - 1));
});

test('the device list in Settings follows devices plugged in and out, while a call keeps metering', async () => {
  const call = buildDialogue({
    sampleRate: 48000,
    tailSec: 8,
    utterances: [
      {
        who: 'caller',
        at: 0.3,
        text: 'Hello, my router keeps dropping the connection every evening around eight.',
      },
      {
        who: 'caller',
        at: 6.5,
        text: 'It started last week after the update, and nothing I try fixes it.',
      },
    ],
  });
  app = await launchApp({ captureWav: call.file, initScript: deviceControl });
  const { page } = app;
  await page.getByTestId('start-call').click();
  await expect(meter(page)).not.toHaveAttribute('data-level', '', { timeout: 5000 });

  await page.getByTestId('nav-settings').click();
  const select = page.locator('label', { hasText: /^Stereo device/ }).locator('select');
  const options = () => select.locator('option').allTextContents();
  await expect(select).toBeVisible();
  const before = await options();
  expect(before[0]).toBe('System default');
  expect(before.length).toBeGreaterThan(1); // Chromium's fake inputs
  expect(before).not.toContain('USB Headset (stereo)');

  // A headset is plugged in.
  await control(
    page,
    `c.extra.push({ deviceId: 'usb-headset-1', label: 'USB Headset (stereo)', groupId: 'g1' }); ${deviceChange()}`,
  );
  await expect.poll(options).toContain('USB Headset (stereo)');
  expect(await options()).toHaveLength(before.length + 1);

  // Unplugged, and another one comes.
  await control(
    page,
    `c.extra = [{ deviceId: 'dock-2', label: 'Dock audio', groupId: 'g2' }]; ${deviceChange()}`,
  );
  await expect.poll(options).toContain('Dock audio');
  expect(await options()).not.toContain('USB Headset (stereo)');
  expect(await options()).toHaveLength(before.length + 1);

  // Meanwhile the call went on, metering the caller (its live tracks were never touched): both utterances,
  // the second one spoken while Settings was open, are in the call.
  await page.getByTestId('nav-coach').click();
  await expect(page.getByTestId('source-problem')).toHaveCount(0);
  await expect(page.getByTestId('end-call')).toBeVisible();
  const spoken = truthOf(call, 'caller');
  const lastEnd = spoken[spoken.length - 1].end;
  await expect
    .poll(async () => clockSeconds(await page.getByTestId('call-time').textContent()), {
      timeout: 20_000,
    })
    .toBeGreaterThan(lastEnd + 1);
  await page.getByTestId('end-call').click();
  const callerTalk = parseFloat(
    (await page.getByTestId('summary-caller-talk').textContent()) ?? '0',
  );
  const truth = spoken.reduce((sum, u) => sum + (u.end - u.start), 0);
  expect(callerTalk).toBeGreaterThan(truth * 0.8);
});
