/**
 * Serving a finished recording to the review: `/recording/<session id>` on both hosts (the browser
 * host's cookie-checked HTTP, Electron's app://calm-line). One byte range per request, for seeking.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { RecordingStore } from './recording-store';

export const RECORDING_URL_PATH = '/recording/';
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The session id a `/recording/<id>` path asks for; null: another path; 'invalid': not a uuid. */
export function recordingIdOf(pathname: string): string | 'invalid' | null {
  if (!pathname.startsWith(RECORDING_URL_PATH)) return null;
  const id = pathname.slice(RECORDING_URL_PATH.length);
  return ID.test(id) ? id.toLowerCase() : 'invalid';
}

export interface RecordingAnswer {
  readonly status: 200 | 206 | 400 | 404 | 416;
  readonly headers: Record<string, string>;
  /** The file and the inclusive byte range to send (200/206 only). */
  readonly body?: { readonly file: string; readonly start: number; readonly end: number };
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` (one range); undefined: no usable Range (send the whole file). */
export function parseByteRange(
  header: string | undefined | null,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** What to answer for a `/recording/<id>` request (the caller has already checked who asks). */
export function answerRecordingRequest(
  store: Pick<RecordingStore, 'fileOf'> | undefined,
  pathname: string,
  rangeHeader: string | undefined | null,
): RecordingAnswer | null {
  const id = recordingIdOf(pathname);
  if (id === null) return null;
  const text = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };
  if (id === 'invalid') return { status: 400, headers: text };
  const file = store?.fileOf(id) ?? null;
  let size: number;
  try {
    if (file === null) return { status: 404, headers: text };
    size = fs.statSync(file).size;
  } catch {
    return { status: 404, headers: text };
  }
  const common = {
    'Content-Type': 'audio/wav',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
  };
  const range = parseByteRange(rangeHeader, size);
  if (range === 'unsatisfiable')
    return { status: 416, headers: { ...text, 'Content-Range': `bytes */${size}` } };
  if (range === undefined) {
    return {
      status: 200,
      headers: { ...common, 'Content-Length': String(size) },
      body: { file, start: 0, end: size - 1 },
    };
  }
  return {
    status: 206,
    headers: {
      ...common,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    },
    body: { file, ...range },
  };
}

/** The answer's bytes as a web stream (for Electron's fetch-style Response). */
export function recordingBodyStream(
  body: NonNullable<RecordingAnswer['body']>,
): ReadableStream<Uint8Array> {
  const stream = fs.createReadStream(body.file, { start: body.start, end: body.end });
  return Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
}
