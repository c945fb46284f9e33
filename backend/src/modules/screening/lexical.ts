/**
 * Lexical similarity fallback for when MiniLM cannot be loaded: a feature-hashed bag of word stems plus
 * canonical skills, in a fixed-dimension unit vector, so the same vector index and cosine scoring work
 * unchanged. A word counts by BM25-saturated frequency × how much it says about a job (its IDF over the O*NET
 * occupations, vocabulary/term-weights.json): "hadoop" and "surveying" far more than "manage" or "team"; a
 * word no occupation uses (a name, a town, a typo) not at all. It sees shared vocabulary, not meaning — the
 * score's semantic rescaling has its own (lower) cosine range for it (score.ts SEMANTIC_RANGES.lexical).
 */
import { findSkills } from './skills.js';
import { readTermWeightsFile } from './vocabulary/load.js';
import { fnv1a } from './hash.js';

export const LEXICAL_DIMENSION = 4096;
/**
 * Bumped whenever a change here (or to the term weights) makes new vectors incomparable with stored ones:
 * stored vectors carry the embedder's id (`lexical@N`), and re-scoring leaves out a similarity whose vectors
 * came from another version.
 */
export const LEXICAL_VERSION = 2;

// BM25 term-frequency saturation: the 5th mention of "java" adds far less than the 1st.
const BM25_K1 = 1.2;
// A canonical skill (synonym-aware: `k8s` and `kubernetes` are one feature) counts as much as this many
// ordinary words — skills are what JD/resume overlap should be about.
const SKILL_FEATURE_WEIGHT = 3;

// Function words plus words every resume and JD uses; they carry no signal about fit. Checked against the
// word as written and its stem.
const STOP = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each etc few for from further had has have having he her here hers him his how ' +
    'i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over ' +
    'own per same she should so some such than that the their them then there these they this those through to too under ' +
    'until up upon very via was we were what when where which while who whom why will with within without would you your ' +
    'yours yourself us well ie eg ' +
    // resume/JD boilerplate
    'experience experienced year years month months work worked working job jobs role roles responsible responsibility ' +
    'responsibilities skill skills ability abilities knowledge strong good excellent team teams company companies candidate ' +
    'candidates position required requirement requirements prefer preferred must plus include including new use used using ' +
    'ensure provide various across opportunity opportunities employment apply applicant resume detail details name email ' +
    'phone address date present current curriculum vitae'
  ).split(/\s+/),
);

/** Crude suffix stripping (a Porter step 1 subset): development/developer/developing → develop. */
export function stem(word: string): string {
  let w = word;
  for (const suffix of ['ational', 'ization', 'ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ities', 'ity', 'ness', 'ers', 'er', 'ies', 'ed', 'es', 's', 'e']) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      if (suffix === 'ies') {
        w += 'y';
      }
      break;
    }
  }
  return w;
}

/** Lower-cased word stems without stop words; keeps tech spellings like c++, c#, node.js, .net. */
export function lexicalTerms(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z][a-z0-9]*(?:[.+#-][a-z0-9+#]+)*[+#]*|\.net\b/g) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    const term = /[.+#]/.test(word) ? word : stem(word);
    if (term.length >= 2 && !STOP.has(word) && !STOP.has(term)) {
      terms.push(term);
    }
  }
  return terms;
}

function addFeature(vector: Float32Array, feature: string, weight: number): void {
  const h = fnv1a(feature);
  // The sign bit makes hash collisions cancel on average instead of always inflating the cosine.
  const sign = h & 0x80000000 ? -1 : 1;
  const slot = h % vector.length;
  vector[slot] = (vector[slot] ?? 0) + sign * weight;
}

let termWeights: Map<string, number> | undefined;

/** How much a word stem says about a job, 0..1 (0 for a word no O*NET occupation uses). */
export function termWeight(term: string): number {
  if (!termWeights) {
    const file = readTermWeightsFile();
    termWeights = new Map(file.terms.map((t, i) => [t, file.weights[i] ?? 0]));
  }
  return termWeights.get(term) ?? 0;
}

/** Unit-length lexical vector of `text` (all zeros for text without terms). */
export function lexicalVector(text: string, dimension = LEXICAL_DIMENSION): Float32Array {
  const counts = new Map<string, number>();
  for (const term of lexicalTerms(text)) {
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const vector = new Float32Array(dimension);
  for (const [term, tf] of counts) {
    const weight = termWeight(term);
    if (weight > 0) {
      addFeature(vector, `w:${term}`, (weight * tf * (BM25_K1 + 1)) / (tf + BM25_K1));
    }
  }
  for (const skill of findSkills(text)) {
    addFeature(vector, `s:${skill}`, SKILL_FEATURE_WEIGHT);
  }
  let norm = 0;
  for (const x of vector) {
    norm += x * x;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) {
    for (let i = 0; i < vector.length; i++) {
      vector[i] = (vector[i] ?? 0) / norm;
    }
  }
  return vector;
}
