/**
 * Answers of the candidate list, kept per job version. A key holds the job's `candidates_version` and
 * `updated_at`, which every write to its candidates (or to the job's threshold and settings) moves in the same
 * transaction, so a kept answer is never stale — in this process or any other sharing the database — and
 * nothing needs to be evicted by hand. Bounded by entries and bytes; least recently used go first.
 */
export class PageCache {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 500,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: string): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.bytes -= old.length;
      this.entries.delete(key);
    }
    if (value.length > this.maxBytes) {
      return;
    }
    this.entries.set(key, value);
    this.bytes += value.length;
    for (const [oldest, text] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) {
        break;
      }
      this.entries.delete(oldest);
      this.bytes -= text.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
