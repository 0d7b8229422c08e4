import { execFileSync } from 'node:child_process';
import { waitForCallClock } from './support/call-clock.js';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { DEFAULT_CUE_SETTINGS } from '../../renderer/engine/cue-settings.js';
import { buildDialogue, truthOf, type Dialogue } from '../support/dialogues.js';
import { FIXTURE_DIR } from '../support/test-audio.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';

/**
 * The call review shows a known call's regions at the right times. The call is generated with a scripted
 * interruption (the agent cuts in 1.5 s into the caller's complaint), so the overtalk's start and end are
 * known from the file; every region on screen is compared with that truth within ±0.15 s — once through
 * a real call in the live coach (fake capture → stored session and timeline → log → review) and once
 * through "Open a recorded call…" with the same WAV.
 */
const TOLERANCE_SEC = 0.15;

function interruptedCall(): Dialogue {
  return buildDialogue({
    sampleRate: 48000,
    callerLevelDbfs: -24,
    agentLevelDbfs: -26,
    utterances: [
      {
        who: 'caller',
        at: 0.5,
        text: 'I have been waiting three weeks for my refund and nobody ever calls me back about it.',
      },
      { who: 'agent', afterPrevStart: 1.5, text: 'Let me just stop you there for a second.' },
      { who: 'agent', afterPrevEnd: 2.5, text: 'I am sorry. I will send the refund today.' },
    ],
    tailSec: 1.5,
  });
}

/** A long, quiet stereo file (30 min at 8 kHz) that takes the worker a while: for progress and cancel. */
function longRecording(): string {
  const file = path.join(FIXTURE_DIR, 'review-long-30min-8k.wav');
  if (!existsSync(file)) {
    mkdirSync(FIXTURE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.partial.wav`;
    execFileSync('sox', [
      '-n',
      '-r',
      '8000',
      '-c',
      '2',
      '-b',
      '16',
      partial,
      'synth',
      '1800',
      'pinknoise',
      'vol',
      '0.02',
    ]);
    renameSync(partial, file);
  }
  return file;
}

interface DomRegion {
  kind: string;
  start: number;
  end: number;
  lane: number;
  left: number;
  right: number;
}

async function regionsOn(page: Page, reviewTestId: string): Promise<DomRegion[]> {
  const review = page.getByTestId(reviewTestId);
  await expect(review).toHaveAttribute('data-ready', 'true');
  // Regions are drawn inside wavesurfer's shadow DOM; Playwright's locators go through it.
  const regions = review.getByTestId('review-region');
  await expect(regions.first()).toBeAttached();
  return regions.evaluateAll((els) =>
    els.map((e) => {
      const el = e as HTMLElement;
      return {
        kind: el.dataset.kind ?? '',
        start: Number(el.dataset.start),
        end: Number(el.dataset.end),
        lane: Number(el.dataset.lane),
        left: parseFloat(el.style.left),
        right: parseFloat(el.style.right),
      };
    }),
  );
}

/** Checks the regions against the script's truth; `shift` is file time minus call time. */
function expectRegionsMatchTruth(
  regions: DomRegion[],
  call: Dialogue,
  durationSec: number,
  shift: number,
): void {
  const [complaint] = truthOf(call, 'caller');
  const [interruption] = truthOf(call, 'agent');
  const overtalk = regions.filter((r) => r.kind === 'overtalk');
  expect(overtalk).toHaveLength(1);
  const expectedStart = interruption.start - shift;
  const expectedEnd = Math.min(interruption.end, complaint.end) - shift;
  console.log(
    `overtalk ${overtalk[0].start.toFixed(3)}–${overtalk[0].end.toFixed(3)} s, truth ${expectedStart.toFixed(3)}–${expectedEnd.toFixed(3)} s`,
  );
  expect(Math.abs(overtalk[0].start - expectedStart)).toBeLessThanOrEqual(TOLERANCE_SEC);
  expect(Math.abs(overtalk[0].end - expectedEnd)).toBeLessThanOrEqual(TOLERANCE_SEC);
  expect(overtalk[0].lane).toBe(-1);
  // "Talking over" comes on once the overlap outlasts a backchannel, on the agent's lane.
  const over = regions.filter((r) => r.kind === 'talking-over');
  expect(over).toHaveLength(1);
  expect(
    Math.abs(over[0].start - (expectedStart + DEFAULT_CUE_SETTINGS.backchannelSec)),
  ).toBeLessThanOrEqual(TOLERANCE_SEC + 0.05);
  expect(over[0].lane).toBe(1);
  // "Wait for the pause" starts as the caller starts venting, on the caller's lane.
  const wait = regions.filter((r) => r.kind === 'wait-for-pause');
  expect(wait.length).toBeGreaterThanOrEqual(1);
  expect(Math.abs(wait[0].start - (complaint.start - shift))).toBeLessThanOrEqual(TOLERANCE_SEC);
  expect(wait[0].lane).toBe(0);
  // Each region box sits where its times say on the drawn time axis.
  for (const r of regions) {
    expect(r.left).toBeCloseTo((r.start / durationSec) * 100, 1);
    expect(r.right).toBeCloseTo(((durationSec - r.end) / durationSec) * 100, 1);
  }
}

/** Click into a region → the cursor jumps to its start; hover in caller-only speech → caller level, agent silent. */
async function expectJumpAndHover(
  page: Page,
  reviewTestId: string,
  call: Dialogue,
  shift: number,
): Promise<void> {
  const review = page.getByTestId(reviewTestId);
  const overtalk = review.locator('[data-testid="review-region"][data-kind="overtalk"]');
  const start = Number(await overtalk.getAttribute('data-start'));
  await overtalk.click({ position: { x: 3, y: 4 } });
  await expect(review.getByTestId('review-cursor')).toHaveAttribute('data-time', start.toFixed(2));
  await expect(review.getByTestId('review-cursor')).toContainText(/Caller -\d+\.\d LUFS/);
  // Arrow keys move the cursor by a second.
  await review.getByTestId('review-wave').press('ArrowRight');
  await expect(review.getByTestId('review-cursor')).toHaveAttribute(
    'data-time',
    (start + 1).toFixed(2),
  );

  const [complaint] = truthOf(call, 'caller');
  const [interruption] = truthOf(call, 'agent');
  const t = (complaint.start + interruption.start) / 2 + 0.3 - shift; // the caller alone, 400 ms window full
  const wave = review.getByTestId('review-wave');
  const box = (await wave.boundingBox())!;
  const duration = Number(await review.getAttribute('data-duration'));
  await wave.hover({ position: { x: (t / duration) * box.width, y: 20 } });
  await expect(review.getByTestId('review-hover')).toContainText(
    /Caller -\d+\.\d LUFS · You silent/,
  );
}

let call: Dialogue;
let app: LaunchedApp | undefined;
test.beforeAll(() => {
  call = interruptedCall();
});
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

declare global {
  interface Window {
    __reviewProbe?: { captureStartMs: number | null; callStartMs: number | null };
  }
}

/** Notes when getUserMedia resolved (the played file's time 0) and when the coach told its worklet to start the call. */
function installCallStartProbe(): void {
  const probe = { captureStartMs: null as number | null, callStartMs: null as number | null };
  window.__reviewProbe = probe;
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    probe.captureStartMs ??= performance.now();
    return stream;
  };
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (
    this: MessagePort,
    ...args: Parameters<MessagePort['postMessage']>
  ) {
    if ((args[0] as { type?: string } | null)?.type === 'start-call')
      probe.callStartMs ??= performance.now();
    return post.apply(this, args as [unknown, StructuredSerializeOptions?]);
  } as MessagePort['postMessage'];
}

test('the review of a live call shows its overtalk and cues at the right times, from the stored timeline', async () => {
  app = await launchApp({ captureWav: call.file, initScript: installCallStartProbe });
  const { page } = app;
  await page.getByTestId('start-call').click();
  await page.getByTestId('end-call').waitFor();
  await waitForCallClock(page, call.durationSec);
  await page.getByTestId('end-call').click();
  const probe = await page.evaluate(() => window.__reviewProbe!);
  // File time − call time: the call started this long after the file began to play.
  const shift = (probe.callStartMs! - probe.captureStartMs!) / 1000;
  console.log(`call started ${(shift * 1000).toFixed(1)} ms into the file`);

  // Keyboard wrap-up with the default required steps (a priority, a resolution), saved.
  await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', 'priorities');
  await page.keyboard.type('Refund today');
  // Enter adds the next priority row, then goes on through catalyst and ownership to the resolution.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('wrap-up-saved')).toBeVisible();

  await page.getByTestId('nav-log').click();
  await page.getByTestId('log-row').click();
  const review = page.getByTestId('call-review');
  const duration = Number(await review.getAttribute('data-duration'));
  // The call ran until the app's clock (whole seconds) read the file's length.
  expect(duration).toBeGreaterThan(call.durationSec - shift - 0.5);
  expect(duration).toBeLessThan(Math.ceil(call.durationSec) + 0.5);
  const regions = await regionsOn(page, 'call-review');
  expectRegionsMatchTruth(regions, call, duration, shift);
  // The regions are the session's cues, no more, no fewer: their counts match the call's figures.
  const counts = (await page.getByTestId('call-summary').locator('p').textContent()) ?? '';
  expect(counts).toContain(
    `You’re talking over: ${regions.filter((r) => r.kind === 'talking-over').length}`,
  );
  expect(counts).toContain(
    `Wait for the pause: ${regions.filter((r) => r.kind === 'wait-for-pause').length}`,
  );
  // Both lanes were drawn from the stored timeline (no "no timeline" note).
  await expect(review).not.toContainText('No loudness timeline');
  await expectJumpAndHover(page, 'call-review', call, shift);
  expect(app.consoleErrors).toEqual([]);
});

declare global {
  interface Window {
    __workersTerminated?: number;
  }
}

/** Init script: counts Worker.terminate() calls (the page's own workers; nothing else changes). */
function countWorkerTerminations(): void {
  window.__workersTerminated = 0;
  const terminate = Worker.prototype.terminate;
  Worker.prototype.terminate = function (this: Worker) {
    window.__workersTerminated! += 1;
    terminate.call(this);
  };
}

test('"Open a recorded call…" analyses the same WAV in a worker and shows the same regions at file times, and plays it', async () => {
  app = await launchApp({});
  const { page } = app;
  await page.getByTestId('nav-log').click();
  await page.getByTestId('open-recorded-call').setInputFiles(call.file);
  const regions = await regionsOn(page, 'recorded-review');
  const duration = Number(await page.getByTestId('recorded-review').getAttribute('data-duration'));
  expect(Math.abs(duration - call.durationSec)).toBeLessThan(0.01);
  expectRegionsMatchTruth(regions, call, duration, 0);
  await expectJumpAndHover(page, 'recorded-review', call, 0);
  // Nothing was saved by opening it.
  await expect(page.getByTestId('log-count')).toHaveAttribute('data-total', '0');

  // The recording plays: the cursor moves on its own.
  const cursor = page.getByTestId('recorded-review').getByTestId('review-cursor');
  const before = Number(await cursor.getAttribute('data-time'));
  await page.getByTestId('review-play').click();
  await expect
    .poll(async () => Number(await cursor.getAttribute('data-time')))
    .toBeGreaterThan(before + 0.5);
  await page.getByTestId('review-play').click();

  // Saved only when asked: the wrap-up opens with its figures; once saved, the log's review shows the same regions.
  await page.getByTestId('recorded-save-session').click();
  await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', 'priorities');
  await expect(page.getByTestId('summary-overtalk')).toHaveText('1');
  await page.keyboard.type('Refund today');
  // Enter adds the next priority row, then goes on through catalyst and ownership to the resolution.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('wrap-up-saved')).toBeVisible();
  await page.getByTestId('nav-log').click();
  await page.getByTestId('log-row').click();
  const stored = await regionsOn(page, 'call-review');
  expect(stored.map(({ kind, start, end, lane }) => ({ kind, start, end, lane }))).toEqual(
    regions.map(({ kind, start, end, lane }) => ({ kind, start, end, lane })),
  );
  expect(app.consoleErrors).toEqual([]);
});

test('a long recording shows the analysis progress and can be cancelled; another file opens after', async () => {
  const long = longRecording();
  app = await launchApp({ initScript: countWorkerTerminations });
  const { page } = app;
  await page.getByTestId('nav-log').click();
  await page.getByTestId('open-recorded-call').setInputFiles(long);
  const progress = page.getByTestId('recorded-progress');
  await expect(progress).toBeVisible();
  await expect
    .poll(async () => Number(await progress.locator('progress').getAttribute('value')))
    .toBeGreaterThan(0);
  const fraction = Number(await progress.locator('progress').getAttribute('value'));
  expect(fraction).toBeLessThan(1);
  await page.getByTestId('recorded-cancel').click();
  await expect(page.getByTestId('recorded-cancelled')).toBeVisible();
  await expect(progress).toHaveCount(0);
  // The cancelled worker is gone — terminated, so nothing can arrive from it later — and showed nothing.
  await expect.poll(() => page.evaluate(() => window.__workersTerminated)).toBe(1);
  await expect(page.getByTestId('recorded-result')).toHaveCount(0);
  await page.getByTestId('open-recorded-call').setInputFiles(call.file);
  await expect(page.getByTestId('recorded-review')).toHaveAttribute('data-ready', 'true');
  // A file that is not audio is refused with a reason.
  await page.getByTestId('open-recorded-call').setInputFiles({
    name: 'notes.wav',
    mimeType: 'audio/wav',
    buffer: Buffer.from('not a wav file at all'),
  });
  await expect(page.getByTestId('recorded-error')).toContainText('not an audio file we read');
  expect(app.consoleErrors).toEqual([]);
});
