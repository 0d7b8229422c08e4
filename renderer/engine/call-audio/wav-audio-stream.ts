/**
 * A WAV call read block by block from its source: the header from the first bytes (read again with more
 * when a large metadata chunk comes first), then whole blocks of sample data decoded in order
 * (codecs/wav-data-decoder.ts: PCM, float, G.711, GSM 6.10).
 */
import { createWavDataDecoder } from '../codecs/wav-data-decoder';
import { WavFormatError, parseWavHeader, type WavHeader } from '../wav-header';
import {
  CallAudioError,
  type ByteSource,
  type CallAudioStream,
  type OpenCallAudioOptions,
} from './byte-source';
import { callAudioProblem } from './call-audio-problem';

const HEADER_PREFIXES = [64 * 1024, 1024 * 1024, 16 * 1024 * 1024, 64 * 1024 * 1024];
const STREAMED_SIZE = 0xffffffff;

const ENCODING_NAMES = {
  pcm: 'PCM',
  float: 'float',
  mulaw: 'µ-law',
  alaw: 'A-law',
  gsm610: 'GSM 6.10',
} as const;

async function readHeader(source: ByteSource): Promise<{ header: WavHeader; head: Uint8Array }> {
  for (const prefix of HEADER_PREFIXES) {
    const head = await source.read(0, Math.min(source.size, prefix));
    try {
      return { header: parseWavHeader(head, { fileSize: source.size }), head };
    } catch (error) {
      if (!(error instanceof WavFormatError)) throw error;
      // Only a header that goes on past the prefix (a large metadata chunk first) is worth a longer read.
      const more =
        /truncated|no data chunk|no fmt chunk/i.test(error.message) && prefix < source.size;
      if (!more) throw new CallAudioError(error.problem, error.message);
    }
  }
  throw new CallAudioError(
    callAudioProblem('wav-header-too-large'),
    'The WAV header is too large: no audio was found in its first 64 MB of metadata.',
  );
}

export async function openWavStream(
  source: ByteSource,
  options: OpenCallAudioOptions,
): Promise<CallAudioStream> {
  const { header, head } = await readHeader(source);
  const { format } = header;
  const notes = [...header.warnings];
  const declared = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(
    header.dataOffset - 4,
    true,
  );
  const present = source.size - header.dataOffset;
  if (options.refuseCutShort && declared !== 0 && declared !== STREAMED_SIZE && declared > present)
    throw new CallAudioError(
      callAudioProblem('wav-cut-short', { declared, present }),
      `The WAV file is truncated: its data chunk declares ${declared} bytes but only ${present} are present.`,
    );

  const cutShort =
    header.cutShortWarning === undefined
      ? null
      : {
          problem: callAudioProblem('wav-cut-short', { declared, present }),
          note: header.cutShortWarning,
        };

  const decoder = createWavDataDecoder(format);
  const blocksPerRead = Math.max(
    1,
    Math.floor((options.blockFrames ?? 1 << 16) / format.framesPerBlock),
  );
  const framesPerRead = blocksPerRead * format.framesPerBlock;
  const out = Array.from({ length: format.channelCount }, () => new Float32Array(framesPerRead));
  let frame = 0;
  return {
    formatName: `WAV (${ENCODING_NAMES[format.encoding]})`,
    sampleRate: format.sampleRate,
    channelCount: format.channelCount,
    notes,
    cutShort,
    repairs: header.repairs ?? [],
    async next() {
      if (frame >= header.frameCount) return null;
      const block = frame / format.framesPerBlock;
      const blocks = Math.min(
        blocksPerRead,
        Math.ceil((header.frameCount - frame) / format.framesPerBlock),
      );
      const start = header.dataOffset + block * format.blockAlign;
      const bytes = await source.read(start, start + blocks * format.blockAlign);
      if (bytes.length < blocks * format.blockAlign)
        throw new CallAudioError(
          callAudioProblem('ended-while-reading'),
          'The file ended while reading its audio (was it cut short while being read?).',
        );
      const got = Math.min(decoder.decode(bytes, out), header.frameCount - frame);
      frame += got;
      return out.map((c) => c.subarray(0, got));
    },
    fraction: () => Math.min(1, frame / header.frameCount),
    close() {},
  };
}
