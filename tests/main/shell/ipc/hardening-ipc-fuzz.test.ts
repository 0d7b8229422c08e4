/**
 * Every IPC channel in the contract — including any added later, since the cases are built from
 * IPC_METHOD_NAMES and each method's own request schema — gets malformed, oversized, wrong-type and
 * not-plain-data payloads through the real `dispatch` and the real Electron invoke guard. Each must come
 * back as a rejection result (never a throw, never a rejected promise) and never reach its handler.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  IPC_METHOD_NAMES,
  ipcMethods,
  maxPayloadBytesOf,
  type IpcMethodName,
} from '../../../../preload/contract/ipc-contract';
import { isIpcResult, succeed, type IpcResult } from '../../../../preload/contract/ipc-result';
import { answerInvoke, type InvokeEventLike } from '../../../../main/shell/ipc/ipc-invoke-guard';
import { dispatch } from '../../../../main/ipc/dispatch';
import type { IpcHandlers } from '../../../../preload/contract/ipc-handlers';

type Kind = 'undefined' | 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';
type JsonSchema = Record<string, unknown>;

/** Handlers that only record that they were reached (a rejected payload must never get this far). */
function recordingHandlers(): { handlers: IpcHandlers; reached: string[] } {
  const reached: string[] = [];
  const handlers = Object.fromEntries(
    IPC_METHOD_NAMES.map((method) => [method, () => (reached.push(method), succeed(null))]),
  ) as unknown as IpcHandlers;
  return { handlers, reached };
}

const SAMPLES: readonly { kind: Kind; value: unknown }[] = [
  { kind: 'undefined', value: undefined },
  { kind: 'null', value: null },
  { kind: 'boolean', value: true },
  { kind: 'boolean', value: false },
  { kind: 'number', value: 0 },
  { kind: 'number', value: -1.5 },
  { kind: 'number', value: 1e308 },
  { kind: 'string', value: '' },
  { kind: 'string', value: 'compact' },
  { kind: 'string', value: '{"ui":{"compact":true}}' },
  { kind: 'array', value: [] },
  { kind: 'array', value: [{ call: 'idle' }] },
  { kind: 'object', value: {} },
  { kind: 'object', value: { x: 1 } },
];

function kindsOf(node: JsonSchema, root: JsonSchema, depth = 0): Set<Kind> | 'any' {
  if (depth > 20) return 'any';
  if (typeof node.$ref === 'string') {
    const name = node.$ref.split('/').pop() ?? '';
    const defs = (root.$defs ?? root.definitions ?? {}) as Record<string, JsonSchema>;
    return defs[name] ? kindsOf(defs[name], root, depth + 1) : 'any';
  }
  const kinds = new Set<Kind>();
  const add = (type: unknown) => {
    if (type === 'integer') kinds.add('number');
    else if (typeof type === 'string') kinds.add(type as Kind);
  };
  if (typeof node.type === 'string') add(node.type);
  else if (Array.isArray(node.type)) node.type.forEach(add);
  else if ('const' in node)
    add(node.const === null ? 'null' : Array.isArray(node.const) ? 'array' : typeof node.const);
  else if (Array.isArray(node.enum)) for (const v of node.enum) add(v === null ? 'null' : typeof v);
  else if (Array.isArray(node.anyOf) || Array.isArray(node.oneOf)) {
    for (const option of (node.anyOf ?? node.oneOf) as JsonSchema[]) {
      const inner = kindsOf(option, root, depth + 1);
      if (inner === 'any') return 'any';
      inner.forEach((k) => kinds.add(k));
    }
  } else if (Array.isArray(node.allOf) && node.allOf.length > 0)
    return kindsOf(node.allOf[0] as JsonSchema, root, depth + 1);
  return kinds.size > 0 ? kinds : 'any';
}

/** Kinds a method's request accepts at the top level, read from its schema's definition. */
function requestKinds(method: IpcMethodName): { kinds: Set<Kind> | 'any'; json: JsonSchema } {
  const schema = ipcMethods[method].request as z.ZodType;
  const type = schema.def.type;
  if (type === 'undefined') return { kinds: new Set(['undefined']), json: {} };
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const kinds = kindsOf(json, json);
  if (kinds !== 'any' && (type === 'optional' || type === 'default')) kinds.add('undefined');
  return { kinds, json };
}

function wrongValueFor(kinds: Set<Kind>): unknown {
  return SAMPLES.find((s) => s.kind !== 'undefined' && !kinds.has(s.kind))!.value;
}

/** Payloads with one present, wrongly typed field (at any depth up to 3): invalid whatever else is missing. */
function wrongFieldPayloads(
  node: JsonSchema,
  root: JsonSchema,
  depth = 0,
): { path: string; payload: unknown }[] {
  const resolved =
    typeof node.$ref === 'string'
      ? (((root.$defs ?? root.definitions ?? {}) as Record<string, JsonSchema>)[
          node.$ref.split('/').pop() ?? ''
        ] ?? {})
      : node;
  const properties = resolved.properties as Record<string, JsonSchema> | undefined;
  if (!properties || depth > 3) return [];
  const cases: { path: string; payload: unknown }[] = [];
  for (const [key, child] of Object.entries(properties)) {
    const kinds = kindsOf(child, root);
    if (kinds !== 'any') cases.push({ path: key, payload: { [key]: wrongValueFor(kinds) } });
    for (const inner of wrongFieldPayloads(child, root, depth + 1)) {
      cases.push({ path: `${key}.${inner.path}`, payload: { [key]: inner.payload } });
    }
  }
  return cases;
}

function malformedCases(method: IpcMethodName): { label: string; payload: unknown }[] {
  const { kinds, json } = requestKinds(method);
  const cases: { label: string; payload: unknown }[] = [];
  if (kinds !== 'any') {
    for (const sample of SAMPLES) {
      if (!kinds.has(sample.kind))
        cases.push({
          label: `wrong type ${sample.kind} ${JSON.stringify(sample.value)}`,
          payload: sample.value,
        });
    }
  }
  if (json.type === 'object') {
    for (const { path, payload } of wrongFieldPayloads(json, json))
      cases.push({ label: `wrong type at ${path}`, payload });
    if (json.additionalProperties === false)
      cases.push({ label: 'unknown key', payload: { notInTheContract: 1 } });
  }
  return cases;
}

function notPlainDataCases(): { label: string; payload: unknown }[] {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  let deep: Record<string, unknown> = {};
  for (let i = 0; i < 100_000; i++) deep = { a: deep };
  return [
    { label: 'a cycle', payload: cyclic },
    { label: 'a BigInt', payload: { n: 10n } },
    { label: 'an own __proto__ key', payload: JSON.parse('{"__proto__": {"polluted": true}}') },
    {
      label: 'a nested __proto__ key',
      payload: JSON.parse('{"ui": {"__proto__": {"compact": true}}}'),
    },
    {
      label: 'a throwing getter',
      payload: Object.defineProperty({}, 'ui', {
        enumerable: true,
        get: () => {
          throw new Error('boom');
        },
      }),
    },
    {
      label: 'a throwing toJSON',
      payload: {
        toJSON: () => {
          throw new Error('boom');
        },
      },
    },
    {
      label: 'a proxy that throws',
      payload: new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('boom');
          },
        },
      ),
    },
    { label: '100 000 levels of nesting', payload: deep },
  ];
}

async function expectRejected(
  result: Promise<IpcResult<unknown>>,
  codes: readonly string[],
): Promise<void> {
  const settled = await result; // a rejected promise fails the test here
  expect(isIpcResult(settled)).toBe(true);
  expect(settled.ok).toBe(false);
  expect(codes).toContain(!settled.ok && settled.code);
}

describe.each(IPC_METHOD_NAMES)('IPC channel %s', (method) => {
  it('rejects payloads of the wrong type, wrongly typed fields and unknown keys', async () => {
    const { handlers, reached } = recordingHandlers();
    const cases = malformedCases(method);
    for (const { label, payload } of cases) {
      const result = await dispatch(handlers, method, payload);
      expect(result, `${method}: ${label}`).toMatchObject({ ok: false, code: 'invalid-payload' });
    }
    expect(reached).toEqual([]);
  });

  it('rejects a payload one byte over its limit, and a far larger one', async () => {
    const { handlers, reached } = recordingHandlers();
    const limit = maxPayloadBytesOf(method);
    // JSON of {"p":"xxx…"} is 8 bytes plus the string.
    for (const extra of [1, limit]) {
      await expectRejected(dispatch(handlers, method, { p: 'x'.repeat(limit - 8 + extra) }), [
        'payload-too-large',
      ]);
    }
    await expectRejected(dispatch(handlers, method, 'y'.repeat(limit + 1)), ['payload-too-large']);
    expect(reached).toEqual([]);
  });

  it('rejects data that is not plain JSON without throwing', async () => {
    const { handlers, reached } = recordingHandlers();
    for (const { label, payload } of notPlainDataCases()) {
      const result = await dispatch(handlers, method, payload);
      expect(result.ok, `${method}: ${label}`).toBe(false);
      expect(['invalid-payload', 'payload-too-large'], `${method}: ${label}`).toContain(
        !result.ok && result.code,
      );
    }
    expect(reached).toEqual([]);
  });

  it('answers only the app top frame in Electron, before looking at the payload', async () => {
    const { handlers, reached } = recordingHandlers();
    const mainFrame = { url: 'app://calm-line/index.html' };
    const untrusted: InvokeEventLike[] = [
      { senderFrame: { url: 'app://calm-line/index.html' }, sender: { mainFrame } }, // a subframe of the app
      {
        senderFrame: { url: 'https://example.com/' },
        sender: { mainFrame: { url: 'https://example.com/' } },
      },
      { senderFrame: null, sender: { mainFrame } }, // frame gone
      Object.defineProperty({ sender: { mainFrame } }, 'senderFrame', {
        get: () => {
          throw new Error('destroyed');
        },
      }) as InvokeEventLike,
    ];
    for (const event of untrusted) {
      await expectRejected(answerInvoke(handlers, method, event, undefined), ['forbidden']);
    }
    expect(reached).toEqual([]);
    // The app's own top frame gets through the guard to dispatch (which still checks the payload).
    const trusted: InvokeEventLike = { senderFrame: mainFrame, sender: { mainFrame } };
    await expectRejected(
      answerInvoke(handlers, method, trusted, { p: 'x'.repeat(maxPayloadBytesOf(method)) }),
      ['payload-too-large'],
    );
  });
});

describe('the fuzz harness itself', () => {
  it('builds wrong-type and wrong-field cases for methods with payloads, and lets valid calls through', async () => {
    expect(malformedCases('reportCallStatus').map((c) => c.label)).toEqual(
      expect.arrayContaining([
        'wrong type at call',
        'wrong type at followUpsDue',
        'unknown key',
        'wrong type null null',
      ]),
    );
    expect(malformedCases('getAppInfo')).toHaveLength(SAMPLES.length - 1);
    const { handlers, reached } = recordingHandlers();
    const mainFrame = { url: 'app://calm-line/index.html' };
    expect(
      await answerInvoke(
        handlers,
        'reportCallStatus',
        { senderFrame: mainFrame, sender: { mainFrame } },
        { call: 'in-call', followUpsDue: 2 },
      ),
    ).toEqual({ ok: true, value: null });
    expect(await dispatch(handlers, 'getAppInfo', undefined)).toEqual({ ok: true, value: null });
    expect(reached).toEqual(['reportCallStatus', 'getAppInfo']);
  });
});
