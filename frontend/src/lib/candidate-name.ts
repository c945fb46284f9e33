import type { Candidate } from '@shortlist/contracts';

/**
 * What a candidate is called on screen. Under blind review the server sends no name or file name for a hidden
 * candidate, and the UI never shows more than "Candidate #id" for one either.
 */
export function displayName(candidate: Pick<Candidate, 'id' | 'name' | 'file_name' | 'is_identity_hidden'>): string {
  if (candidate.is_identity_hidden) {
    return `Candidate #${candidate.id}`;
  }
  return candidate.name ?? candidate.file_name ?? `Candidate #${candidate.id}`;
}
