/**
 * Seeded mutations of a valid JSON session export, by kind: truncated, huge values, wrong types, deep
 * nesting, `__proto__` / `constructor` keys, invalid dates, invalid UTF-8, structural damage. Each file
 * comes as bytes (what a picked File holds) with the steps that made it, so a failure names its recipe and
 * (seed, index) rebuilds it.
 */
import { seededRandom } from './session-factory';

export const JSON_MUTATION_KINDS = [
  'truncated',
  'huge',
  'wrong-type',
  'deep-nesting',
  'proto-key',
  'invalid-date',
  'invalid-utf8',
  'structure',
] as const;
export type JsonMutationKind = (typeof JSON_MUTATION_KINDS)[number];

export interface MutatedExport {
  readonly kind: JsonMutationKind;
  readonly steps: string[];
  readonly bytes: Uint8Array;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Rng = () => number;
type Path = (string | number)[];

const encoder = new TextEncoder();
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)];

function typeOf(v: Json): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Every path in the document (root excluded), with its value. */
function paths(doc: Json, at: Path = [], out: [Path, Json][] = []): [Path, Json][] {
  const children: [string | number, Json][] = Array.isArray(doc)
    ? doc.map((v, i) => [i, v])
    : doc !== null && typeof doc === 'object'
      ? Object.entries(doc)
      : [];
  for (const [key, value] of children) {
    out.push([[...at, key], value]);
    paths(value, [...at, key], out);
  }
  return out;
}

function setAt(doc: Json, path: Path, value: Json): void {
  let node = doc as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, Json>;
    if (node === null || typeof node !== 'object') return; // an earlier step replaced a parent
  }
  // defineProperty: a key named "__proto__" becomes an own, enumerable property (as JSON.parse makes it).
  Object.defineProperty(node, path[path.length - 1], {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function removeAt(doc: Json, path: Path): void {
  let node = doc as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (Array.isArray(node)) node.splice(last as number, 1);
  else delete node[last];
}

const describePath = (p: Path) => p.map(String).join('.') || '(root)';

/** Replacements of another JSON type (null is left out: for a nullable field it is no wrong type). */
const OTHER_VALUES: Json[] = [
  0,
  -1,
  1.5,
  1e300,
  '',
  'text',
  'null',
  true,
  false,
  [],
  {},
  [1, 'a'],
  { a: 1 },
];
/** Longest lists a session may hold (session-schema.ts). */
const ARRAY_LIMITS: Record<string, number> = {
  priorities: 200,
  nextSteps: 100,
  marks: 10_000,
  cues: 100_000,
  overtalk: 100_000,
};
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}(T.*)?$/;
const BAD_DATES: Json[] = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2025-02-29',
  '0000-00-00',
  '2026-1-5',
  '26-01-05',
  '2026/01/05',
  'yesterday',
  '',
  'NaN',
  '2026-01-05T25:00:00Z',
  '2026-01-05T10:61:00Z',
  '2026-01-05T10:00:60Z',
  '2026-01-05T10:00:00',
  '2026-01-05T10:00:00+25:00',
  '2026-01-05 10:00:00Z',
  '2026-01-05T10:00:00.000ZZ',
  '+275760-09-13T00:00:00.001Z',
  '-000001-01-01T00:00:00Z',
  1767607200000,
];
/** Byte sequences that are not UTF-8: a lone continuation, a lead byte cut short, an overlong NUL, a surrogate, > U+10FFFF, 0xFF. */
const BAD_UTF8: number[][] = [
  [0x80],
  [0xc3],
  [0xe2, 0x82],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xff],
  [0xfe, 0xff],
  [0xf0, 0x9f, 0x98],
];

function deep(depth: number, object: boolean): string {
  return object
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** One mutated export of `base` (the text of a valid export) for `seed`, of the given kind (or a random one). */
export function mutateExport(base: string, seed: number, kind?: JsonMutationKind): MutatedExport {
  const rng = seededRandom(seed);
  const k = kind ?? pick(rng, JSON_MUTATION_KINDS);
  const steps: string[] = [];
  const doc = JSON.parse(base) as Json;
  const all = paths(doc);
  const text = (d: Json) => JSON.stringify(d);

  switch (k) {
    case 'truncated': {
      // Anywhere, but often near the start or the end (a download or copy cut short).
      const trimmed = base.trimEnd();
      const r = rng();
      const at =
        r < 0.25
          ? int(rng, 64)
          : r < 0.5
            ? trimmed.length - 1 - int(rng, 64)
            : int(rng, trimmed.length - 1);
      steps.push(`cut at ${at} of ${trimmed.length}`);
      return { kind: k, steps, bytes: encoder.encode(trimmed.slice(0, Math.max(0, at))) };
    }
    case 'huge': {
      const strings = all.filter(([, v]) => typeof v === 'string');
      // Arrays inside a session (a file of 100,001 real sessions is a size question, not a shape one).
      const arrays = all.filter(
        ([p, v]) => Array.isArray(v) && p[0] === 'sessions' && p.length > 2,
      );
      if (rng() < 0.5 && strings.length > 0) {
        const [p] = pick(rng, strings);
        const size = 1_000_001;
        // Over the limit in characters (code points), the way the schema counts.
        setAt(doc, p, pick(rng, ['x', 'é', '😤']).repeat(size));
        steps.push(`${describePath(p)} = a ${size}-character string`);
      } else if (arrays.length > 0) {
        // One item more than the list may hold (the 100,000-item lists only now and then: they are slow to build).
        const small = arrays.filter(
          ([p]) => (ARRAY_LIMITS[String(p[p.length - 1])] ?? 100_000) < 100_000,
        );
        const [p, v] = pick(rng, small.length > 0 && rng() < 0.9 ? small : arrays);
        const item = (v as Json[])[0] ?? 0;
        const length = (ARRAY_LIMITS[String(p[p.length - 1])] ?? 100_000) + 1;
        setAt(
          doc,
          p,
          Array.from({ length }, () => item),
        );
        steps.push(`${describePath(p)} = ${length} items`);
      }
      if (rng() < 0.3) {
        // Numbers JSON can write but no session holds: 1e309 is Infinity once parsed.
        const nums = all.filter(([, v]) => typeof v === 'number');
        if (nums.length > 0) {
          const [p] = pick(rng, nums);
          const marker = `"@@huge-${seed}@@"`;
          setAt(doc, p, marker.slice(1, -1));
          steps.push(`${describePath(p)} = 1e309`);
          return {
            kind: k,
            steps,
            bytes: encoder.encode(
              text(doc).replace(
                marker,
                pick(rng, ['1e309', '-1e309', '123456789012345678901234567890']),
              ),
            ),
          };
        }
      }
      return { kind: k, steps, bytes: encoder.encode(text(doc)) };
    }
    case 'wrong-type': {
      for (let n = 1 + int(rng, 3); n > 0; n--) {
        // Not a null: a nullable field takes numbers, strings… as well.
        const [p, v] = pick(
          rng,
          paths(doc).filter(([, value]) => value !== null),
        );
        const others = OTHER_VALUES.filter((o) => typeOf(o) !== typeOf(v));
        const value = pick(rng, others);
        setAt(doc, p, value);
        steps.push(`${describePath(p)}: ${typeOf(v)} → ${JSON.stringify(value)}`);
      }
      return { kind: k, steps, bytes: encoder.encode(text(doc)) };
    }
    case 'deep-nesting': {
      const depth = pick(rng, [33, 64, 1000, 100_000, 400_000]);
      const object = rng() < 0.5;
      const [p] = pick(rng, all);
      const marker = `@@deep-${seed}@@`;
      setAt(doc, p, marker);
      steps.push(`${describePath(p)} = ${depth} nested ${object ? 'objects' : 'arrays'}`);
      const unclosed = rng() < 0.2;
      const nest = deep(depth, object);
      return {
        kind: k,
        steps,
        bytes: encoder.encode(
          text(doc).replace(`"${marker}"`, unclosed ? nest.slice(0, nest.length / 2) : nest),
        ),
      };
    }
    case 'proto-key': {
      const objects: Path[] = [
        [],
        ...all.filter(([, v]) => typeOf(v) === 'object').map(([p]) => p),
      ];
      const p = pick(rng, objects);
      const key = pick(rng, [
        '__proto__',
        'constructor',
        'prototype',
        '__defineGetter__',
        'hasOwnProperty',
      ]);
      const value: Json =
        key === 'constructor'
          ? { prototype: { polluted: true } }
          : key === 'hasOwnProperty'
            ? 'not a function'
            : { polluted: true };
      setAt(doc, [...p, key], value);
      steps.push(`${describePath(p)} gets "${key}"`);
      return { kind: k, steps, bytes: encoder.encode(text(doc)) };
    }
    case 'invalid-date': {
      const dates = all.filter(([, v]) => typeof v === 'string' && ISO_LIKE.test(v));
      for (let n = 1 + int(rng, 2); n > 0 && dates.length > 0; n--) {
        const [p] = pick(rng, dates);
        const value = pick(rng, BAD_DATES);
        setAt(doc, p, value);
        steps.push(`${describePath(p)} = ${JSON.stringify(value)}`);
      }
      return { kind: k, steps, bytes: encoder.encode(text(doc)) };
    }
    case 'invalid-utf8': {
      const bytes = encoder.encode(base);
      const out: number[] = [];
      const inserts = new Map<number, number[]>();
      for (let n = 1 + int(rng, 3); n > 0; n--) {
        // Mostly inside string values (where a lenient decoder would quietly turn them into U+FFFD).
        const quote = base.indexOf('"', int(rng, base.length));
        const at =
          quote < 0 ? int(rng, bytes.length) : encoder.encode(base.slice(0, quote + 1)).length;
        const seq = pick(rng, BAD_UTF8);
        inserts.set(at, seq);
        steps.push(`bytes ${seq.map((b) => b.toString(16)).join(' ')} at ${at}`);
      }
      for (let i = 0; i <= bytes.length; i++) {
        const seq = inserts.get(i);
        if (seq) out.push(...seq);
        if (i < bytes.length) out.push(bytes[i]);
      }
      return { kind: k, steps, bytes: new Uint8Array(out) };
    }
    case 'structure': {
      const op = int(rng, 7);
      if (op === 0) {
        const [p] = pick(rng, all);
        removeAt(doc, p);
        steps.push(`remove ${describePath(p)}`);
      } else if (op === 1) {
        const objects: Path[] = [
          [],
          ...all.filter(([, v]) => typeOf(v) === 'object').map(([p]) => p),
        ];
        const p = pick(rng, objects);
        setAt(
          doc,
          [...p, pick(rng, ['extra', 'Notes', 'id ', 'schemaversion'])],
          pick(rng, [...OTHER_VALUES, null]),
        );
        steps.push(`unknown key in ${describePath(p)}`);
      } else if (op === 2) {
        const root = doc as Record<string, Json>;
        root.version = pick(rng, [0, 2, 99, '1', 1.0001, null]);
        steps.push(`version = ${JSON.stringify(root.version)}`);
      } else if (op === 3) {
        const root = doc as Record<string, Json>;
        root.format = pick(rng, [
          'calm-line-session',
          'Calm-Line-Sessions',
          '',
          'calm-line-sessions ',
          null,
        ]);
        steps.push(`format = ${JSON.stringify(root.format)}`);
      } else if (op === 4) {
        const root = doc as { sessions: Json[] };
        const i = int(rng, root.sessions.length);
        root.sessions[i] = pick(rng, [null, [], 'session', 7, [root.sessions[i]]]);
        steps.push(`sessions[${i}] replaced`);
      } else if (op === 5) {
        // Duplicate keys: the last one wins in JSON.parse.
        steps.push('duplicate "format" key, the last one wrong');
        return {
          kind: k,
          steps,
          bytes: encoder.encode(
            base.replace(
              '{"format":"calm-line-sessions"',
              '{"format":"calm-line-sessions","format":"other"',
            ),
          ),
        };
      } else {
        const root = doc as { sessions: Json[] };
        if (root.sessions.length > 1) {
          const i = 1 + int(rng, root.sessions.length - 1);
          const dup = JSON.parse(JSON.stringify(root.sessions[i])) as Record<string, Json>;
          dup.schemaVersion = pick(rng, [1, 3, '2', 2.5]);
          root.sessions.push(dup);
          steps.push(
            `a copy of session ${i} with schemaVersion ${JSON.stringify(dup.schemaVersion)}`,
          );
        }
      }
      return { kind: k, steps, bytes: encoder.encode(text(doc)) };
    }
  }
}
