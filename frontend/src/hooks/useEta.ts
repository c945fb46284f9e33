import type { JobProgressEvent } from '@shortlist/contracts';
import { useEffect, useState } from 'react';
import { estimateSecondsLeft, type ProgressSample } from '../lib/eta';

/**
 * Seconds left for the job, from the progress it has shown while this page watched (lib/eta.ts). Kept apart
 * from useJobProgress, which only connects; this only listens to what it reports.
 */
export function useEta(progress: JobProgressEvent | null): number | null {
  const [state, setState] = useState<{ samples: ProgressSample[]; total: number }>({ samples: [], total: 0 });
  const done = progress?.progress_done ?? 0;
  const total = progress?.progress_total ?? 0;
  const isActive = progress !== null && (progress.status === 'queued' || progress.status === 'processing');

  useEffect(() => {
    if (!isActive) {
      return;
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- each progress report is one new sample
    setState((current) => {
      const samples = current.total === total ? current.samples : [];
      const last = samples[samples.length - 1];
      if (last && last.done === done) {
        return current;
      }
      return { samples: [...samples.slice(-50), { atMs: Date.now(), done }], total };
    });
  }, [done, total, isActive]);

  return isActive ? estimateSecondsLeft(state.samples, total) : null;
}
