/**
 * The queue between intake (an upload's accepted files) and processing. Two implementations behind one
 * interface: in this process (the embedded default: nothing to install) and BullMQ on Redis (scale-out:
 * `npm run worker` processes on any number of machines). Delivery is at least once; the processor's guarded
 * writes make the effect of each file happen exactly once.
 */

/** One accepted file waiting for processing. The text lives here only until the file is done. */
export interface WorkItem {
  fileId: number;
  jobId: number;
  userId: number;
  fileName: string;
  contentHash: string;
  text: string;
  /** Notes from text extraction, shown on the candidate (e.g. the text was cut at the cap). */
  notes: string[];
}

export interface Attempt {
  /** 1-based. */
  number: number;
  /** No retry follows this one: a failure now rejects the file and refunds it. */
  isFinal: boolean;
}

/** Processes one item. Throwing asks for a retry (or, on the final attempt, ends in rejection). */
export type ItemProcessor = (item: WorkItem, attempt: Attempt) => Promise<void>;

/** Called when an item failed for good, by whichever process saw it fail last. */
export type ItemFailureHandler = (item: Pick<WorkItem, 'fileId' | 'jobId' | 'userId' | 'fileName'>, err: Error) => Promise<void>;

export interface WorkQueue {
  readonly kind: 'memory' | 'bullmq';
  /** Throws when the item could not be queued (the caller rejects and refunds the file). */
  enqueue(item: WorkItem): Promise<void>;
  /** Drops the waiting items of these files (a deleted job); items already running finish and are discarded. */
  remove(fileIds: number[]): Promise<void>;
  /** Whether the queue still holds (waiting or running) the item of this file. */
  holds(fileId: number): Promise<boolean>;
  /** Starts `concurrency` consumers in this process. */
  consume(processor: ItemProcessor, onFailed: ItemFailureHandler, concurrency: number): void;
  counts(): Promise<{ waiting: number; active: number }>;
  /** Resolves when nothing is waiting or running (tests and benchmarks wait on it). */
  idle(): Promise<void>;
  /** Stops consuming; running items finish or, after a short grace, are left for recovery. */
  close(): Promise<void>;
}
