import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { buildDialogue } from '../support/dialogues.js';
import { measureNormalVoice } from '../../renderer/engine/voice-calibration.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

test('"Calibrate my voice" measures the normal voice like the engine does and saves it for this device', async () => {
  const sentence = buildDialogue({
    sampleRate: 48000,
    agentLevelDbfs: -30,
    utterances: [
      {
        who: 'agent',
        at: 0.4,
        text: 'Hello, this is Sam from customer care. How can I help you today?',
      },
    ],
  });
  const expected = measureNormalVoice(sentence.agent, sentence.sampleRate);
  expect(expected).not.toBeNull();

  app = await launchApp({ captureWav: sentence.file });
  // Docked (380 px): calibration is among the coach's details, one key away.
  await app.page.getByTestId('coach-more-toggle').click();
  await app.page.getByTestId('calibrate').click();
  await expect(app.page.getByTestId('calibration')).toContainText(
    'Say a sentence in your normal voice',
  );
  const done = app.page.getByTestId('calibration-done');
  await expect(done).toBeVisible({ timeout: 10_000 });
  const shown = parseFloat(/(-?\d+\.\d) LUFS/.exec((await done.textContent()) ?? '')![1]);
  // The live reading stops once enough speech was heard (1.5 s), so it covers the sentence's start only.
  expect(Math.abs(shown - expected!)).toBeLessThan(1.5);

  const stored = JSON.parse(readFileSync(path.join(app.dataDir, 'settings.json'), 'utf8')) as {
    agentNormalLufs: Record<string, number>;
  };
  expect(stored.agentNormalLufs).toEqual({ 'stereo:default:left': shown });
});
