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
  | { readonly ok: false; readonly fileName: string; readonly problem: string };

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

function shortId(value: unknown): string {
  return typeof value === 'string' ? `, id ${value.slice(0, 40)}` : '';
}

/** Parses and validates one export. `onProgress(validated, total)` is called every 1,000 sessions. */
export function parseSessionExport(
  fileName: string,
  text: string,
  limits: ImportLimits = IMPORT_LIMITS,
  onProgress?: (validated: number, total: number) => void,
): ImportOutcome {
  const refuse = (problem: string): ImportOutcome => ({ ok: false, fileName, problem });
  try {
    if (typeof text !== 'string') return refuse('could not be read as text');
    if (text.length > limits.maxFileChars) {
      return refuse(
        `is ${Math.ceil(text.length / MB)} MB; the team view imports exports up to ${Math.floor(limits.maxFileChars / MB)} MB (export a shorter date range)`,
      );
    }
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const start = body.search(/\S/);
    if (start < 0) return refuse('is empty');
    if (body[start] !== '{') {
      const hint = body.startsWith('PK')
        ? ' (it looks like an XLSX file)'
        : /^[^{[]*,/.test(body.slice(start, start + 200))
          ? ' (it looks like a CSV file)'
          : '';
      return refuse(
        `is not a Calm Line JSON export${hint}; export the sessions as JSON to import them here`,
      );
    }
    const depth = jsonNestingDepth(body, limits.maxDepth);
    if (depth > limits.maxDepth)
      return refuse(
        `is nested more than ${limits.maxDepth} levels deep; a session export never is`,
      );

    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      return refuse(
        `is not valid JSON: ${String((error as Error)?.message ?? error).slice(0, 200)}`,
      );
    }
    if (!isPlainRecord(parsed))
      return refuse('is not a Calm Line session export (not a JSON object)');
    if (parsed.format !== SESSION_EXPORT_FORMAT) {
      const found =
        typeof parsed.format === 'string' ? `"${parsed.format.slice(0, 60)}"` : 'missing';
      return refuse(
        `is not a Calm Line session export (format ${found}, expected "${SESSION_EXPORT_FORMAT}")`,
      );
    }
    if (parsed.version !== SESSION_EXPORT_VERSION) {
      const newer = typeof parsed.version === 'number' && parsed.version > SESSION_EXPORT_VERSION;
      return refuse(
        newer
          ? `was written by a newer Calm Line (export version ${parsed.version}); this version reads version ${SESSION_EXPORT_VERSION}`
          : `has an unknown export version (${(JSON.stringify(parsed.version) ?? 'missing').slice(0, 20)})`,
      );
    }
    const sessionsValue = Object.hasOwn(parsed, 'sessions') ? parsed.sessions : undefined;
    if (!Array.isArray(sessionsValue)) return refuse('has no "sessions" list');
    if (sessionsValue.length > limits.maxSessions) {
      return refuse(
        `holds ${sessionsValue.length} sessions; the team view imports at most ${limits.maxSessions} per file`,
      );
    }
    const headerFields: Record<string, unknown> = {};
    for (const key of Object.keys(parsed)) if (key !== 'sessions') headerFields[key] = parsed[key];
    const header = sessionExportHeaderSchema.safeParse(headerFields);
    if (!header.success)
      return refuse(`has a bad header: ${describeZodIssues(header.error.issues)}`);

    const sessions: Session[] = new Array(sessionsValue.length);
    for (let i = 0; i < sessionsValue.length; i++) {
      const result = sessionSchema.safeParse(sessionsValue[i]);
      if (!result.success) {
        const id = isPlainRecord(sessionsValue[i]) ? shortId(sessionsValue[i].id) : '';
        return refuse(
          `has an invalid session (number ${i + 1}${id}): ${describeZodIssues(result.error.issues)}`,
        );
      }
      sessions[i] = result.data;
      if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1, sessionsValue.length);
    }
    return { ok: true, file: { fileName, header: header.data, sessions } };
  } catch (error) {
    // Nothing above should throw; if something does (out of memory on a huge string), the file is refused.
    return refuse(`could not be read: ${String((error as Error)?.message ?? error).slice(0, 200)}`);
  }
}
