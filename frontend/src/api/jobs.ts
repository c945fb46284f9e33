import {
  fileOutcomeSchema,
  jobSchema,
  okEnvelope,
  statsSchema,
  streamTicketResponseSchema,
  type UpdateJobRequest,
} from '@shortlist/contracts';
import type { AxiosProgressEvent } from 'axios';
import { z } from 'zod';
import { api } from './client';

const jobResponse = okEnvelope({ job: jobSchema });
const jobDetailResponse = okEnvelope({ job: jobSchema, files: z.array(fileOutcomeSchema) });
const uploadResponse = okEnvelope({
  files: z.array(fileOutcomeSchema),
  accepted: z.number().int(),
  rejected: z.number().int(),
  credits_remaining: z.number().int(),
});
export type UploadResult = z.infer<typeof uploadResponse>;

/** Every response is parsed by the contracts' schemas (api/client.ts `request`). */
export const jobsApi = {
  list: () => api.get('/jobs', {}, okEnvelope({ jobs: z.array(jobSchema) })),
  get: (id: number, quiet = false) => api.get(`/jobs/${id}`, { quiet }, jobDetailResponse),
  createFromText: (body: { title: string; description: string; shortlist_threshold?: number }) =>
    api.post('/jobs', body, {}, jobResponse),
  createFromFile: (title: string, file: File, threshold?: number) => {
    const form = new FormData();
    form.append('title', title);
    if (threshold !== undefined) {
      form.append('shortlist_threshold', String(threshold));
    }
    form.append('jd_file', file, file.name);
    return api.post('/jobs', form, {}, jobResponse);
  },
  /** `quiet`: the caller shows a refusal itself (the requirement editor shows it on the chips). */
  update: (id: number, body: UpdateJobRequest, quiet = false) => api.patch(`/jobs/${id}`, body, { quiet }, jobResponse),
  remove: (id: number) => api.delete<object>(`/jobs/${id}`),
  uploadResumes: (id: number, files: File[], onProgress?: (event: AxiosProgressEvent) => void) => {
    const form = new FormData();
    for (const file of files) {
      form.append('files', file, file.name);
    }
    // Quiet: the uploader shows each file's outcome (and why a batch stopped) itself.
    return api.post(`/jobs/${id}/resumes`, form, { onUploadProgress: onProgress, quiet: true }, uploadResponse);
  },
  /**
   * The URL of a job's progress stream. EventSource cannot send the Authorization header, so the stream takes a
   * one-minute ticket for this job instead of the access token (which never goes into a URL).
   */
  eventsUrl: async (id: number) => {
    const { ticket } = await api.post(`/jobs/${id}/events/ticket`, undefined, { quiet: true }, streamTicketResponseSchema);
    return `/jobs/${id}/events?ticket=${encodeURIComponent(ticket)}`;
  },
  stats: (jobId?: number) =>
    api.get(
      '/jobs/stats',
      { params: jobId === undefined ? undefined : { job_id: jobId } },
      okEnvelope({ stats: statsSchema }),
    ),
};
