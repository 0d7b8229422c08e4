/**
 * The preload as Electron loads it: the bundled CommonJS file (built here with the same esbuild options
 * as `npm run build:main`), run in a fresh context with a recording `electron` module. The page must get
 * exactly one global, `calmLine`, holding one function per contract method plus `on` — no raw
 * ipcRenderer, no Node — and every call must go to its own channel.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  HOST_EVENT_NAMES,
  IPC_METHOD_NAMES,
  ipcChannel,
  ipcMethods,
} from '../../preload/contract/ipc-contract';
import { REPO_ROOT } from '../e2e/support/paths';

interface Exposed {
  [key: string]: unknown;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

let bundle = '';
beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, 'preload/preload.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]!.text;
});

function loadPreload() {
  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; payload: unknown }[] = [];
  const renderer = new EventEmitter();
  let answer: (channel: string, payload: unknown) => unknown = () => ({ ok: true, value: 'pong' });
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, payload: unknown) => {
        invoked.push({ channel, payload });
        return answer(channel, payload);
      },
      on: (channel: string, listener: (...args: unknown[]) => void) =>
        renderer.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
        renderer.removeListener(channel, listener),
    },
  };
  const requireInPreload = (name: string): unknown => {
    if (name === 'electron') return electron;
    throw new Error(`preload required ${name}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(
    bundle,
    { require: requireInPreload, module, exports: module.exports, console },
    { filename: 'preload.cjs' },
  );
  return { exposed, invoked, renderer, setAnswer: (fn: typeof answer) => (answer = fn) };
}

describe('preload bridge', () => {
  it('requires nothing but electron and exposes only window.calmLine', () => {
    const { exposed } = loadPreload();
    expect([...exposed.keys()]).toEqual(['calmLine']);
  });

  it('carries only what it runs: names and channels, no schemas or validator (was 760 KB with zod)', () => {
    expect(bundle.length).toBeLessThan(8 * 1024);
    expect(bundle).not.toMatch(/ZodError|safeParse/);
    // The names the preload knows are the contract's methods, no more and no fewer.
    expect([...IPC_METHOD_NAMES].sort()).toEqual(Object.keys(ipcMethods).sort());
  });

  it('exposes exactly one function per contract method, plus on', () => {
    const api = loadPreload().exposed.get('calmLine') as Exposed;
    expect(Object.keys(api).sort()).toEqual([...IPC_METHOD_NAMES, 'on'].sort());
    for (const key of Object.keys(api)) expect(typeof api[key], key).toBe('function');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|send|invoke|require|process/);
  });

  it('sends each method on its own channel and hands back only results', async () => {
    const { exposed, invoked, setAnswer } = loadPreload();
    const api = exposed.get('calmLine') as Exposed;
    for (const method of IPC_METHOD_NAMES) {
      await expect(
        (api[method] as (p?: unknown) => Promise<unknown>)({ probe: method }),
      ).resolves.toEqual({ ok: true, value: 'pong' });
    }
    expect(invoked.map((i) => i.channel)).toEqual(IPC_METHOD_NAMES.map((m) => ipcChannel(m)));
    setAnswer(() => ({ stack: 'not a result' }));
    await expect((api.getAppInfo as () => Promise<unknown>)()).resolves.toMatchObject({
      ok: false,
      code: 'internal',
    });
    setAnswer(() => {
      throw new Error('No handler registered');
    });
    await expect((api.getAppInfo as () => Promise<unknown>)()).resolves.toMatchObject({
      ok: false,
      code: 'host-unavailable',
    });
  });

  it('subscribes only to contract events and never hands the IPC event to the page', () => {
    const { exposed, renderer } = loadPreload();
    const api = exposed.get('calmLine') as Exposed;
    expect(() => api.on('calm-line:getAppInfo', () => undefined)).toThrow(
      /Unknown Calm Line event/,
    );
    expect(() => api.on('ipc-message', () => undefined)).toThrow();
    for (const event of HOST_EVENT_NAMES) {
      const received: unknown[][] = [];
      const unsubscribe = api.on(event, (...args: unknown[]) => received.push(args));
      renderer.emit(
        ipcChannel(event),
        { sender: 'raw IPC event', senderFrame: {} },
        { payload: event },
      );
      expect(received).toEqual([[{ payload: event }]]);
      unsubscribe();
      renderer.emit(ipcChannel(event), {}, { payload: 'after' });
      expect(received).toHaveLength(1);
    }
  });
});
