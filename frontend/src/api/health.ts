import { api } from './client';

export interface Health {
  status: string;
  version: string;
  database: { dialect: 'sqlite' | 'mysql'; reachable: boolean };
  embedder: { kind: 'minilm' | 'lexical'; description: string };
  vector_index: 'faiss' | 'exact';
  semantic_model_available: boolean;
}

export const healthApi = {
  // Quiet: a failing probe must not toast on every page; the banner logic decides what to show.
  get: () => api.get<Health>('/health', { quiet: true, skipSessionExpiry: true }),
};
