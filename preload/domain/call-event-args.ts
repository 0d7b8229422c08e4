/**
 * The two textual forms of a call event, parsed into a CallEvent (call-event.ts) or one line saying why not:
 *
 *   arguments  `start|end|hold|resume|mark [--id X] [--ref X] [--from X] [--data-dir D]` (the `call` command;
 *              `--id=X` works too). The desktop app's `calm-line --call start --ref X` is the same after `--call`.
 *   URL        `calm-line://call/start?id=…&ref=…&from=…` (a softphone's or a CRM's "open URL").
 *
 * A softphone may pass an empty variable (no caller id on an anonymous call): `--from ""` and `from=` are
 * taken as absent rather than refused, and a value that fails its check is dropped with a note
 * (call-event.ts), so the call still starts. Only the event word and the options themselves are refused.
 */
import { CALL_EVENT_FIELDS, makeCallEvent, quoteForMessage, type CallEvent } from './call-event';

export const CALL_URL_SCHEME = 'calm-line';

export type CallArgsParse =
  | {
      readonly ok: true;
      readonly event: CallEvent;
      readonly dropped?: readonly string[];
      readonly dataDir?: string;
    }
  | { readonly ok: true; readonly help: true }
  | {
      readonly ok: false;
      readonly message: string;
      /** The `call` command's refusals, without words: the command says them in its language. */
      readonly problem?: CallArgsProblem;
    };

/** Why the `call` command's arguments were refused; `shown` is the value as quoteForMessage shows it. */
export type CallArgsProblem =
  | { readonly kind: 'too-many-arguments' | 'argument-too-long' | 'data-dir-empty' | 'no-event' }
  | {
      readonly kind: 'unexpected-argument' | 'unknown-option' | 'unknown-event';
      readonly shown: string;
    }
  | { readonly kind: 'needs-value' | 'given-twice'; readonly option: string };

export const CALL_USAGE =
  'Usage: call start|end|hold|resume|mark [--id CALL_ID] [--ref CASE_REF] [--from NUMBER] [--data-dir DIR]';

const MAX_ARGS = 16;
const MAX_ARG_CHARS = 4096;

/** The `call` command's arguments (after the program name). */
export function parseCallArgs(argv: readonly string[]): CallArgsParse {
  if (argv.length > MAX_ARGS)
    return {
      ok: false,
      message: `Too many arguments. ${CALL_USAGE}`,
      problem: { kind: 'too-many-arguments' },
    };
  if (argv.some((a) => typeof a !== 'string' || a.length > MAX_ARG_CHARS))
    return {
      ok: false,
      message: 'An argument is too long.',
      problem: { kind: 'argument-too-long' },
    };
  if (argv.includes('--help') || argv.includes('-h')) return { ok: true, help: true };
  let kind: string | undefined;
  const fields: Record<string, string> = {};
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      if (kind !== undefined)
        return {
          ok: false,
          message: `Unexpected argument ${quoteForMessage(arg)}. ${CALL_USAGE}`,
          problem: { kind: 'unexpected-argument', shown: quoteForMessage(arg) },
        };
      kind = arg;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined)
      return {
        ok: false,
        message: `--${name} needs a value. ${CALL_USAGE}`,
        problem: { kind: 'needs-value', option: `--${name}` },
      };
    if (name === 'data-dir') {
      if (value.trim() === '')
        return {
          ok: false,
          message: '--data-dir is empty.',
          problem: { kind: 'data-dir-empty' },
        };
      dataDir = value;
    } else if ((CALL_EVENT_FIELDS as readonly string[]).includes(name)) {
      if (name in fields)
        return {
          ok: false,
          message: `--${name} is given twice.`,
          problem: { kind: 'given-twice', option: `--${name}` },
        };
      // An empty softphone variable is "not known", not an error.
      if (value.trim() !== '') fields[name] = value;
    } else {
      return {
        ok: false,
        message: `Unknown option ${quoteForMessage(`--${name}`)}. ${CALL_USAGE}`,
        problem: { kind: 'unknown-option', shown: quoteForMessage(`--${name}`) },
      };
    }
  }
  if (kind === undefined)
    return {
      ok: false,
      message: `No call event given. ${CALL_USAGE}`,
      problem: { kind: 'no-event' },
    };
  const parsed = makeCallEvent(kind, fields);
  if (!parsed.ok)
    return { ...parsed, problem: { kind: 'unknown-event', shown: quoteForMessage(kind) } };
  return dataDir === undefined ? parsed : { ...parsed, dataDir };
}

/** `calm-line://call/<kind>?id=…&ref=…&from=…`. Never throws. */
export function parseCallUrl(text: string): CallArgsParse {
  if (typeof text !== 'string' || text.length > MAX_ARG_CHARS)
    return { ok: false, message: 'The calm-line link is too long.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `Not a link: ${quoteForMessage(text)}.` };
  }
  if (url.protocol !== `${CALL_URL_SCHEME}:`)
    return { ok: false, message: `Not a ${CALL_URL_SCHEME}:// link: ${quoteForMessage(text)}.` };
  // calm-line://call/start → host "call", path "/start"; calm-line:call/start → path "call/start".
  const route = `${url.host}${url.pathname}`.replace(/^\/+/, '').replace(/\/+$/, '');
  const [section, kind, ...rest] = route.split('/');
  if (section !== 'call' || kind === undefined || rest.length > 0)
    return {
      ok: false,
      message: `Unknown calm-line link ${quoteForMessage(text)}: use calm-line://call/start?ref=….`,
    };
  const fields: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (!(CALL_EVENT_FIELDS as readonly string[]).includes(name))
      return {
        ok: false,
        message: `Unknown parameter ${quoteForMessage(name)} in the calm-line link.`,
      };
    if (name in fields) return { ok: false, message: `Parameter ${name} is given twice.` };
    if (value.trim() !== '') fields[name] = value;
  }
  return makeCallEvent(decodeURIComponentSafe(kind), fields);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The desktop app's command line (Electron's argv, or the argv a second instance forwards): a
 * `calm-line://` URL anywhere in it, or `--call KIND [--id X] [--ref X] [--from X]`. null: no call event
 * in it (a normal start).
 */
export function findCallEventInArgv(argv: readonly string[]): CallArgsParse | null {
  const url = argv.find(
    (a) => typeof a === 'string' && a.toLowerCase().startsWith(`${CALL_URL_SCHEME}:`),
  );
  if (url !== undefined) return parseCallUrl(url);
  const at = argv.indexOf('--call');
  if (at < 0) return null;
  return parseCallArgs(argv.slice(at + 1));
}

/** The URL form of an event (what Settings shows, and what the test mark opens). */
export function callEventUrl(event: CallEvent): string {
  const params = new URLSearchParams();
  for (const field of CALL_EVENT_FIELDS) {
    const value = event[field];
    if (value !== undefined) params.set(field, value);
  }
  const query = params.toString();
  return `${CALL_URL_SCHEME}://call/${event.kind}${query ? `?${query}` : ''}`;
}
