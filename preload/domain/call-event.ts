/**
 * A call event from the phone software: what the CLI (`call start --ref X`), the desktop app's
 * `calm-line://call/start?ref=X` URL and argv (`calm-line --call start --ref X`), both hosts' loopback
 * endpoint and the page all accept. One parser for every way in, so a value dropped by one is dropped by
 * all, with the same one-line note. Pure: no Node or DOM API.
 *
 * Lenient on what softphones send: the kind decides whether there is an event at all; an optional field
 * that fails its check is DROPPED with a note (`dropped`), never the event — a call whose number is odd
 * still starts. Limits (a softphone substitutes its own variables into these):
 *   id    the phone system's call id: 1–128 characters of an RFC 3261 Call-ID (`word ["@" word]`: letters,
 *         digits and - . ! % * _ + ` ' ~ ( ) < > : \ " / [ ] ? { } @), plus = and # for CRM ids
 *   ref   case / ticket reference: 1–64 letters (any script), digits, space . _ : / # + -
 *   from  caller number, or the SIP user part when it is not one (`john_doe`): 1–40 printable characters
 *         (no control or format characters); what a session keeps of it is caller-number.ts's rule
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
  | {
      readonly ok: true;
      readonly event: CallEvent;
      /** One line per optional field that was dropped, saying why; absent when none was. */
      readonly dropped?: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

export const CALL_EVENT_FIELDS = ['id', 'ref', 'from'] as const;
export type CallEventField = (typeof CALL_EVENT_FIELDS)[number];

const FIELD_RULES: Readonly<
  Record<CallEventField, { pattern: RegExp; max: number; what: string }>
> = {
  id: {
    pattern: /^[A-Za-z0-9\-.!%*_+`'~()<>:\\"/[\]?{}@=#]+$/,
    max: 128,
    what: 'those of a SIP Call-ID (RFC 3261)',
  },
  ref: {
    pattern: /^[\p{L}\p{N} ._:/#+-]+$/u,
    max: 64,
    what: 'letters, digits, spaces and . _ : / # + -',
  },
  from: {
    pattern: /^\P{C}+$/u,
    max: 40,
    what: 'printable ones (no control or format characters)',
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
 * Builds an event from a kind and fields. Values are trimmed; an absent or empty field stays absent; a
 * field that is not text or fails its check is dropped, with a note saying which and why.
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
  const dropped: string[] = [];
  for (const field of CALL_EVENT_FIELDS) {
    const value = fields[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      dropped.push(`--${field} dropped: it must be text.`);
      continue;
    }
    // An empty softphone variable (no caller id on an anonymous call) is "not known", not an error.
    if (value.trim() === '') continue;
    const problem = checkCallEventField(field, value);
    if (problem) dropped.push(`${problem.replace(/\.$/, '')}: dropped.`);
    else event[field] = value.trim();
  }
  return dropped.length > 0 ? { ok: true, event, dropped } : { ok: true, event };
}

/** Notes a sender may pass on (`dropped`): at most this many, each cut to NOTE_MAX characters. */
const MAX_SENDER_NOTES = 3;
const NOTE_MAX = 200;

/**
 * A JSON body `{ "kind": "start", "id"?: …, "ref"?: …, "from"?: …, "dropped"?: [notes] }` — no other keys.
 * `dropped` carries the notes of a sender that parsed its own arguments first (the `call` command), so
 * Settings lists them with the event; control characters in them are replaced.
 */
export function parseCallEventJson(body: unknown): CallEventParse {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, message: 'The call event is not a JSON object.' };
  const record = body as Record<string, unknown>;
  const extra = Object.keys(record).filter(
    (k) => k !== 'kind' && k !== 'dropped' && !(CALL_EVENT_FIELDS as readonly string[]).includes(k),
  );
  if (extra.length > 0)
    return { ok: false, message: `Unknown field ${quoteForMessage(extra[0])} in the call event.` };
  const parsed = makeCallEvent(record.kind, record);
  if (!parsed.ok) return parsed;
  const fromSender = Array.isArray(record.dropped)
    ? record.dropped
        .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
        .slice(0, MAX_SENDER_NOTES)
        .map((n) => n.replace(/\p{C}/gu, ' ').slice(0, NOTE_MAX))
    : [];
  const dropped = [...fromSender, ...(parsed.dropped ?? [])];
  return dropped.length > 0 ? { ...parsed, dropped } : { ok: true, event: parsed.event };
}
