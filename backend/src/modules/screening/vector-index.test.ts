import { describe, expect, it } from 'vitest';
import { createVectorIndex, vectorIndexBackend } from './vector-index.js';

function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function randomUnitVectors(count: number, dimension: number, seed: number): Float32Array[] {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: dimension }, () => rand() * 2 - 1);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

const backend = vectorIndexBackend();

describe('createVectorIndex', () => {
  it('reports the implementation it uses', () => {
    const index = createVectorIndex(8);
    expect(index.kind).toBe(backend.kind);
    expect(createVectorIndex(8, { prefer: 'exact' }).kind).toBe('exact');
    expect(backend.description.length).toBeGreaterThan(0);
  });

  it('finds the nearest vectors by inner product, best first', () => {
    const index = createVectorIndex(3, { prefer: 'exact' });
    index.add([Float32Array.of(1, 0, 0), Float32Array.of(0, 1, 0), Float32Array.of(0.6, 0.8, 0)]);
    const hits = index.search(Float32Array.of(0, 1, 0), 2);
    expect(hits.map((h) => h.position)).toEqual([1, 2]);
    expect(hits[1]?.score).toBeCloseTo(0.8, 5);
  });

  it('returns fewer hits than k when the index holds fewer vectors, and none when empty', () => {
    for (const prefer of ['faiss', 'exact'] as const) {
      const index = createVectorIndex(4, { prefer });
      expect(index.search(Float32Array.of(1, 0, 0, 0), 5)).toEqual([]);
      index.add(randomUnitVectors(3, 4, 7));
      expect(index.search(Float32Array.of(1, 0, 0, 0), 5)).toHaveLength(3);
      expect(index.size).toBe(3);
    }
  });

  it('numbers positions across several add calls', () => {
    for (const prefer of ['faiss', 'exact'] as const) {
      const index = createVectorIndex(2, { prefer });
      index.add([Float32Array.of(1, 0)]);
      index.add([Float32Array.of(0, 1)]);
      expect(index.search(Float32Array.of(0, 1), 1)[0]?.position).toBe(1);
    }
  });

  it('rejects vectors of the wrong dimension and use after dispose', () => {
    const index = createVectorIndex(3);
    expect(() => index.add([Float32Array.of(1, 0)])).toThrow(/dimension 2/);
    index.dispose();
    expect(() => index.search(Float32Array.of(1, 0, 0), 1)).toThrow(/dispose/);
  });

  // A clone without `npm run build:faiss` has no FAISS to compare; CI builds it, so there it must run.
  it.skipIf(backend.kind !== 'faiss' && process.env['CI'] !== 'true')(
    'gives the same ranking and scores with FAISS as with exact search',
    () => {
      const vectors = randomUnitVectors(500, 64, 42);
      const queries = randomUnitVectors(10, 64, 99);
      const faiss = createVectorIndex(64, { prefer: 'faiss' });
      const exact = createVectorIndex(64, { prefer: 'exact' });
      expect(faiss.kind).toBe('faiss');
      faiss.add(vectors);
      exact.add(vectors);
      for (const q of queries) {
        const a = faiss.search(q, 20);
        const b = exact.search(q, 20);
        expect(a.map((h) => h.position)).toEqual(b.map((h) => h.position));
        a.forEach((hit, i) => expect(hit.score).toBeCloseTo(b[i]?.score ?? NaN, 4));
      }
      faiss.dispose();
      exact.dispose();
    },
  );
});
