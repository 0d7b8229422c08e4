/**
 * The contract's names (preload/contract/ipc-channels.ts): every method named once, in the group of the
 * domain that answers it; only the contract's own names are taken for methods and events (nothing an
 * object inherits); each travels on its own namespaced channel; a method's payload limit is its own.
 */
import { describe, expect, it } from 'vitest';
import {
  HOST_EVENT_NAMES,
  IPC_METHOD_GROUPS,
  IPC_METHOD_NAMES,
  MAX_PAYLOAD_BYTES,
  ipcChannel,
  ipcMethods,
  isHostEventName,
  isIpcMethodName,
  maxPayloadBytesOf,
} from '../../../preload/contract/ipc-contract';

const sorted = (names: Iterable<string>) => [...names].sort();

describe("the contract's method groups", () => {
  it('name every method of the contract exactly once', () => {
    const grouped = Object.values(IPC_METHOD_GROUPS).flat();
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(sorted(grouped)).toEqual(sorted(Object.keys(ipcMethods)));
    expect(IPC_METHOD_NAMES).toEqual(grouped);
  });
});

describe('names and channels', () => {
  it('take the contract’s own names only, not what every object inherits', () => {
    expect(isIpcMethodName('saveSession')).toBe(true);
    expect(isHostEventName('call-event')).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'savesession']) {
      expect(isIpcMethodName(name)).toBe(false);
      expect(isHostEventName(name)).toBe(false);
    }
  });

  it('give every method and event its own channel under calm-line:', () => {
    const channels = [...IPC_METHOD_NAMES, ...HOST_EVENT_NAMES].map(ipcChannel);
    expect(new Set(channels).size).toBe(channels.length);
    expect(ipcChannel('saveSession')).toBe('calm-line:saveSession');
    expect(channels.every((channel) => channel.startsWith('calm-line:'))).toBe(true);
  });

  it('let a session or a timeline be larger than a settings change', () => {
    expect(maxPayloadBytesOf('updateSettings')).toBe(MAX_PAYLOAD_BYTES);
    expect(maxPayloadBytesOf('saveSession')).toBe(8 * 1024 * 1024);
    expect(maxPayloadBytesOf('saveCallTimeline')).toBe(16 * 1024 * 1024);
  });
});
