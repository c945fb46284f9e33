import type { CandidateListQuery } from '@shortlist/contracts';
import { keepPreviousData, QueryClient, useQuery } from '@tanstack/react-query';
import { billingApi } from './billing';
import { candidatesApi } from './candidates';
import { ApiError } from './client';
import { jobsApi } from './jobs';
import { vocabularyApi } from './vocabulary';

/** Every server read goes through TanStack Query with these keys; a write invalidates what it changed. */
export const queryKeys = {
  jobs: ['jobs'] as const,
  job: (jobId: number) => ['job', jobId] as const,
  stats: (jobId?: number) => ['stats', jobId ?? 'all'] as const,
  billing: ['billing'] as const,
  /** Everything about one job's candidates (pages, overview, details, compare): invalidate this after a write. */
  candidates: (jobId: number) => ['candidates', jobId] as const,
  candidatePage: (jobId: number, query: CandidateListQuery) => ['candidates', jobId, 'page', query] as const,
  overview: (jobId: number) => ['candidates', jobId, 'overview'] as const,
  skills: (jobId: number) => ['candidates', jobId, 'skills'] as const,
  candidate: (jobId: number, candidateId: number) => ['candidates', jobId, 'detail', candidateId] as const,
  compare: (jobId: number, ids: number[]) => ['candidates', jobId, 'compare', ids] as const,
  skillVocabulary: (query: string) => ['vocabulary', 'skills', query.toLowerCase()] as const,
};

/** Retries only what a retry can fix (the network, a 5xx); a 4xx answer is the answer. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failures, error) =>
          failures < 2 && error instanceof ApiError && (error.code === 'NETWORK' || error.code === 'INTERNAL'),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

export const useJobsQuery = () => useQuery({ queryKey: queryKeys.jobs, queryFn: () => jobsApi.list() });

export const useJobQuery = (jobId: number, isEnabled = true) =>
  useQuery({ queryKey: queryKeys.job(jobId), queryFn: () => jobsApi.get(jobId), enabled: isEnabled });

/** Stats failing is not fatal to a page (the cards say so); no toast. */
export const useStatsQuery = (jobId?: number) =>
  useQuery({ queryKey: queryKeys.stats(jobId), queryFn: async () => (await jobsApi.stats(jobId)).stats });

export const useBillingQuery = () => useQuery({ queryKey: queryKeys.billing, queryFn: () => billingApi.overview() });

/** One page of candidates; the previous page stays on screen while the next loads (no flashing table). */
export const useCandidatePage = (jobId: number, query: CandidateListQuery) =>
  useQuery({
    queryKey: queryKeys.candidatePage(jobId, query),
    queryFn: () => candidatesApi.page(jobId, query),
    placeholderData: keepPreviousData,
  });

/**
 * Polled while the dashboard is open: notices processing started elsewhere (another tab, the API) and
 * candidates that changed, cheaply (the server counts per stage; no rows).
 */
export const useOverview = (jobId: number, pollMs: number) =>
  useQuery({
    queryKey: queryKeys.overview(jobId),
    queryFn: async () => (await candidatesApi.overview(jobId)).overview,
    refetchInterval: pollMs,
    refetchIntervalInBackground: false,
  });

export const useSkillSuggestions = (jobId: number) =>
  useQuery({
    queryKey: queryKeys.skills(jobId),
    queryFn: async () => (await candidatesApi.skills(jobId)).skills,
    staleTime: 60_000,
  });

export const useCandidateDetail = (jobId: number, candidateId: number) =>
  useQuery({ queryKey: queryKeys.candidate(jobId, candidateId), queryFn: () => candidatesApi.detail(jobId, candidateId) });

export const useCompare = (jobId: number, ids: number[]) =>
  useQuery({ queryKey: queryKeys.compare(jobId, ids), queryFn: () => candidatesApi.compare(jobId, ids), enabled: ids.length >= 2 });

/**
 * Vocabulary skills for what the recruiter is typing (the requirement editor); asked only for a non-blank query.
 * The vocabulary does not change while the app runs, so answers stay fresh.
 */
export const useSkillVocabulary = (query: string) =>
  useQuery({
    queryKey: queryKeys.skillVocabulary(query),
    queryFn: async () => (await vocabularyApi.searchSkills(query)).skills,
    enabled: query.trim() !== '',
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
