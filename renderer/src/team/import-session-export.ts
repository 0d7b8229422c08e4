/**
 * Reads one JSON session export (preload/contract/session-export-schema.ts) into validated sessions, or refuses
 * the whole file with a message that names it and the problem. Written for hostile input: it never
 * throws, and checks, in this order and before any work that grows with them, the size (MAX_FILE_CHARS),
 * the shape (an object, not a CSV or XLSX export), the nesting depth (a linear scan, no recursion), then
 * JSON.parse, the envelope (`format`, `version`, strict header), the session count, and every session
 * against the strict zod `sessionSchema` (unknown keys, `__proto__` included, are refused). Pure: no DOM,
 * no Node; the team view runs it in a worker, tests and the bench call it directly.
 */
import { sessionSchema, type Session } from '../../../preload/contract/session-schema';
import type { MessageKey } from '../i18n/catalogue';
import { importProblem, type ImportProblem } from './import-problem';
import {
  SESSION_EXPORT_FORMAT,
  SESSION_EXPORT_VERSION,
  sessionExportHeaderSchema,
  type SessionExportHeader,
} from '../../../preload/contract/session-export-schema';

export interface ImportLimits {
  /** Longest accepted file, in UTF-16 code units (about bytes for JSON). */
  readonly maxFileChars: number;
  readonly maxSessions: number;
  /** Deepest accepted nesting of objects and arrays (a real export nests 6 deep). */
  readonly maxDepth: number;
}

export const IMPORT_LIMITS: ImportLimits = {
  maxFileChars: 400 * 1024 * 1024,
  maxSessions: 200_000,
  maxDepth: 32,
};

export interface ImportedExport {
  readonly fileName: string;
  readonly header: SessionExportHeader;
  readonly sessions: readonly Session[];
}

export type ImportOutcome =
  | { readonly ok: true; readonly file: ImportedExport }
  | { readonly ok: false; readonly fileName: string; readonly problem: ImportProblem };

const MB = 1024 * 1024;

/** Deepest nesting of {} and [] outside strings; stops counting once past `limit`. */
export function jsonNestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeZodIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Parses and validates one export. `onProgress(validated, total)` is called every 1,000 sessions. */
export function parseSessionExport(
  fileName: string,
  text: string,
  limits: ImportLimits = IMPORT_LIMITS,
  onProgress?: (validated: number, total: number) => void,
): ImportOutcome {
  const refuse = (id: MessageKey, values?: Record<string, string | number>): ImportOutcome => ({
    ok: false,
    fileName,
    problem: importProblem(id, fileName, values),
  });
  const errorText = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 200);
  try {
    if (typeof text !== 'string') return refuse('team.problem.not-text');
    if (text.length > limits.maxFileChars) {
      return refuse('team.problem.too-big', {
        size: Math.ceil(text.length / MB),
        max: Math.floor(limits.maxFileChars / MB),
      });
    }
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const start = body.search(/\S/);
    if (start < 0) return refuse('team.problem.empty');
    if (body[start] !== '{') {
      const looks = body.startsWith('PK')
        ? 'xlsx'
        : /^[^{[]*,/.test(body.slice(start, start + 200))
          ? 'csv'
          : 'other';
      return refuse('team.problem.not-json-export', { looks });
    }
    const depth = jsonNestingDepth(body, limits.maxDepth);
    if (depth > limits.maxDepth) return refuse('team.problem.too-deep', { max: limits.maxDepth });

    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      return refuse('team.problem.not-json', { error: errorText(error) });
    }
    if (!isPlainRecord(parsed)) return refuse('team.problem.not-object');
    if (parsed.format !== SESSION_EXPORT_FORMAT) {
      const expected = SESSION_EXPORT_FORMAT;
      return typeof parsed.format === 'string'
        ? refuse('team.problem.wrong-format', { found: parsed.format.slice(0, 60), expected })
        : refuse('team.problem.no-format', { expected });
    }
    if (parsed.version !== SESSION_EXPORT_VERSION) {
      const newer = typeof parsed.version === 'number' && parsed.version > SESSION_EXPORT_VERSION;
      const version = JSON.stringify(parsed.version)?.slice(0, 20);
      return newer
        ? refuse('team.problem.newer-version', {
            version: String(parsed.version),
            supported: String(SESSION_EXPORT_VERSION),
          })
        : version === undefined
          ? refuse('team.problem.no-version')
          : refuse('team.problem.unknown-version', { version });
    }
    const sessionsValue = Object.hasOwn(parsed, 'sessions') ? parsed.sessions : undefined;
    if (!Array.isArray(sessionsValue)) return refuse('team.problem.no-sessions');
    if (sessionsValue.length > limits.maxSessions) {
      return refuse('team.problem.too-many', {
        count: sessionsValue.length,
        max: limits.maxSessions,
      });
    }
    const headerFields: Record<string, unknown> = {};
    for (const key of Object.keys(parsed)) if (key !== 'sessions') headerFields[key] = parsed[key];
    const header = sessionExportHeaderSchema.safeParse(headerFields);
    if (!header.success)
      return refuse('team.problem.bad-header', { detail: describeZodIssues(header.error.issues) });

    const sessions: Session[] = new Array(sessionsValue.length);
    for (let i = 0; i < sessionsValue.length; i++) {
      const result = sessionSchema.safeParse(sessionsValue[i]);
      if (!result.success) {
        const id = isPlainRecord(sessionsValue[i]) ? sessionsValue[i].id : undefined;
        const detail = describeZodIssues(result.error.issues);
        return typeof id === 'string'
          ? refuse('team.problem.bad-session.id', { index: i + 1, id: id.slice(0, 40), detail })
          : refuse('team.problem.bad-session', { index: i + 1, detail });
      }
      sessions[i] = result.data;
      if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1, sessionsValue.length);
    }
    return { ok: true, file: { fileName, header: header.data, sessions } };
  } catch (error) {
    // Nothing above should throw; if something does (out of memory on a huge string), the file is refused.
    return refuse('team.problem.unreadable', { error: errorText(error) });
  }
}
