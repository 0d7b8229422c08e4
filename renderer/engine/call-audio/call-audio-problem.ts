/**
 * Why a recorded call cannot be read, as data: a code and the values its sentence needs, in no language.
 * The engine throws it inside a CallAudioError (byte-source.ts) or a WavFormatError (wav-header.ts), whose
 * message is the same sentence in English for logs and tests; the page words it from its catalogue
 * (renderer/src/review/call-audio-problem-text.ts) and the CLIs from theirs (main/cli/call-audio-reader.ts),
 * each in the user's language. Values are numbers (formatted by the reader's locale) or one of a few
 * fixed words (a format's name, a `select` case) — never English prose.
 */
export type CallAudioProblemCode =
  /** No value. */
  | 'empty-file'
  /** looksLike: mp4 | amr | aiff | au | webm | pdf | zip | text | unknown. */
  | 'not-audio'
  | 'ogg-cut-first-page'
  /** codec: vorbis | speex | flac | unknown. */
  | 'ogg-codec'
  | 'wav-not-riff'
  | 'wav-rifx'
  | 'wav-rf64'
  /** bytes: the whole file's size. */
  | 'wav-header-short'
  /** bytes: the fmt chunk's size. */
  | 'wav-fmt-short'
  | 'wav-fmt-cut'
  | 'wav-extensible-short'
  | 'wav-no-fmt'
  | 'wav-fmt-after-data'
  | 'wav-no-data'
  | 'wav-data-empty'
  | 'wav-header-too-large'
  /** bits, name (a codec's name or 'none'), tag. */
  | 'wav-g711-bits'
  /** bits. */
  | 'wav-pcm-bits'
  /** bits. */
  | 'wav-float-bits'
  /** name (a codec's name or 'none'), tag. */
  | 'wav-format'
  /** channels. */
  | 'wav-channels'
  /** channels. */
  | 'wav-gsm-channels'
  /** blockAlign, perBlock. */
  | 'wav-gsm-blocks'
  /** blockAlign, channels, bits. */
  | 'wav-block-align'
  /** declared, present (bytes). */
  | 'wav-cut-short'
  /** rate, min, max (Hz). */
  | 'sample-rate'
  | 'ended-while-reading'
  /** format, channels. */
  | 'stream-channels'
  /** format, count, frame, detail (the decoder's own words, quoted as they come). */
  | 'stream-damaged-frames'
  /** format, detail (the decoder's own words). */
  | 'stream-decoder-stopped'
  /** format, rate, channels, newRate, newChannels. */
  | 'stream-format-change'
  /** format, cut: flac-samples | mp3-samples (expected, decoded) | ogg-no-end | ogg-seconds (expected, decoded in s). */
  | 'stream-cut'
  /** format. */
  | 'stream-no-audio';

export type CallAudioProblemValues = Readonly<Record<string, string | number>>;

export interface CallAudioProblem {
  readonly code: CallAudioProblemCode;
  readonly values: CallAudioProblemValues;
}

export function callAudioProblem(
  code: CallAudioProblemCode,
  values: CallAudioProblemValues = {},
): CallAudioProblem {
  return { code, values };
}

/** The problem an error carries (a CallAudioError's or a WavFormatError's), or null for any other. */
export function problemOf(error: unknown): CallAudioProblem | null {
  const problem = (error as { problem?: unknown } | null)?.problem;
  if (typeof problem !== 'object' || problem === null) return null;
  const { code, values } = problem as { code?: unknown; values?: unknown };
  return typeof code === 'string' && typeof values === 'object' && values !== null
    ? { code: code as CallAudioProblemCode, values: values as CallAudioProblemValues }
    : null;
}
