/**
 * Resumes the server refused for lack of credits, held in this tab's memory per job, so that after a top-up
 * they can be offered again in one click — also after moving to the Billing page and back. Never written to
 * storage (resumes stay in memory, as on the server); a reload forgets them.
 */
const held = new Map<number, File[]>();

export function holdRefusedFiles(jobId: number, files: File[]): void {
  if (files.length === 0) {
    held.delete(jobId);
  } else {
    held.set(jobId, files);
  }
}

export function heldRefusedFiles(jobId: number): File[] {
  return held.get(jobId) ?? [];
}
