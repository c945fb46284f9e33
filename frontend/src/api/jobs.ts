import type {
  Candidate,
  CandidateStatus,
  FileOutcome,
  Job,
  Stats,
  StreamTicketResponse,
  UpdateJobRequest,
} from '@shortlist/contracts';
import type { AxiosProgressEvent } from 'axios';
import { api } from './client';

export interface UploadResult {
  files: FileOutcome[];
  accepted: number;
  rejected: number;
  credits_remaining: number;
}

export const jobsApi = {
  list: () => api.get<{ jobs: Job[] }>('/jobs'),
  get: (id: number, quiet = false) => api.get<{ job: Job; files: FileOutcome[] }>(`/jobs/${id}`, { quiet }),
  createFromText: (body: { title: string; description: string; shortlist_threshold?: number }) =>
    api.post<{ job: Job }>('/jobs', body),
  createFromFile: (title: string, file: File, threshold?: number) => {
    const form = new FormData();
    form.append('title', title);
    if (threshold !== undefined) {
      form.append('shortlist_threshold', String(threshold));
    }
    form.append('jd_file', file, file.name);
    return api.post<{ job: Job }>('/jobs', form);
  },
  update: (id: number, body: UpdateJobRequest) => api.patch<{ job: Job }>(`/jobs/${id}`, body),
  remove: (id: number) => api.delete<object>(`/jobs/${id}`),
  uploadResumes: (id: number, files: File[], onProgress?: (event: AxiosProgressEvent) => void) => {
    const form = new FormData();
    for (const file of files) {
      form.append('files', file, file.name);
    }
    return api.post<UploadResult>(`/jobs/${id}/resumes`, form, { onUploadProgress: onProgress });
  },
  candidates: (id: number) =>
    api.get<{ candidates: Candidate[]; shortlist_threshold: number }>(`/jobs/${id}/candidates`),
  setCandidateStatus: (jobId: number, candidateId: number, status: CandidateStatus) =>
    api.patch<{ candidate: Candidate }>(`/jobs/${jobId}/candidates/${candidateId}`, { status }),
  /**
   * The URL of a job's progress stream. EventSource cannot send the Authorization header, so the stream takes a
   * one-minute ticket for this job instead of the access token (which never goes into a URL).
   */
  eventsUrl: async (id: number) => {
    const { ticket } = await api.post<Omit<StreamTicketResponse, 'ok'>>(`/jobs/${id}/events/ticket`, undefined, {
      quiet: true,
    });
    return `/jobs/${id}/events?ticket=${encodeURIComponent(ticket)}`;
  },
  stats: (jobId?: number) =>
    api.get<{ stats: Stats }>('/jobs/stats', { params: jobId === undefined ? undefined : { job_id: jobId } }),
};
