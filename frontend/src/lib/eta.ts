/** One observation of a job's progress: how many files were done at a moment (ms). */
export interface ProgressSample {
  atMs: number;
  done: number;
}

/** Samples older than this no longer say how fast the job goes now. */
const WINDOW_MS = 60_000;

/**
 * Seconds until `total` files are done, from the rate over the recent samples; null until there is a rate
 * (two samples with progress between them), or once nothing is left.
 */
export function estimateSecondsLeft(samples: readonly ProgressSample[], total: number): number | null {
  const last = samples[samples.length - 1];
  if (!last || last.done >= total) {
    return null;
  }
  const recent = samples.filter((s) => s.atMs >= last.atMs - WINDOW_MS);
  const first = recent[0];
  if (!first || last.done <= first.done || last.atMs <= first.atMs) {
    return null;
  }
  const perMs = (last.done - first.done) / (last.atMs - first.atMs);
  return Math.max(1, Math.round((total - last.done) / perMs / 1000));
}

/** `about 40 s left`, `about 3 min left`, `about 1 h 5 min left`. */
export function formatEta(seconds: number | null): string | null {
  if (seconds === null) {
    return null;
  }
  if (seconds < 60) {
    return `about ${Math.max(5, Math.round(seconds / 5) * 5)} s left`;
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return `about ${minutes} min left`;
  }
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}
