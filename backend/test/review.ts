import type { TestApp } from './test-app';
import { bearer } from './test-app';

/**
 * New jobs review blind (names and contacts hidden until a person shortlists). Tests that check extracted
 * identities switch it off for their job, as a recruiter can.
 */
export async function showIdentities(t: TestApp, token: string, jobId: number): Promise<void> {
  const res = await t.app.inject({
    method: 'PATCH',
    url: `/jobs/${jobId}/review-settings`,
    headers: bearer(token),
    payload: { blind_review: false },
  });
  if (res.statusCode !== 200) {
    throw new Error(`could not turn blind review off: ${res.statusCode} ${res.body}`);
  }
}
