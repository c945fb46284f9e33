import { okEnvelope } from '@shortlist/contracts';
import { z } from 'zod';
import { api } from './client';

/** How many suggestions the requirement editor asks for (the server allows up to 25). */
export const SKILL_SUGGESTION_LIMIT = 8;

export const vocabularyApi = {
  /** Canonical skill names whose name or alias contains `query` ("k8s" → Kubernetes), best first. */
  searchSkills: (query: string, limit = SKILL_SUGGESTION_LIMIT) =>
    api.get('/vocabulary/skills', { params: { q: query, limit }, quiet: true }, okEnvelope({ skills: z.array(z.string()) })),
};
