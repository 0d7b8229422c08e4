/**
 * The caller's audio on Linux, as a user sets it up (issue 26): a real PulseAudio (a private server,
 * tests/support/pulse-server.ts) whose default output is where the softphone plays the caller, and a
 * headset microphone; `npm run --silent audio -- setup` makes the output's monitor an input; Chromium,
 * without fake capture, talking to that server (PULSE_SERVER), lists it; in Settings the agent picks it as
 * the caller's audio and the headset as their microphone. A real recorded voice played into the output
 * with paplay moves the caller meter (not the agent's), and the saved session has the caller's speech.
 *
 * paplay and pactl run as child processes started asynchronously (a spawnSync here would stall the page).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { pactlOk } from '../../main/caller-audio/pactl';
import { openSessionServices } from '../../main/host/session-services.js';
import { createSettingsService } from '../../main/settings/settings-service.js';
import { openSettingsStore } from '../../main/settings/settings-store.js';
import { speakerClips } from '../support/real-voices.js';
import {
  pulseUnavailable,
  runCommand,
  startPulseServer,
  TEST_SPEAKERS,
  type PulseServer,
} from '../support/pulse-server.js';
import { concat, dbToGain, silence, writeWavFile } from '../support/test-audio.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';
import { E2E_TMP } from './support/paths.js';

const SAMPLE_RATE = 48_000;
/** The caller's speech level in the file (active speech RMS), a normal line level. */
const CALLER_LEVEL_DB = -20;
const MIC_LABEL = 'Test headset microphone';

let skipReason: string | null = null;
let pulse: PulseServer | undefined;
let app: LaunchedApp | undefined;
let tmp = '';

test.beforeAll(async () => {
  mkdirSync(E2E_TMP, { recursive: true });
  tmp = mkdtempSync(path.join(E2E_TMP, 'pulse-'));
  skipReason = await pulseUnavailable();
  if (!skipReason)
    pulse = await startPulseServer(path.join(tmp, 'pulse')).catch((error: Error) => {
      skipReason = `PulseAudio could not start: ${error.message}`;
      return undefined;
    });
  if (skipReason) console.log(`[caller-audio-pulse] skipped: ${skipReason}`);
});
test.afterAll(async () => {
  await app?.close();
  await pulse?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Records every change of the two meters' data-level (empty = silence), from now on. */
function watchMeters(): void {
  const seen: { who: string; level: string }[] = [];
  (window as unknown as { __meterLevels: typeof seen }).__meterLevels = seen;
  for (const who of ['caller', 'agent']) {
    const canvas = document.querySelector(`[data-testid="meter-${who}"] canvas`);
    if (!canvas) throw new Error(`no ${who} meter`);
    new MutationObserver(() =>
      seen.push({ who, level: canvas.getAttribute('data-level') ?? '' }),
    ).observe(canvas, { attributes: true, attributeFilter: ['data-level'] });
  }
}

test('audio setup makes the default output an input Chromium offers: a real voice played there moves the caller meter and is saved as caller speech', async () => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.setTimeout(180_000);
  const server = pulse!;

  // The agent's headset microphone (silent here): a source of its own, the default input.
  await pactlOk(server.pactl, [
    'load-module',
    'module-null-sink',
    'sink_name=calm_test_headset',
    'sink_properties=device.description=Test-Headset',
  ]);
  await pactlOk(server.pactl, [
    'load-module',
    'module-remap-source',
    'master=calm_test_headset.monitor',
    'source_name=calm_test_mic',
    `source_properties='device.description="${MIC_LABEL}"'`,
  ]);
  await pactlOk(server.pactl, ['set-default-source', 'calm_test_mic']);

  // The README's command, as the user runs it.
  const setup = await runCommand('npm', ['run', '--silent', 'audio', '--', 'setup'], server.env);
  expect(setup.stderr).toBe('');
  expect(setup.code).toBe(0);
  expect(setup.stdout).toContain('Caller’s audio: "Calm Line caller audio"');

  // The caller: real recorded voice (Canadian French "June"), three clips with pauses between them.
  const clips = speakerClips('fr-june', SAMPLE_RATE, 1.5, 4, 3);
  expect(clips).toHaveLength(3);
  const gain = dbToGain(CALLER_LEVEL_DB);
  const parts: Float32Array[] = [];
  for (const clip of clips)
    parts.push(
      clip.samples.map((x) => x * gain),
      silence(SAMPLE_RATE, 0.8),
    );
  const voice = concat(...parts);
  const wav = writeWavFile(path.join(tmp, 'caller.wav'), [voice, voice], SAMPLE_RATE);
  const speechSec = clips.reduce((s, c) => s + c.speech.reduce((t, [a, b]) => t + b - a, 0), 0);

  const dataDir = mkdtempSync(path.join(tmp, 'data-'));
  const settings = createSettingsService(openSettingsStore(dataDir));
  settings.update({ profile: { setupDone: true } });
  settings.update({ audio: { mode: 'two-devices' }, wrapUp: { requiredSteps: [] } });
  app = await launchApp({ dataDir, realCapture: { env: server.env } });
  const { page } = app;
  await expect(page.getByTestId('start-call')).toBeEnabled();

  // Chromium lists the new input (and the headset), never a monitor; labels come once access is granted.
  const labels = await page.evaluate(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    stream.getTracks().forEach((t) => t.stop());
    const all = await navigator.mediaDevices.enumerateDevices();
    return all.filter((d) => d.kind === 'audioinput').map((d) => d.label);
  });
  console.log(`[caller-audio-pulse] Chromium's inputs: ${labels.join(' | ')}`);
  expect(labels).toContain('Calm Line caller audio');
  expect(labels).toContain(MIC_LABEL);
  expect(labels.filter((l) => /^Monitor of/.test(l))).toEqual([]);

  // Settings, as setup told the user.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('audio-mode')).toHaveValue('two-devices');
  await page
    .getByLabel('Caller’s audio (loopback / monitor input)')
    .selectOption({ label: 'Calm Line caller audio' });
  await page.getByLabel('My microphone').selectOption({ label: MIC_LABEL });
  await page.getByTestId('nav-coach').click();

  await page.getByTestId('start-call').click();
  await expect(page.getByTestId('end-call')).toBeVisible();
  const callerMeter = page.getByTestId('meter-caller').locator('canvas');
  const agentMeter = page.getByTestId('meter-agent').locator('canvas');
  // Both sources are digital silence until the softphone plays.
  await expect(callerMeter).toHaveAttribute('data-level', '');
  await expect(agentMeter).toHaveAttribute('data-level', '');
  await page.evaluate(watchMeters);

  const startedAt = Date.now();
  const playing = runCommand('paplay', ['--device', TEST_SPEAKERS, wav], server.env);
  await expect(callerMeter).toHaveAttribute('data-level', /^-?\d+\.\d$/, { timeout: 10_000 });
  const firstSoundMs = Date.now() - startedAt;
  const played = await playing;
  expect(played.stderr).toBe('');
  expect(played.code).toBe(0);
  // The tail of the file is a pause: the meter goes back to silence.
  await expect(callerMeter).toHaveAttribute('data-level', '', { timeout: 10_000 });

  const seen = await page.evaluate(
    () => (window as unknown as { __meterLevels: { who: string; level: string }[] }).__meterLevels,
  );
  const callerLevels = seen
    .filter((s) => s.who === 'caller' && s.level !== '')
    .map((s) => Number(s.level));
  console.log(
    `[caller-audio-pulse] paplay → caller meter ${firstSoundMs} ms; caller momentary loudness peak ${Math.max(...callerLevels).toFixed(1)} LUFS over ${callerLevels.length} readings; voice ${speechSec.toFixed(1)} s of speech`,
  );
  // A voice at -20 dBFS RMS reads well above the meter's floor; the agent's meter never moved.
  expect(Math.max(...callerLevels)).toBeGreaterThan(-35);
  expect(seen.filter((s) => s.who === 'agent' && s.level !== '')).toEqual([]);

  await page.getByTestId('end-call').click();
  await expect(page.getByTestId('wrap-up')).toBeVisible();
  await page.getByTestId('save-wrap-up').click();
  await expect(page.getByTestId('wrap-up-saved')).toBeVisible();
  await app.close();
  app = undefined;

  const sessions = openSessionServices({ dataDir });
  try {
    const list = sessions.repository.list({ offset: 0, limit: 10 });
    expect(list.total).toBe(1);
    const saved = sessions.repository.get(list.rows[0].id)!;
    console.log(
      `[caller-audio-pulse] saved: caller talk ${saved.call.metrics.callerTalkSec.toFixed(1)} s, agent talk ${saved.call.metrics.agentTalkSec.toFixed(1)} s (voice: ${speechSec.toFixed(1)} s of speech)`,
    );
    expect(saved.call.metrics.callerTalkSec).toBeGreaterThan(speechSec * 0.6);
    expect(saved.call.metrics.callerTalkSec).toBeLessThan(speechSec * 1.4 + 1);
    expect(saved.call.metrics.agentTalkSec).toBe(0);
  } finally {
    sessions.close();
  }

  const teardown = await runCommand(
    'npm',
    ['run', '--silent', 'audio', '--', 'teardown'],
    server.env,
  );
  expect(teardown.code).toBe(0);
  expect(teardown.stdout).toMatch(/^Removed the input "Calm Line caller audio"/);
});
