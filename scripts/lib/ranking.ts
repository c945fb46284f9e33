/** Ranking metrics and a BM25 baseline for scripts/eval-matching.ts. */
import { lexicalTerms } from '../../backend/src/modules/screening/lexical';

/** NDCG@k of `ranked` (item ids, best first) against graded relevance (missing = 0), linear gains. */
export function ndcgAtK(ranked: readonly string[], relevance: ReadonlyMap<string, number>, k: number): number {
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + (relevance.get(id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...relevance.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((s, rel, i) => s + rel / Math.log2(i + 2), 0);
  return idcg > 0 ? dcg / idcg : 0;
}

export function precisionAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

/** Item ids sorted by score, best first (ties broken by id so runs are repeatable). */
export function rankBy(scores: ReadonlyMap<string, number>): string[] {
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) {
    return NaN;
  }
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))));
  return sorted[idx] ?? NaN;
}

/** Okapi BM25 (k1 1.2, b 0.75) of one query against a pool of documents, IDF from that pool. */
export function bm25Scores(query: string, documents: ReadonlyMap<string, string>): Map<string, number> {
  const k1 = 1.2;
  const b = 0.75;
  const docTerms = new Map<string, Map<string, number>>();
  const lengths = new Map<string, number>();
  const df = new Map<string, number>();
  for (const [id, text] of documents) {
    const terms = lexicalTerms(text);
    const tf = new Map<string, number>();
    for (const t of terms) {
      tf.set(t, (tf.get(t) ?? 0) + 1);
    }
    docTerms.set(id, tf);
    lengths.set(id, terms.length);
    for (const t of tf.keys()) {
      df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  const n = documents.size;
  const avgLength = mean([...lengths.values()]) || 1;
  const queryTerms = new Set(lexicalTerms(query));
  const scores = new Map<string, number>();
  for (const [id, tf] of docTerms) {
    const len = lengths.get(id) ?? 0;
    let score = 0;
    for (const t of queryTerms) {
      const f = tf.get(t) ?? 0;
      if (f > 0) {
        const d = df.get(t) ?? 0;
        const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
        score += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * len) / avgLength));
      }
    }
    scores.set(id, score);
  }
  return scores;
}

/** Average precision of `ranked` (best first) against a set of relevant ids: mean of P@k at each relevant hit. */
export function averagePrecision(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  if (relevant.size === 0) {
    return NaN;
  }
  let hits = 0;
  let sum = 0;
  ranked.forEach((id, i) => {
    if (relevant.has(id)) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / relevant.size;
}

/** TF-IDF cosine (log tf, idf from the pool) of one query against a pool of documents. */
export function tfidfScores(query: string, documents: ReadonlyMap<string, string>): Map<string, number> {
  const docTf = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  for (const [id, text] of documents) {
    const tf = new Map<string, number>();
    for (const t of lexicalTerms(text)) {
      tf.set(t, (tf.get(t) ?? 0) + 1);
    }
    docTf.set(id, tf);
    for (const t of tf.keys()) {
      df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  const n = documents.size;
  const weigh = (tf: Map<string, number>): Map<string, number> => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, f] of tf) {
      const w = (1 + Math.log(f)) * Math.log((n + 1) / ((df.get(t) ?? 0) + 1));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) {
      v.set(t, w / norm);
    }
    return v;
  };
  const qtf = new Map<string, number>();
  for (const t of lexicalTerms(query)) {
    qtf.set(t, (qtf.get(t) ?? 0) + 1);
  }
  const q = weigh(qtf);
  const scores = new Map<string, number>();
  for (const [id, tf] of docTf) {
    const d = weigh(tf);
    let s = 0;
    for (const [t, w] of q) {
      s += w * (d.get(t) ?? 0);
    }
    scores.set(id, s);
  }
  return scores;
}
