/**
 * On the audio thread, while a call is recorded: copies both channels into chunk buffers and hands each
 * full chunk to `emit` (which transfers it to the page). The only allocations are the chunk buffers,
 * one pair per chunk (a transferred buffer is gone, so the next chunk needs its own).
 */
export type EmitChunk = (caller: Float32Array, agent: Float32Array, frames: number) => void;

export class RecordingTap {
  private caller: Float32Array;
  private agent: Float32Array;
  private filled = 0;

  constructor(
    readonly chunkFrames: number,
    private readonly emit: EmitChunk,
  ) {
    this.caller = new Float32Array(chunkFrames);
    this.agent = new Float32Array(chunkFrames);
  }

  /** Samples [start, end) of both channels. */
  write(caller: Float32Array, agent: Float32Array, start: number, end: number): void {
    let i = start;
    while (i < end) {
      const take = Math.min(end - i, this.chunkFrames - this.filled);
      this.caller.set(caller.subarray(i, i + take), this.filled);
      this.agent.set(agent.subarray(i, i + take), this.filled);
      this.filled += take;
      i += take;
      if (this.filled === this.chunkFrames) this.flush();
    }
  }

  /** Hands over what is buffered (the call's last, partial chunk). */
  flush(): void {
    if (this.filled === 0) return;
    this.emit(this.caller, this.agent, this.filled);
    this.caller = new Float32Array(this.chunkFrames);
    this.agent = new Float32Array(this.chunkFrames);
    this.filled = 0;
  }
}
