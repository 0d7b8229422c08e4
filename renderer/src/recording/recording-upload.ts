/**
 * The page's side of an opted-in recording: the worklet's chunks go to the host in order, one request
 * at a time; `finish` completes the file (or drops it when a chunk failed, so no gap is ever kept).
 */
import type { CalmLineApi } from '../../../preload/contract/ipc-contract';
import { bytesToBase64, interleavePcm16 } from './pcm16-base64';
import type { HostFailure } from '../api/host-failure-text';

export type RecordingApi = Pick<
  CalmLineApi,
  'appendRecording' | 'finishRecording' | 'discardRecording'
>;

export class RecordingUpload {
  private seq = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Why the recording was given up (the host's first failure, worded by the page: host-failure-text.ts). */
  problem: HostFailure | null = null;

  constructor(
    private readonly api: RecordingApi,
    readonly callId: string,
    readonly sampleRate: number,
  ) {}

  push(caller: Float32Array, agent: Float32Array, frames: number): void {
    const pcm16Base64 = bytesToBase64(interleavePcm16(caller, agent, frames));
    const seq = this.seq++;
    this.queue = this.queue.then(async () => {
      if (this.problem !== null) return;
      const result = await this.api.appendRecording({ callId: this.callId, seq, pcm16Base64 });
      if (!result.ok) this.problem = result;
    });
  }

  /** After the last chunk: the file's path relative to the data folder, or null (nothing kept). */
  async finish(): Promise<string | null> {
    await this.queue;
    if (this.seq === 0 || this.problem !== null) {
      await this.discard();
      return null;
    }
    const result = await this.api.finishRecording({
      callId: this.callId,
      sampleRate: this.sampleRate,
    });
    if (result.ok) return result.value.path;
    this.problem = result;
    await this.discard();
    return null;
  }

  async discard(): Promise<void> {
    await this.queue;
    await this.api.discardRecording({ callId: this.callId });
  }
}
