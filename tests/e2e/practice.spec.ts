import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { launchApp } from './support/app-fixture.js';
import { expectAccessible } from './support/a11y-audit.js';
import { expectKeyboardWalk } from './support/keyboard-walk.js';
import { expectReflows } from './support/layout-check.js';
import { E2E_TMP } from './support/paths.js';
import { buildDialogue, truthOf } from '../support/dialogues.js';
import { scriptedRehearsal, type ScriptedRehearsal } from '../support/practice-rehearsal.js';
import { PROJECT_ROOT, scratchDir, writeWavFile } from '../support/test-audio.js';
import { agentRepliesCall, callerScenarioCall } from '../engine/practice/practice-scripts.js';
import { decodeScenario } from '../../renderer/engine/practice/scenario-file.js';
import { measureNormalVoice } from '../../renderer/engine/voice-calibration.js';
import { DEFAULT_CUE_SETTINGS } from '../../renderer/engine/cue-settings.js';
import { scenarioFromCallFile } from '../../renderer/src/practice/scenario-from-call-file.js';
import { agentDeviceKey } from '../../renderer/src/live-coach/device-key.js';
import { DEFAULT_SETTINGS } from '../../preload/contract/settings-schema.js';
import { createSettingsService } from '../../main/settings/settings-service.js';
import { openSettingsStore } from '../../main/settings/settings-store.js';
import { openSessionServices } from '../../main/host/session-services.js';

/**
 * Issue 31's rehearsal in Chromium through the browser host: a scenario made in the page from a recorded
 * stereo call (its caller channel), then two rehearsals with Chromium's fake microphone playing scripted
 * replies — one agent who waits 0.9 s after each caller turn and answers 8 dB under their normal voice, one
 * who cuts in 1.2 s into each turn 8 dB over it. The microphone tracks are made offline by the same
 * PracticeRun answering each turn as it is played, so the page replays the same turns; the scores must
 * follow the script, each caller turn must wait for the reply before it, the history shows both runs and
 * the session log holds no call. The scenarios shipped with the app are listed after the agent's own,
 * credited, exportable and not deletable.
 */
const SR = 48000;
const EDGE_SEC = 0.15;
const AGENT_KEY = agentDeviceKey(DEFAULT_SETTINGS.audio);
const SHIPPED = readdirSync(path.join(PROJECT_ROOT, 'assets/scenarios')).filter((f) =>
  f.endsWith('.calmscenario'),
).length;
const own = (page: Page) => page.locator('[data-testid="practice-scenario"][data-shipped="false"]');

let callFile: string;
let soft: ScriptedRehearsal;
let loud: ScriptedRehearsal;
let softWav: string;
let loudWav: string;
let dataDir: string;

test.beforeAll(async () => {
  const call = buildDialogue({
    ...callerScenarioCall(SR),
    layout: 'agent-left',
    utterances: [
      ...callerScenarioCall(SR).utterances.slice(0, 2),
      { who: 'agent', afterPrevEnd: 0.8, text: 'I am so sorry to hear that.' },
      ...callerScenarioCall(SR).utterances.slice(2),
    ],
  });
  callFile = call.file;
  // The scenario the page will make from the file: the same engine cuts the same turns.
  const scenario = decodeScenario(
    await scenarioFromCallFile('angry-call.wav', readFileSync(callFile)),
  );
  const agent = buildDialogue(agentRepliesCall(SR));
  const clips = truthOf(agent, 'agent').map((u) =>
    agent.agent.slice(Math.round(u.start * SR), Math.round(u.end * SR)),
  );
  const normal = measureNormalVoice(agent.agent, SR);
  const options = { sampleRate: SR, agentNormalLufs: normal };
  soft = scriptedRehearsal(scenario, clips, { replyAt: (t) => t.end + 0.9, gainDb: -8 }, options);
  loud = scriptedRehearsal(scenario, clips, { replyAt: (t) => t.start + 1.2, gainDb: 8 }, options);
  const dir = scratchDir('practice-e2e');
  const right = (n: number) => new Float32Array(n);
  softWav = writeWavFile(path.join(dir, 'soft-agent.wav'), [soft.mic, right(soft.mic.length)], SR);
  loudWav = writeWavFile(path.join(dir, 'loud-agent.wav'), [loud.mic, right(loud.mic.length)], SR);
  mkdirSync(E2E_TMP, { recursive: true });
  dataDir = mkdtempSync(path.join(E2E_TMP, 'practice-'));
  createSettingsService(openSettingsStore(dataDir)).update({
    profile: { setupDone: true, agentName: 'Ana' },
    agentNormalLufs: { [AGENT_KEY]: normal },
  });
});
test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface TurnShown {
  waited: boolean;
  softly: string;
  agentStarted: number;
  callerStarted: number;
  callerStart: number;
  callerEnd: number;
  replyStart: number;
  replyEnd: number;
  overNormal: number;
}

async function rehearse(page: Page): Promise<TurnShown[]> {
  // Keyboard first: Start, the priorities typed while the caller talks, the wrap-up, the score.
  await page.getByTestId('practice-start').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('practice')).toHaveAttribute('data-step', 'rehearsing');
  await expect(page.getByTestId('practice').getByTestId('cue-banner')).toBeVisible();
  await expect(page.getByLabel('Priority the customer stated')).toBeFocused();
  await page.keyboard.type('Call back today');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('practice')).toHaveAttribute('data-step', 'wrap-up', {
    timeout: 90_000,
  });
  await expect(page.getByTestId('practice-note')).toBeFocused();
  await page.keyboard.type('Breathe first.');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('practice-finish')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('practice')).toHaveAttribute('data-step', 'score');
  await expect(page.locator('#practice-score-title')).toBeFocused();
  await expect(page.getByTestId('score-priorities')).toContainText('Priorities restated: 1;');
  return page.getByTestId('score-turn').evaluateAll((items) =>
    items.map((li) => {
      const d = (li as HTMLElement).dataset;
      return {
        waited: d.waited === 'true',
        softly: d.softly ?? '',
        agentStarted: Number(d.agentStarted),
        callerStarted: Number(d.callerStarted),
        callerStart: Number(d.callerStart),
        callerEnd: Number(d.callerEnd),
        replyStart: Number(d.replyStart),
        replyEnd: Number(d.replyEnd),
        overNormal: Number(d.overNormal),
      };
    }),
  );
}

function expectCallerWaitedForReplies(turns: TurnShown[]): void {
  for (let k = 1; k < turns.length; k++)
    expect(
      turns[k].callerStart - turns[k - 1].replyEnd,
      `turn ${k + 1} after reply ${k}`,
    ).toBeGreaterThan(DEFAULT_CUE_SETTINGS.pauseSec);
}

test('a rehearsal that waits and answers softly, then one that cuts in loudly: scores, history, no call', async () => {
  const first = await launchApp({ captureWav: softWav, dataDir });
  try {
    const { page } = first;
    await page.getByTestId('nav-practice').click();
    await page.getByTestId('practice-call-file').setInputFiles(callFile);
    await expect(own(page)).toHaveCount(1);
    await expect(own(page)).toContainText(path.basename(callFile, '.wav'));
    await expect(page.getByTestId('practice-scenario').first()).toHaveAttribute(
      'data-shipped',
      'false',
    );
    // The scenarios shipped with the app come after it: credited, exportable, not deletable.
    const shipped = page.locator('[data-testid="practice-scenario"][data-shipped="true"]');
    await expect(shipped).toHaveCount(SHIPPED);
    for (let k = 0; k < SHIPPED; k++) {
      await expect(shipped.nth(k)).toContainText('Shipped with Calm Line');
      await expect(shipped.nth(k).getByTestId('practice-scenario-credit')).toContainText(
        'CC BY-SA 3.0',
      );
    }
    // In the page's language first, each with its caller's language named.
    await expect(shipped.getByTestId('practice-scenario-language')).toHaveText([
      'English',
      'French',
    ]);
    await expect(shipped.getByRole('button', { name: /^Export / })).toHaveCount(SHIPPED);
    await expect(shipped.getByRole('button', { name: /^Delete / })).toHaveCount(0);
    // Keyboard first, accessible, docked at 420 px: the scenarios screen.
    await page.setViewportSize({ width: 420, height: 760 });
    await expectAccessible(page, 'practice: scenarios');
    await expectKeyboardWalk(page, 'practice: scenarios');
    await expectReflows(page, 'practice: scenarios');
    const turns = await rehearse(page);
    await expectAccessible(page, 'practice: score');
    await expectReflows(page, 'practice: score');
    expect(turns).toHaveLength(3);
    turns.forEach((t, k) => {
      expect(t.waited, `turn ${k + 1}`).toBe(true);
      expect(t.softly, `turn ${k + 1}`).toBe('true');
      expect(t.agentStarted, `turn ${k + 1}`).toBe(0);
      expect(t.callerStarted, `turn ${k + 1}`).toBe(0);
      expect(Math.abs(t.replyStart - t.callerEnd - 0.9), `turn ${k + 1} wait`).toBeLessThan(
        EDGE_SEC,
      );
      expect(Math.abs(t.overNormal + 8), `turn ${k + 1} level`).toBeLessThan(2.5);
    });
    expectCallerWaitedForReplies(turns);
    // The page played the turns where the offline run did (same replies, same engine).
    turns.forEach((t, k) =>
      expect(Math.abs(t.callerStart - soft.played[k].start), `turn ${k + 1} start`).toBeLessThan(
        0.3,
      ),
    );
    await expect(page.getByTestId('score-waited')).toHaveAttribute('data-value', '3');
    await expect(page.getByTestId('practice-run')).toHaveCount(1);
    expect(first.consoleErrors).toEqual([]);
  } finally {
    await first.close();
  }

  const second = await launchApp({ captureWav: loudWav, dataDir });
  try {
    const { page } = second;
    await page.getByTestId('nav-practice').click();
    await expect(own(page)).toHaveCount(1);
    const turns = await rehearse(page);
    expect(turns).toHaveLength(3);
    turns.forEach((t, k) => {
      expect(t.waited, `turn ${k + 1}`).toBe(false);
      expect(t.softly, `turn ${k + 1}`).toBe('false');
      expect(t.agentStarted, `turn ${k + 1}`).toBeGreaterThanOrEqual(1);
      expect(Math.abs(t.replyStart - t.callerStart - 1.2), `turn ${k + 1} cut in`).toBeLessThan(
        EDGE_SEC,
      );
      expect(Math.abs(t.overNormal - 8), `turn ${k + 1} level`).toBeLessThan(2.5);
    });
    expectCallerWaitedForReplies(turns);
    await expect(page.getByTestId('score-talked-over')).toHaveAttribute('data-value', '3');
    await expect(page.getByTestId('practice-run')).toHaveCount(2);
    await expect(page.getByTestId('practice-run').first()).toHaveAttribute('data-kind', 'practice');
    expect(second.consoleErrors).toEqual([]);
  } finally {
    await second.close();
  }

  // Neither rehearsal is a call: the session log (and so its export and the team view) holds none.
  const sessions = openSessionServices({ dataDir, teamStore: false });
  try {
    expect(sessions.repository.list({}).total).toBe(0);
  } finally {
    sessions.close();
  }
});
