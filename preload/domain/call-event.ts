/**
 * A call event from the phone software: what the CLI (`call start --ref X`), the desktop app's
 * `calm-line://call/start?ref=X` URL and argv (`calm-line --call start --ref X`), both hosts' loopback
 * endpoint and the page all accept. One parser for every door, so a value refused by one is refused by
 * all, with the same one-line reason. Pure: no Node or DOM API.
 *
 * Limits (a softphone substitutes its own variables into these; nothing else belongs there):
 *   id    the phone system's call id: 1–128 of A–Z a–z 0–9 . _ : @ + - / = # ~ (SIP Call-IDs have @ and :)
 *   ref   case / ticket reference: 1–64 letters (any script), digits, space . _ : / # + -
 *   from  caller number: 1–40 of digits, letters, + * # ( ) space . - @ : (a SIP URI, "anonymous")
 */

export const CALL_EVENT_KINDS = ['start', 'end', 'hold', 'resume', 'mark'] as const;
export type CallEventKind = (typeof CALL_EVENT_KINDS)[number];

export interface CallEvent {
  readonly kind: CallEventKind;
  readonly id?: string;
  readonly ref?: string;
  readonly from?: string;
}

export type CallEventParse =
  | { readonly ok: true; readonly event: CallEvent }
  | { readonly ok: false; readonly message: string };

export const CALL_EVENT_FIELDS = ['id', 'ref', 'from'] as const;
export type CallEventField = (typeof CALL_EVENT_FIELDS)[number];

const FIELD_RULES: Readonly<
  Record<CallEventField, { pattern: RegExp; max: number; what: string }>
> = {
  id: {
    pattern: /^[A-Za-z0-9._:@+\-/=#~]+$/,
    max: 128,
    what: 'letters A–Z, digits and . _ : @ + - / = # ~',
  },
  ref: {
    pattern: /^[\p{L}\p{N} ._:/#+-]+$/u,
    max: 64,
    what: 'letters, digits, spaces and . _ : / # + -',
  },
  from: {
    pattern: /^[A-Za-z0-9+*#(). @:-]+$/,
    max: 40,
    what: 'digits, letters and + * # ( ) . - @ : spaces',
  },
};

/** Longest JSON body the endpoint reads (an event with every field at its limit is well under 1 KiB). */
export const MAX_CALL_EVENT_BYTES = 2048;

export function isCallEventKind(value: unknown): value is CallEventKind {
  return typeof value === 'string' && (CALL_EVENT_KINDS as readonly string[]).includes(value);
}

/** Printable for a one-line message: control characters escaped, cut to 40 characters. */
export function quoteForMessage(value: string): string {
  const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(cut);
}

/** Checks one field's value; returns the reason it is refused, or null. */
export function checkCallEventField(field: CallEventField, value: string): string | null {
  const rule = FIELD_RULES[field];
  const trimmed = value.trim();
  if (trimmed === '') return `--${field} is empty.`;
  if ([...trimmed].length > rule.max) return `--${field} is longer than ${rule.max} characters.`;
  if (!rule.pattern.test(trimmed))
    return `--${field} ${quoteForMessage(value)} has characters other than ${rule.what}.`;
  return null;
}

/**
 * Builds an event from a kind and fields (strings; anything else is refused). Values are trimmed; an
 * absent field stays absent.
 */
export function makeCallEvent(
  kind: unknown,
  fields: Readonly<Partial<Record<string, unknown>>>,
): CallEventParse {
  if (!isCallEventKind(kind)) {
    const shown = typeof kind === 'string' ? quoteForMessage(kind) : 'nothing';
    return {
      ok: false,
      message: `Unknown call event ${shown}: use one of ${CALL_EVENT_KINDS.join(', ')}.`,
    };
  }
  const event: { kind: CallEventKind } & Partial<Record<CallEventField, string>> = { kind };
  for (const field of CALL_EVENT_FIELDS) {
    const value = fields[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return { ok: false, message: `--${field} must be text.` };
    const problem = checkCallEventField(field, value);
    if (problem) return { ok: false, message: problem };
    event[field] = value.trim();
  }
  return { ok: true, event };
}

/** A JSON body `{ "kind": "start", "id"?: …, "ref"?: …, "from"?: … }` — no other keys. */
export function parseCallEventJson(body: unknown): CallEventParse {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, message: 'The call event is not a JSON object.' };
  const record = body as Record<string, unknown>;
  const extra = Object.keys(record).filter(
    (k) => k !== 'kind' && !(CALL_EVENT_FIELDS as readonly string[]).includes(k),
  );
  if (extra.length > 0)
    return { ok: false, message: `Unknown field ${quoteForMessage(extra[0])} in the call event.` };
  return makeCallEvent(record.kind, record);
}
