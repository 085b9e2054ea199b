/**
 * Group commit for the embedded database. PGlite runs PostgreSQL in one process, one statement at
 * a time, so every synchronous commit waits for its own fsync: about 7 ms on a common disk, which
 * caps a burst of check-ins near 135 a second. Instead, transactions commit with
 * `synchronous_commit = off` and, before anyone is told "done", wait at this barrier: one small
 * synchronous commit whose WAL flush covers every commit queued before it. A hundred check-ins in
 * flight then share a handful of fsyncs, and none is acknowledged before it is on disk.
 */
export class WalBarrier {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  /** `flush` runs one synchronous commit; it is only ever called one at a time. */
  constructor(private readonly flushOnce: () => Promise<void>) {}

  /**
   * Resolves once everything committed before this call is on disk. A flush already running may
   * have started before the caller's commit, so the caller joins the next one.
   */
  flushed(): Promise<void> {
    if (!this.running) return this.start();
    this.queued ??= this.running.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.queued;
  }

  private startQueued(): Promise<void> {
    this.queued = null;
    return this.start();
  }

  private start(): Promise<void> {
    const run = this.flushOnce().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }
}
