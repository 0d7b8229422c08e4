/**
 * The last second or so of both channels, kept so that a call started by the caller's voice (auto-start)
 * still hears the words that started it. Allocated once; `write` copies, never allocates.
 */
export class PreRoll {
  private readonly agent: Float32Array;
  private readonly caller: Float32Array;
  private writeAt = 0;
  private filled = 0;

  constructor(readonly capacity: number) {
    this.agent = new Float32Array(capacity);
    this.caller = new Float32Array(capacity);
  }

  write(caller: Float32Array, agent: Float32Array, n: number): void {
    for (let i = 0; i < n; i++) {
      this.caller[this.writeAt] = caller[i];
      this.agent[this.writeAt] = agent[i];
      this.writeAt = this.writeAt + 1 === this.capacity ? 0 : this.writeAt + 1;
    }
    this.filled = Math.min(this.capacity, this.filled + n);
  }

  /** Hands the newest `count` samples (oldest first) to `sink`, in at most two contiguous pieces. */
  replay(
    count: number,
    sink: (caller: Float32Array, agent: Float32Array, start: number, end: number) => void,
  ): void {
    const n = Math.min(count, this.filled);
    const start = (this.writeAt - n + this.capacity) % this.capacity;
    if (start + n <= this.capacity) sink(this.caller, this.agent, start, start + n);
    else {
      sink(this.caller, this.agent, start, this.capacity);
      sink(this.caller, this.agent, 0, n - (this.capacity - start));
    }
  }
}
