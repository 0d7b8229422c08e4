/**
 * `npm run --silent call -- start|end|hold|resume|mark [--id X] [--ref X] [--from X] [--data-dir DIR]`, and
 * bundled as `node out/cli/call.js …` for the phone software's hooks (a softphone waits on it: it returns
 * within a few tens of milliseconds). Finds the running app through call-events.json in the data folder —
 * --data-dir, else CALM_LINE_DATA_DIR, else the default folder, so a hook needs no quoted path — sends the
 * event to its loopback endpoint with the secret from that file, and prints one line on stderr (with the
 * optional fields that were dropped because they failed their check; the event still goes).
 *
 * Exit codes: 0 the app took the event (the line says what it did — "nothing ended" included);
 * 2 bad arguments (an unknown event word or option); 3 no app running (no file, a stale file, a port that
 * refuses, or no window open); 4 the app took the event but could not carry it out (a start whose call
 * could not start, e.g. no audio device); 1 anything else (the app refused the request, did not answer).
 * Its own lines (bad arguments included) are in the environment's language (LC_ALL, LC_MESSAGES, LANG);
 * what the app answers and the notes on dropped fields come as they are; exit codes are what scripts read.
 */
import http from 'node:http';
import path from 'node:path';
import { parseCallArgs, type CallArgsProblem } from '../../preload/domain/call-event-args';
import { CALL_EVENT_KINDS, type CallEvent } from '../../preload/domain/call-event';
import { defaultUserDataDir } from '../storage/user-data-dir';
import { readDiscoveryFile, type CallEventDiscovery } from '../call-events/discovery-file';
import type { MainMessageId, MessageValues } from '../i18n/main-text';

export const EXIT_TAKEN = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_ARGS = 2;
export const EXIT_NOT_RUNNING = 3;
export const EXIT_NOT_CARRIED_OUT = 4;

const REQUEST_TIMEOUT_MS = 3000;

interface Outcome {
  readonly code: number;
  readonly line: string;
}

/**
 * A line to say: the app's own words as they came, or one of ours, put in the environment's language
 * only when said — the catalogue (FormatJS) loads only then, so a hook whose event the app took waits
 * for no formatter.
 */
type Said =
  string | { readonly id: MainMessageId; readonly values?: MessageValues; readonly reason?: Said };

interface Reached {
  readonly code: number;
  readonly said: Said;
}

async function say(said: Said, env: NodeJS.ProcessEnv): Promise<string> {
  if (typeof said === 'string') return said;
  const reason: MessageValues =
    said.reason === undefined ? {} : { reason: await say(said.reason, env) };
  const { cliText } = await import('../i18n/main-locale');
  return cliText(env).format(said.id, { ...said.values, ...reason });
}

const USAGE: Said = { id: 'cli.call.usage' };

/** The parser's refusal in the command's words, with the usage where the parser gives it. */
function refusal(problem: CallArgsProblem): Said[] {
  switch (problem.kind) {
    case 'too-many-arguments':
      return [{ id: 'cli.call.too-many-arguments' }, USAGE];
    case 'argument-too-long':
      return [{ id: 'cli.call.argument-too-long' }];
    case 'data-dir-empty':
      return [{ id: 'cli.call.data-dir-empty' }];
    case 'no-event':
      return [{ id: 'cli.call.no-event' }, USAGE];
    case 'unexpected-argument':
      return [{ id: 'cli.call.unexpected-argument', values: { argument: problem.shown } }, USAGE];
    case 'unknown-option':
      return [{ id: 'cli.unknown-option', values: { option: problem.shown } }, USAGE];
    case 'unknown-event':
      return [
        {
          id: 'cli.call.unknown-event',
          values: { event: problem.shown, kinds: CALL_EVENT_KINDS.join(', ') },
        },
      ];
    case 'needs-value':
      return [{ id: 'cli.option-needs-value', values: { option: problem.option } }, USAGE];
    case 'given-twice':
      return [{ id: 'cli.option-twice', values: { option: problem.option } }];
  }
}

function post(
  discovery: CallEventDiscovery,
  event: CallEvent,
  dropped: readonly string[] | undefined,
): Promise<Reached> {
  const body = JSON.stringify(dropped ? { ...event, dropped } : event);
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: discovery.port,
        method: 'POST',
        path: '/call-event',
        headers: {
          Authorization: `Bearer ${discovery.secret}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          let message: Said = '';
          let outcome: unknown;
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              message?: unknown;
              outcome?: unknown;
            };
            if (typeof parsed.message === 'string') message = parsed.message.replace(/\s+/g, ' ');
            outcome = parsed.outcome;
          } catch {
            message = {
              id: 'cli.call.unexpected-answer',
              values: { status: String(response.statusCode) },
            };
          }
          if (response.statusCode === 200)
            resolve({
              code: outcome === 'failed' ? EXIT_NOT_CARRIED_OUT : EXIT_TAKEN,
              said: message,
            });
          else if (response.statusCode === 409) resolve({ code: EXIT_NOT_RUNNING, said: message });
          else resolve({ code: EXIT_FAILED, said: { id: 'cli.call.refused', reason: message } });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED')
        resolve({
          code: EXIT_NOT_RUNNING,
          said: { id: 'cli.call.not-running-port', values: { port: String(discovery.port) } },
        });
      else if (error.message === 'timeout')
        resolve({ code: EXIT_FAILED, said: { id: 'cli.call.no-answer' } });
      else
        resolve({
          code: EXIT_FAILED,
          said: { id: 'cli.call.unreachable', values: { reason: error.message } },
        });
    });
    request.end(body);
  });
}

export async function runCall(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<Outcome> {
  const args = parseCallArgs(argv);
  if (!args.ok) {
    if (args.problem === undefined) return { code: EXIT_BAD_ARGS, line: args.message };
    const parts = await Promise.all(refusal(args.problem).map((said) => say(said, env)));
    return { code: EXIT_BAD_ARGS, line: parts.join(' ') };
  }
  if ('help' in args) return { code: EXIT_TAKEN, line: await say(USAGE, env) };
  const fromEnv = env.CALM_LINE_DATA_DIR?.trim() ? env.CALM_LINE_DATA_DIR : undefined;
  const dataDir = path.resolve(args.dataDir ?? fromEnv ?? defaultUserDataDir(env));
  const { code, said } = await reach(dataDir, args.event, args.dropped);
  const line = await say(said, env);
  return { code, line: args.dropped ? `${line} (${args.dropped.join(' ')})` : line };
}

async function reach(
  dataDir: string,
  event: CallEvent,
  dropped: readonly string[] | undefined,
): Promise<Reached> {
  const found = readDiscoveryFile(dataDir);
  switch (found.state) {
    case 'missing':
      return {
        code: EXIT_NOT_RUNNING,
        said: { id: 'cli.call.not-running-no-file', values: { folder: dataDir } },
      };
    case 'stale':
      return {
        code: EXIT_NOT_RUNNING,
        said: { id: 'cli.call.not-running-stale', values: { reason: found.reason } },
      };
    case 'unreadable':
      return {
        code: EXIT_NOT_RUNNING,
        said: { id: 'cli.call.not-running', values: { reason: found.reason } },
      };
    case 'found':
      return post(found.discovery, event, dropped);
  }
}

// Run as a program (tsx, or the bundle), not when imported by a test.
const entry = process.argv[1] ? path.basename(process.argv[1]) : '';
if (entry === 'call.ts' || entry === 'call.js') {
  runCall(process.argv.slice(2)).then(
    ({ code, line }) => {
      process.stderr.write(`calm-line: ${line}\n`);
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`calm-line: ${(error as Error)?.message ?? error}\n`);
      process.exitCode = EXIT_FAILED;
    },
  );
}
