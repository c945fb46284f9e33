/**
 * Per-job vector index over unit-length vectors (inner product = cosine). In memory only, never written to
 * disk; the pipeline creates one per job and disposes it when the job completes.
 *
 * FAISS (`IndexFlatIP` via faiss-node) when its native module loads, else exact search in plain code with
 * the same results. faiss-node is not a declared dependency that always installs: `npm run build:faiss`
 * builds it against the system FAISS (see scripts/build-faiss.sh), so it is loaded at run time and its
 * absence is a reported state, not an error.
 */
import { createRequire } from 'node:module';

export interface VectorHit {
  /** Insertion order of the vector, 0-based across all `add` calls. */
  position: number;
  /** Inner product with the query (cosine for unit vectors). */
  score: number;
}

export interface VectorIndex {
  readonly kind: 'faiss' | 'exact';
  readonly dimension: number;
  readonly size: number;
  add(vectors: Float32Array[]): void;
  /** Up to `k` hits, best first; fewer when the index holds fewer vectors. */
  search(query: Float32Array, k: number): VectorHit[];
  dispose(): void;
}

export interface VectorIndexBackend {
  kind: 'faiss' | 'exact';
  /** One line for the log and /health. */
  description: string;
}

// The slice of faiss-node's API used here; typed locally so the code compiles where faiss-node is absent.
interface FaissIndexFlatIP {
  add(x: number[]): void;
  ntotal(): number;
  search(x: number[], k: number): { distances: number[]; labels: number[] };
}
interface FaissModule {
  IndexFlatIP: new (dimension: number) => FaissIndexFlatIP;
}

let faissModule: FaissModule | null | undefined;
let faissLoadError = '';

function loadFaiss(): FaissModule | null {
  if (faissModule === undefined) {
    try {
      // Synchronous on purpose: createVectorIndex is sync, and a CommonJS native addon loads via require anyway.
      const loaded = createRequire(import.meta.url)('faiss-node') as Partial<FaissModule>;
      if (typeof loaded.IndexFlatIP !== 'function') {
        throw new Error('faiss-node has no IndexFlatIP export');
      }
      faissModule = loaded as FaissModule;
    } catch (err) {
      faissModule = null;
      faissLoadError = err instanceof Error ? err.message.split('\n')[0] ?? err.message : String(err);
    }
  }
  return faissModule;
}

/** Which implementation createVectorIndex will use, and why. Loads faiss-node on first call. */
export function vectorIndexBackend(): VectorIndexBackend {
  if (loadFaiss()) {
    return { kind: 'faiss', description: 'FAISS IndexFlatIP (faiss-node)' };
  }
  return {
    kind: 'exact',
    description: `exact inner-product search in JavaScript (faiss-node not loadable: ${faissLoadError}; run \`npm run build:faiss\`)`,
  };
}

function checkDimension(vector: Float32Array, dimension: number): void {
  if (vector.length !== dimension) {
    throw new Error(`Vector has dimension ${vector.length}, index expects ${dimension}`);
  }
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 0) {
    throw new Error(`k must be a non-negative integer, got ${k}`);
  }
}

class DisposedError extends Error {
  constructor() {
    super('Vector index used after dispose()');
  }
}

class ExactVectorIndex implements VectorIndex {
  readonly kind = 'exact' as const;
  private vectors: Float32Array[] | null = [];

  constructor(readonly dimension: number) {}

  get size(): number {
    return this.vectors?.length ?? 0;
  }

  add(vectors: Float32Array[]): void {
    const store = this.live();
    for (const v of vectors) {
      checkDimension(v, this.dimension);
    }
    // Copies, so a caller reusing its buffers cannot change what was indexed (FAISS copies too).
    store.push(...vectors.map((v) => Float32Array.from(v)));
  }

  search(query: Float32Array, k: number): VectorHit[] {
    const store = this.live();
    checkDimension(query, this.dimension);
    checkK(k);
    const hits: VectorHit[] = store.map((v, position) => {
      let dot = 0;
      for (let i = 0; i < v.length; i++) {
        dot += (v[i] ?? 0) * (query[i] ?? 0);
      }
      return { position, score: dot };
    });
    // Ties keep insertion order, as FAISS does.
    hits.sort((a, b) => b.score - a.score || a.position - b.position);
    return hits.slice(0, k);
  }

  dispose(): void {
    this.vectors = null;
  }

  private live(): Float32Array[] {
    if (!this.vectors) {
      throw new DisposedError();
    }
    return this.vectors;
  }
}

class FaissVectorIndex implements VectorIndex {
  readonly kind = 'faiss' as const;
  private index: FaissIndexFlatIP | null;

  constructor(
    faiss: FaissModule,
    readonly dimension: number,
  ) {
    this.index = new faiss.IndexFlatIP(dimension);
  }

  get size(): number {
    return this.index?.ntotal() ?? 0;
  }

  add(vectors: Float32Array[]): void {
    const index = this.live();
    if (vectors.length === 0) {
      return;
    }
    const flat = new Array<number>(vectors.length * this.dimension);
    vectors.forEach((v, row) => {
      checkDimension(v, this.dimension);
      for (let i = 0; i < this.dimension; i++) {
        flat[row * this.dimension + i] = v[i] ?? 0;
      }
    });
    index.add(flat);
  }

  search(query: Float32Array, k: number): VectorHit[] {
    const index = this.live();
    checkDimension(query, this.dimension);
    checkK(k);
    // FAISS rejects k > ntotal; fewer hits than asked is the interface's contract.
    const kEffective = Math.min(k, index.ntotal());
    if (kEffective === 0) {
      return [];
    }
    const { distances, labels } = index.search(Array.from(query), kEffective);
    const hits: VectorHit[] = [];
    labels.forEach((label, i) => {
      if (label >= 0) {
        hits.push({ position: label, score: distances[i] ?? 0 });
      }
    });
    return hits;
  }

  dispose(): void {
    // faiss-node frees the native index when the wrapper is garbage-collected; dropping it is all we can do.
    this.index = null;
  }

  private live(): FaissIndexFlatIP {
    if (!this.index) {
      throw new DisposedError();
    }
    return this.index;
  }
}

/**
 * A new, empty index for unit-length vectors of `dimension`. FAISS when loadable, else exact search;
 * `prefer: 'exact'` forces plain code (tests compare the two).
 */
export function createVectorIndex(dimension: number, opts: { prefer?: 'faiss' | 'exact' } = {}): VectorIndex {
  if (!Number.isInteger(dimension) || dimension <= 0) {
    throw new Error(`dimension must be a positive integer, got ${dimension}`);
  }
  const faiss = opts.prefer === 'exact' ? null : loadFaiss();
  return faiss ? new FaissVectorIndex(faiss, dimension) : new ExactVectorIndex(dimension);
}
