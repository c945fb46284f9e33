import { jobProgressEventSchema, type JobProgressEvent, type JobStatus } from '@shortlist/contracts';
import { useEffect, useRef, useState } from 'react';
import { jobsApi } from '../api/jobs';

const POLL_INTERVAL_MS = 2000;

export function isActive(status: JobStatus): boolean {
  return status === 'queued' || status === 'processing';
}

/**
 * Live progress of a queued/processing job: server-sent events first, polling GET /jobs/:id every 2 s if the
 * stream fails. Calls onSettled once when the job reaches completed/failed.
 */
export function useJobProgress(
  jobId: number,
  initial: JobProgressEvent | null,
  onSettled: (status: JobStatus) => void,
): JobProgressEvent | null {
  // Events are tagged with the watch they belong to, so a restarted watch never shows a stale one.
  const [live, setLive] = useState<{ key: string; event: JobProgressEvent } | null>(null);
  const onSettledRef = useRef(onSettled);
  useEffect(() => {
    onSettledRef.current = onSettled;
  }, [onSettled]);

  const isWatching = initial !== null && isActive(initial.status);
  // Restart watching when a new upload re-queues the job (status goes back to queued).
  const watchKey = isWatching ? `${jobId}:${initial.status}:${initial.progress_total}` : null;

  useEffect(() => {
    if (!watchKey) {
      return;
    }
    const key = watchKey;
    let isDone = false;
    let source: EventSource | null = null;
    let pollTimer: ReturnType<typeof setTimeout> | null = null;

    const settle = (event: JobProgressEvent) => {
      setLive({ key, event });
      if (!isActive(event.status) && !isDone) {
        isDone = true;
        source?.close();
        onSettledRef.current(event.status);
      }
    };

    const poll = () => {
      if (isDone) {
        return;
      }
      jobsApi
        .get(jobId, true)
        .then(({ job }) => {
          settle({
            job_id: job.id,
            status: job.status,
            progress_done: job.progress_done,
            progress_total: job.progress_total,
          });
        })
        .catch(() => undefined)
        .finally(() => {
          if (!isDone) {
            pollTimer = setTimeout(poll, POLL_INTERVAL_MS);
          }
        });
    };

    const listen = (url: string) => {
      if (isDone) {
        return;
      }
      source = new EventSource(url);
      source.addEventListener('progress', (message) => {
        try {
          const parsed = jobProgressEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
          if (parsed.success) {
            settle(parsed.data);
          }
        } catch {
          // A malformed frame is skipped; the next one carries the full state.
        }
      });
      // Also fires when the server ends the stream after completion; polling then confirms the final state.
      source.onerror = () => {
        source?.close();
        source = null;
        if (!isDone) {
          poll();
        }
      };
    };

    if (typeof EventSource === 'undefined') {
      poll();
    } else {
      // No ticket (network, expired session): polling still follows the job.
      jobsApi.eventsUrl(jobId).then(listen, poll);
    }

    return () => {
      isDone = true;
      source?.close();
      if (pollTimer) {
        clearTimeout(pollTimer);
      }
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- watchKey captures the inputs that restart watching
  }, [watchKey]);

  return live && live.key === watchKey ? live.event : initial;
}
