import type { Deflated } from "./zip";

/**
 * One part's side of a compression worker (the page's, see `workerStream` in ./zip; Node's, see ./zlibWorker):
 * the blocks sent that the worker has not taken yet, the writer waiting while too many are, and the part's
 * result, or the failure every later step of the part throws.
 */
export class WorkerPart {
  /** The deflated part and its CRC-32 (rejected with the part's failure): read by the stream's `end`. */
  readonly result: Promise<Deflated>;
  private ahead = 0;
  private wake: (() => void) | undefined;
  private failure: Error | undefined;
  private resolve!: (result: Deflated) => void;
  private reject!: (error: Error) => void;

  constructor() {
    this.result = new Promise<Deflated>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.result.catch(() => undefined); // read by the stream's `end`
  }

  /** Whether the part failed. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Waits while `max` blocks are out, then counts one more (the caller sends it); throws the part's failure. */
  async sending(max: number): Promise<void> {
    while (this.ahead >= max && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
    this.ahead++;
  }

  /** The worker took one of the blocks. */
  taken(): void {
    this.ahead--;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  done(result: Deflated): void {
    this.resolve(result);
  }

  fail(error: Error): void {
    this.failure = error;
    this.wake?.();
    this.reject(error);
  }
}
