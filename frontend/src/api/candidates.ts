import {
  bulkStageResponseSchema,
  candidateDetailSchema,
  candidateHistoryEntrySchema,
  candidatePageSchema,
  candidateSchema,
  candidatesOverviewSchema,
  compareResponseSchema,
  jobSkillsResponseSchema,
  okEnvelope,
  type CandidateListQuery,
  type CandidateStage,
} from '@shortlist/contracts';
import { z } from 'zod';
import { api, downloadFile } from './client';

/** Query parameters as the server reads them: lists as comma lists, nothing for what is unset. */
export function toSearchParams(query: CandidateListQuery): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (text !== '') {
      params[key] = text;
    }
  }
  return params;
}

export const candidatesApi = {
  page: (jobId: number, query: CandidateListQuery) =>
    api.get(`/jobs/${jobId}/candidates`, { params: toSearchParams(query) }, candidatePageSchema),
  overview: (jobId: number) =>
    api.get(`/jobs/${jobId}/candidates/overview`, { quiet: true }, okEnvelope({ overview: candidatesOverviewSchema })),
  skills: (jobId: number) => api.get(`/jobs/${jobId}/candidates/skills`, { quiet: true }, jobSkillsResponseSchema),
  detail: (jobId: number, candidateId: number) =>
    api.get(`/jobs/${jobId}/candidates/${candidateId}`, {}, candidateDetailSchema),
  setStage: (jobId: number, candidateId: number, stage: CandidateStage, note?: string) =>
    api.patch(`/jobs/${jobId}/candidates/${candidateId}`, { stage, note }, {}, okEnvelope({ candidate: candidateSchema })),
  bulkStage: (jobId: number, candidateIds: number[], stage: CandidateStage) =>
    api.post(`/jobs/${jobId}/candidates/stage`, { candidate_ids: candidateIds, stage }, {}, bulkStageResponseSchema),
  addNote: (jobId: number, candidateId: number, body: string) =>
    api.post(`/jobs/${jobId}/candidates/${candidateId}/notes`, { body }, {}, okEnvelope({ entry: candidateHistoryEntrySchema })),
  compare: (jobId: number, candidateIds: number[]) =>
    api.get(`/jobs/${jobId}/candidates/compare`, { params: { ids: candidateIds.join(',') } }, compareResponseSchema),
  setBlindReview: (jobId: number, isOn: boolean) =>
    api.patch(`/jobs/${jobId}/review-settings`, { blind_review: isOn }, {}, okEnvelope({ blind_review: z.boolean() })),
  exportSelection: (jobId: number, candidateIds: number[], format: 'csv' | 'xlsx') =>
    downloadFile(`/export/job/${jobId}/selection`, `candidates.${format}`, {
      data: { candidate_ids: candidateIds, format },
    }),
};
