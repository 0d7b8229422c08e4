import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallEvent } from '../../../preload/domain/call-event';
import {
  createCallEventRelay,
  type CallEventDelivery,
} from '../../../main/call-events/call-event-relay';
import {
  createCallEventRequestHandler,
  startCallEventServer,
  type CallEventServer,
} from '../../../main/call-events/call-event-server';
import {
  discoveryFilePath,
  readDiscoveryFile,
  writeDiscoveryFile,
} from '../../../main/call-events/discovery-file';
import { runCall } from '../../../main/cli/call';
import type { HostEvents } from '../../../preload/contract/ipc-contract';

let dataDir: string;
let server: CallEventServer | undefined;
const delivered: CallEvent[] = [];

const takeAll = async (event: CallEvent): Promise<CallEventDelivery> => {
  delivered.push(event);
  return { taken: true, answer: { outcome: 'applied', did: `Did ${event.kind}.` } };
};

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'call-events-'));
  delivered.length = 0;
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: { taken?: boolean; message?: string };
}

function request(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path ?? '/call-event',
        headers: options.headers,
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          let body = {};
          try {
            body = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = (s: CallEventServer) => ({ Authorization: `Bearer ${s.secret}` });

describe('discovery file', () => {
  it('is written with mode 0600 and removed when the server closes', async () => {
    server = await startCallEventServer({ dataDir, deliver: takeAll });
    const file = discoveryFilePath(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readDiscoveryFile(dataDir)).toEqual({
      state: 'found',
      discovery: { port: server.port, secret: server.secret, pid: process.pid },
    });
    await server.close();
    server = undefined;
    expect(readDiscoveryFile(dataDir)).toEqual({ state: 'missing' });
  });

  it('a file whose process is gone is stale; a damaged one is unreadable', () => {
    writeDiscoveryFile(dataDir, { port: 1234, secret: 'a'.repeat(64), pid: 999_999 });
    expect(readDiscoveryFile(dataDir, () => false)).toMatchObject({ state: 'stale' });
    writeFileSync(discoveryFilePath(dataDir), '{"port":');
    expect(readDiscoveryFile(dataDir)).toMatchObject({ state: 'unreadable' });
    writeFileSync(discoveryFilePath(dataDir), '{"port":80,"secret":"short","pid":1}');
    expect(readDiscoveryFile(dataDir)).toMatchObject({ state: 'unreadable' });
  });

  it('the command: no file, a stale file and a refusing port all say "not running" (exit 3)', async () => {
    expect(await runCall(['start', '--data-dir', dataDir])).toMatchObject({ code: 3 });
    writeDiscoveryFile(dataDir, { port: 1234, secret: 'a'.repeat(64), pid: 999_999_9 });
    const stale = await runCall(['start', '--data-dir', dataDir]);
    expect(stale).toMatchObject({ code: 3 });
    expect(stale.line).toContain('no longer running');
    // A live pid (this one) whose port refuses.
    const closed = net.createServer();
    const port = await new Promise<number>((r) =>
      closed.listen(0, '127.0.0.1', () => r((closed.address() as net.AddressInfo).port)),
    );
    await new Promise((r) => closed.close(r));
    writeDiscoveryFile(dataDir, { port, secret: 'a'.repeat(64), pid: process.pid });
    const refusing = await runCall(['start', '--data-dir', dataDir]);
    expect(refusing).toMatchObject({ code: 3 });
    expect(refusing.line).toContain('refuses');
    expect(await runCall(['ring', '--data-dir', dataDir])).toMatchObject({ code: 2 });
  });
});

describe('the loopback endpoint', () => {
  it('takes an event with the secret and answers what the page did (the command exits 0)', async () => {
    server = await startCallEventServer({ dataDir, deliver: takeAll });
    const ok = await request(server.port, {
      headers: { ...auth(server), 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'start', ref: 'CASE-1' }),
    });
    expect(ok).toEqual({
      status: 200,
      body: { taken: true, outcome: 'applied', did: 'Did start.', message: 'Did start.' },
    });
    expect(await runCall(['hold', '--data-dir', dataDir])).toEqual({ code: 0, line: 'Did hold.' });
    expect(delivered).toEqual([{ kind: 'start', ref: 'CASE-1' }, { kind: 'hold' }]);
  });

  it.each([
    ['no secret', {}, undefined, 401],
    ['a wrong secret', { Authorization: `Bearer ${'0'.repeat(64)}` }, undefined, 401],
    ['a secret in another form', { Authorization: 'Basic abc' }, undefined, 401],
    ['another Origin', { Origin: 'https://evil.example' }, 'auth', 403],
    ['even its own origin', { Origin: 'http://127.0.0.1' }, 'auth', 403],
    ['a page cookie instead of the secret', { Cookie: 'calm-line-session=x' }, undefined, 401],
  ])('refuses %s', async (_what, headers, withAuth, status) => {
    server = await startCallEventServer({ dataDir, deliver: takeAll });
    const answer = await request(server.port, {
      headers: { ...(withAuth ? auth(server) : {}), ...(headers as Record<string, string>) },
      body: JSON.stringify({ kind: 'start' }),
    });
    expect(answer.status).toBe(status);
    expect(answer.body.taken).toBe(false);
    expect(delivered).toEqual([]);
  });

  it('refuses another Host (DNS rebinding), method or path', async () => {
    server = await startCallEventServer({ dataDir, deliver: takeAll });
    const body = JSON.stringify({ kind: 'mark' });
    expect(
      (await request(server.port, { headers: { ...auth(server), Host: 'evil.example' }, body }))
        .status,
    ).toBe(403);
    expect((await request(server.port, { method: 'GET', headers: auth(server) })).status).toBe(405);
    expect((await request(server.port, { path: '/', headers: auth(server), body })).status).toBe(
      404,
    );
    expect(delivered).toEqual([]);
  });

  it('refuses a non-loopback peer before anything else', async () => {
    const handle = createCallEventRequestHandler({
      port: () => 1,
      secret: 'a'.repeat(64),
      deliver: takeAll,
    });
    let status = 0;
    const response = {
      writeHead: (s: number) => {
        status = s;
      },
      end: () => undefined,
    } as unknown as http.ServerResponse;
    const req = {
      socket: { remoteAddress: '192.168.1.20' },
      headers: { host: '127.0.0.1:1', authorization: `Bearer ${'a'.repeat(64)}` },
      method: 'POST',
      url: '/call-event',
    } as unknown as http.IncomingMessage;
    await handle(req, response);
    expect(status).toBe(403);
    expect(delivered).toEqual([]);
  });

  it('refuses oversized and malformed bodies with one line, and survives 300 fuzzed ones', async () => {
    server = await startCallEventServer({ dataDir, deliver: takeAll });
    const big = await request(server.port, {
      headers: auth(server),
      body: JSON.stringify({ kind: 'start', ref: 'x'.repeat(5000) }),
    });
    expect(big.status).toBe(413);
    for (const body of [
      '',
      'start',
      '{"kind":"start"',
      '[]',
      '{"kind":"reboot"}',
      '{"kind":"start","token":"x"}',
    ]) {
      const answer = await request(server.port, { headers: auth(server), body });
      expect(answer.status, body).toBe(400);
      expect(answer.body.message).not.toMatch(/\n/);
    }
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
    const alphabet = '{}[]":,kindstartrefid0123456789 \\u00\n\t\u202e🙂<>&;$`';
    for (let i = 0; i < 300; i++) {
      let body = '';
      const n = Math.floor(rand() * 60);
      for (let j = 0; j < n; j++) body += alphabet[Math.floor(rand() * alphabet.length)];
      const answer = await request(server.port, { headers: auth(server), body });
      expect([200, 400]).toContain(answer.status);
    }
    expect(
      delivered.every((e) => ['start', 'end', 'hold', 'resume', 'mark'].includes(e.kind)),
    ).toBe(true);
  });

  it('with no page open: 409 and the command exits 3; a page that answers late is reported too', async () => {
    const relay = createCallEventRelay({ timeoutMs: 100 });
    server = await startCallEventServer({ dataDir, deliver: (e, s) => relay.deliver(e, s) });
    const none = await runCall(['start', '--data-dir', dataDir]);
    expect(none.code).toBe(3);
    expect(none.line).toContain('no window is open');
    relay.attach({ emit: () => undefined, count: () => 1 });
    const silent = await runCall(['start', '--data-dir', dataDir]);
    expect(silent.code).toBe(3);
    expect(silent.line).toContain('did not answer');
    relay.attach({
      emit: (event, notice) => {
        if (event !== 'call-event') return;
        const { eventId } = notice as HostEvents['call-event'];
        setTimeout(() => relay.answer(eventId, { outcome: 'ignored', did: 'Already.' }), 5);
      },
      count: () => 1,
    });
    expect(await runCall(['start', '--data-dir', dataDir])).toEqual({ code: 0, line: 'Already.' });
    expect(relay.recent().map((r) => r.outcome)).toEqual([
      'ignored',
      'not-delivered',
      'not-delivered',
    ]);
  });
});
