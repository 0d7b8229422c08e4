/**
 * Ways into the states the accessibility specs audit: a scripted call that shows every cue, seeded data
 * folders (sessions, a team export, files the host cannot read), and a gate on the host's WebSocket that
 * holds chosen frames so a transient state (the export counting, an export in progress) stays on screen
 * until the spec releases it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { exportHeader } from '../../../main/export/export-file.js';
import { jsonChunks } from '../../../main/export/export-json.js';
import { openSessionRepository } from '../../../main/sessions/session-repository.js';
import type { Session } from '../../../preload/contract/session-schema.js';
import { buildDialogue, type Dialogue } from '../../support/dialogues.js';
import { makeSessions } from '../../support/session-factory.js';
import { E2E_TMP } from './paths.js';

/**
 * A call that shows each cue for a second or more: the caller vents calmly (wait for the pause), pauses
 * 2.5 s (your turn), the agent answers at their normal level (learned: 3 s of voice), the caller comes
 * back 10 dB louder (caller heated), the agent breaks in for 2 s (talking over), and after the caller
 * stops answers 10 dB over their normal voice (speak softly).
 */
export function everyCueCall(): Dialogue {
  return buildDialogue({
    sampleRate: 48000,
    callerLevelDbfs: -26,
    agentLevelDbfs: -26,
    utterances: [
      {
        who: 'caller',
        at: 0.5,
        text: 'I have been waiting for three weeks and nobody has called me back about my broken line.',
      },
      {
        who: 'agent',
        afterPrevEnd: 2.5,
        text: 'I am sorry to hear that. Let me look at your account right now and see what happened with the repair.',
      },
      {
        who: 'caller',
        afterPrevEnd: 1.5,
        gainDb: 10,
        text: 'This is the third time I am calling about the same problem, and every single time I get a different story from a different person, and I am sick of it!',
      },
      {
        who: 'agent',
        afterPrevStart: 4.0,
        text: 'Yes, but our records show that the',
        cutSec: 2.2,
      },
      {
        who: 'agent',
        afterPrevEnd: 6.0,
        gainDb: 12,
        text: 'I understand that you are upset, and I will make sure that this gets fixed today, I promise you that.',
      },
    ],
    tailSec: 1.5,
  });
}

/** A fresh data folder under .tmp/e2e, optionally holding `sessions` written by the real repository. */
export function seededDataDir(prefix: string, sessions: Session[] = []): string {
  fs.mkdirSync(E2E_TMP, { recursive: true });
  const dir = fs.mkdtempSync(path.join(E2E_TMP, prefix));
  if (sessions.length > 0) openSessionRepository({ dataDir: dir }).saveMany(sessions);
  return dir;
}

/** Sessions of the last days with follow-ups due today and overdue (the follow-ups screen has rows). */
export function recentSessions(count: number, seed: number): Session[] {
  const from = new Date(Date.now() - 12 * 86_400_000).toISOString().slice(0, 10);
  return makeSessions(count, { seed, fromDay: from, days: 12 });
}

/** One agent's JSON export written as the app writes it, for the team view's import. */
export async function writeTeamExport(
  file: string,
  sessions: Session[],
  agent: string,
): Promise<void> {
  let text = '';
  for await (const chunk of jsonChunks(
    exportHeader(agent, '0.1.0', {}, new Date('2026-02-01T10:00:00Z')),
    sessions,
  ))
    text += chunk;
  fs.writeFileSync(file, text);
}

/** Files the host cannot read at start (a draft cut off mid-write, settings that are not JSON). */
export function corruptStorage(dataDir: string): void {
  fs.mkdirSync(path.join(dataDir, 'drafts'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'drafts', 'wrap-up-draft.json'), '{"callId": "a1b2', 'utf8');
  fs.writeFileSync(path.join(dataDir, 'settings.json'), 'not json at all', 'utf8');
}

declare global {
  interface Window {
    __socketGate?: { patterns: string[]; held: (() => void)[] };
  }
}

/**
 * Init script: frames from the host whose text contains one of `window.__socketGate.patterns` are held
 * (in order) until `releaseSocketFrames` delivers them. The app's own socket code is unchanged.
 */
export function installSocketGate(): void {
  const gate = { patterns: [] as string[], held: [] as (() => void)[] };
  window.__socketGate = gate;
  const Native = window.WebSocket;
  class GatedSocket extends Native {
    override set onmessage(listener: ((this: WebSocket, ev: MessageEvent) => unknown) | null) {
      super.onmessage = listener
        ? (event: MessageEvent) => {
            const text = typeof event.data === 'string' ? event.data : '';
            if (gate.patterns.some((p) => text.includes(p)))
              gate.held.push(() => listener.call(this, event));
            else listener.call(this, event);
          }
        : null;
    }
    override get onmessage() {
      return super.onmessage;
    }
  }
  window.WebSocket = GatedSocket;
}

export async function holdSocketFrames(page: Page, patterns: string[]): Promise<void> {
  await page.evaluate((p) => {
    window.__socketGate!.patterns = p;
  }, patterns);
}

export async function releaseSocketFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const gate = window.__socketGate!;
    gate.patterns = [];
    for (const deliver of gate.held.splice(0)) deliver();
  });
}
