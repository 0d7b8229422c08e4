/** Plain-language problems with the audio sources, for the notice under the banner. */
export type SourceProblemKind =
  | 'permission-denied'
  | 'no-device'
  | 'device-busy'
  | 'device-lost'
  | 'mono-source'
  | 'unsupported'
  | 'other';

export interface SourceProblem {
  kind: SourceProblemKind;
  /** In English, for the console; the page says it in its language (source-problem-text.ts). */
  message: string;
  /** 'other': what the browser said, quoted as it came. */
  detail?: string;
}

export class SourceProblemError extends Error {
  constructor(readonly problem: SourceProblem) {
    super(problem.message);
    this.name = 'SourceProblemError';
  }
}

/** Turns a getUserMedia / getDisplayMedia rejection into something an agent can act on. */
export function describeCaptureError(error: unknown): SourceProblemError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new SourceProblemError({
        kind: 'permission-denied',
        message:
          'Calm Line may not use the microphone. Allow microphone access for Calm Line, then press Try again.',
      });
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new SourceProblemError({
        kind: 'no-device',
        message:
          'The chosen audio device was not found. Plug it in or pick another source in Settings.',
      });
    case 'NotReadableError':
    case 'AbortError':
      return new SourceProblemError({
        kind: 'device-busy',
        message:
          'The audio device is busy or failed to start. Close other programs using it, then try again.',
      });
    case 'NotSupportedError':
      return new SourceProblemError({
        kind: 'unsupported',
        message: 'This window cannot capture audio here (getUserMedia is not available).',
      });
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new SourceProblemError({
        kind: 'other',
        message: `Audio capture failed: ${detail}`,
        detail,
      });
    }
  }
}

export const MONO_SOURCE_PROBLEM: SourceProblem = {
  kind: 'mono-source',
  message:
    'Both channels of this source are identical, so the caller and you cannot be told apart. Choose a true stereo split device, or use two devices in Settings.',
};
