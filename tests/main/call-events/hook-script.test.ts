import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCallEventRelay,
  type CallEventRelay,
} from '../../../main/call-events/call-event-relay';
import {
  startCallEventServer,
  type CallEventServer,
} from '../../../main/call-events/call-event-server';
import type { HostEvents } from '../../../preload/contract/ipc-contract';
import type { CallEvent } from '../../../preload/domain/call-event';

/**
 * hooks/calm-line-hook.sh as a softphone starts it: directly (no shell, as Twinkle does), with only the
 * variables Twinkle sets and no data folder on its line — the bundled command finds the default one.
 */
const REPO = path.resolve(__dirname, '../../..');
const HOOK = path.join(REPO, 'hooks', 'calm-line-hook.sh');
let tmp: string;
let callJs: string;
let server: CallEventServer;
let relay: CallEventRelay;
const pageSaw: CallEvent[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hook-script-'));
  callJs = path.join(tmp, 'call.js');
  await build({
    absWorkingDir: REPO,
    entryPoints: ['main/cli/call.ts'],
    outfile: callJs,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  relay = createCallEventRelay({ timeoutMs: 1000 });
  relay.attach({
    count: () => 1,
    emit: (name, payload) => {
      if (name !== 'call-event') return;
      const notice = payload as HostEvents['call-event'];
      pageSaw.push(notice.event);
      relay.answer(notice.eventId, { outcome: 'applied', did: `Did ${notice.event.kind}.` });
    },
  });
  server = await startCallEventServer({
    dataDir: path.join(tmp, 'Calm Line'),
    deliver: (event, source, dropped) => relay.deliver(event, source, dropped),
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

function runHook(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      HOOK,
      args,
      {
        // What a softphone started from the desktop has: no CALM_LINE_DATA_DIR, the default folder.
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: tmp,
          XDG_CONFIG_HOME: tmp,
          CALM_LINE_NODE: process.execPath,
          CALM_LINE_CALL_JS: callJs,
          ...env,
        },
        timeout: 10_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr: stderr.trim() }),
    );
  });
}

const twinkle = (trigger: string, extra: Record<string, string> = {}) => ({
  TWINKLE_TRIGGER: trigger,
  TWINKLE_LINE: '1',
  TWINKLE_USER_PROFILE: 'agent',
  SIP_CALL_ID: 'abc@[2001:db8::1]',
  SIP_FROM_USER: 'john_doe',
  SIP_TO_USER: 'agent',
  ...extra,
});

describe('the POSIX hook script', () => {
  it("turns Twinkle's triggers into start and end, with its Call-ID and caller, and prints nothing on stdout", async () => {
    pageSaw.length = 0;
    const answered = await runHook([], twinkle('in_call_answered'));
    expect(answered).toEqual({ code: 0, stdout: '', stderr: 'calm-line: Did start.' });
    const ringing = await runHook([], twinkle('in_call'));
    expect(ringing).toEqual({ code: 0, stdout: '', stderr: '' });
    const released = await runHook([], twinkle('remote_release', { SIP_FROM_USER: 'agent' }));
    expect(released.code).toBe(0);
    const outgoing = await runHook([], twinkle('out_call_answered', { SIP_TO_USER: '+4930123' }));
    expect(outgoing.code).toBe(0);
    const local = await runHook([], twinkle('local_release'));
    expect(local.code).toBe(0);
    expect(pageSaw).toEqual([
      { kind: 'start', id: 'abc@[2001:db8::1]', from: 'john_doe' },
      { kind: 'end', id: 'abc@[2001:db8::1]' },
      { kind: 'start', id: 'abc@[2001:db8::1]', from: '+4930123' },
      { kind: 'end', id: 'abc@[2001:db8::1]' },
    ]);
  });

  it('passes an event and its values on; an anonymous caller (empty variable) still starts the call', async () => {
    pageSaw.length = 0;
    expect(await runHook(['start', '--ref', 'CASE 9', '--from', ''], {})).toMatchObject({
      code: 0,
    });
    expect(pageSaw).toEqual([{ kind: 'start', ref: 'CASE 9' }]);
  });

  it("exits with the command's codes: 2 with nothing to do, 3 with Calm Line not running", async () => {
    const nothing = await runHook([], {});
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('no event given');
    const moved = await runHook(['mark'], { CALM_LINE_DATA_DIR: path.join(tmp, 'elsewhere') });
    expect(moved.code).toBe(3);
    expect(moved.stderr).toContain('not running');
  });
});
