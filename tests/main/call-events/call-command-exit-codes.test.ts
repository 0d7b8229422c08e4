import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createCallEventRelay,
  type CallEventRelay,
} from '../../../main/call-events/call-event-relay';
import {
  startCallEventServer,
  type CallEventServer,
} from '../../../main/call-events/call-event-server';
import { runCall } from '../../../main/cli/call';
import type {
  CallEventAnswer,
  ReceivedCallEvent,
} from '../../../preload/contract/call-event-contract';
import type { HostEvents } from '../../../preload/contract/ipc-contract';
import type { CallEvent } from '../../../preload/domain/call-event';

/**
 * The command as a hook script sees it: which folder it finds without being told, what it prints, its
 * exit code, and what Settings' list and the page's notice then show — through the real endpoint and
 * relay, with a page that answers as the coach would.
 */
let home: string;
let server: CallEventServer | undefined;
let relay: CallEventRelay;
const pageSaw: CallEvent[] = [];
const outcomes: ReceivedCallEvent[] = [];

/** A page that answers each event with `answer(event)`. */
function openPage(answer: (event: CallEvent) => CallEventAnswer): void {
  relay.attach({
    count: () => 1,
    emit: (name, payload) => {
      if (name === 'call-event-outcome') outcomes.push(payload as ReceivedCallEvent);
      if (name !== 'call-event') return;
      const notice = payload as HostEvents['call-event'];
      pageSaw.push(notice.event);
      setTimeout(() => relay.answer(notice.eventId, answer(notice.event)), 1);
    },
  });
}

async function startIn(dataDir: string): Promise<void> {
  relay = createCallEventRelay({ timeoutMs: 500 });
  server = await startCallEventServer({
    dataDir,
    deliver: (event, source, dropped) => relay.deliver(event, source, dropped),
    refused: (source, reason) => relay.refused(source, reason),
  });
}

beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'call-command-'));
  pageSaw.length = 0;
  outcomes.length = 0;
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(home, { recursive: true, force: true });
});

describe('the call command in a hook', () => {
  it('finds the default data folder itself (a path with a space, never typed); CALM_LINE_DATA_DIR moves it', async () => {
    const env = { XDG_CONFIG_HOME: home, HOME: home };
    await startIn(path.join(home, 'Calm Line'));
    openPage((e) => ({ outcome: 'applied', did: `Did ${e.kind}.` }));
    expect(await runCall(['mark'], env)).toEqual({ code: 0, line: 'Did mark.' });
    const moved = path.join(home, 'moved data');
    mkdirSync(moved);
    const elsewhere = await runCall(['mark'], { ...env, CALM_LINE_DATA_DIR: moved });
    expect(elsewhere.code).toBe(3);
    expect(elsewhere.line).toContain(moved);
    // An empty variable (a hook that sets it to nothing) is the default folder again.
    expect(await runCall(['mark'], { ...env, CALM_LINE_DATA_DIR: '' })).toMatchObject({ code: 0 });
    expect(pageSaw).toEqual([{ kind: 'mark' }, { kind: 'mark' }]);
  });

  it('a start whose call could not start exits 4; the list and the page hear of it', async () => {
    await startIn(home);
    openPage(() => ({ outcome: 'failed', did: 'The call could not start: no microphone.' }));
    expect(await runCall(['start', '--data-dir', home])).toEqual({
      code: 4,
      line: 'The call could not start: no microphone.',
    });
    expect(relay.recent()[0]).toMatchObject({ outcome: 'failed', event: { kind: 'start' } });
    expect(outcomes.map((o) => o.outcome)).toEqual(['failed']);
  });

  it('an odd caller and call id: the call still starts, the note is printed and listed', async () => {
    await startIn(home);
    openPage((e) => ({ outcome: 'applied', did: `Started call ${e.id}.` }));
    const result = await runCall([
      'start',
      '--id',
      'abc@[2001:db8::1]',
      '--from',
      'john_doe',
      '--ref',
      'CASE;1',
      '--data-dir',
      home,
    ]);
    expect(result.code).toBe(0);
    expect(result.line).toBe(
      'Started call abc@[2001:db8::1]. (--ref "CASE;1" has characters other than letters, digits, spaces and . _ : / # + -: dropped.)',
    );
    expect(pageSaw).toEqual([{ kind: 'start', id: 'abc@[2001:db8::1]', from: 'john_doe' }]);
    expect(relay.recent()[0].dropped).toEqual([expect.stringContaining('--ref "CASE;1"')]);
  });

  it('a request the endpoint refuses is listed with its reason and shown to the page', async () => {
    await startIn(home);
    openPage(() => ({ outcome: 'applied', did: 'x' }));
    const answer = await fetch(`http://127.0.0.1:${server!.port}/call-event`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server!.secret}` },
      body: '{"kind":"ring"}',
    });
    expect(answer.status).toBe(400);
    expect(relay.recent()[0]).toMatchObject({
      event: null,
      outcome: 'refused',
      did: expect.stringContaining('Unknown call event "ring"'),
    });
    expect(outcomes).toHaveLength(1);
    expect(pageSaw).toEqual([]);
  });
});
