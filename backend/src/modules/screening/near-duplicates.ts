/**
 * Near-duplicate resumes: the same person uploaded twice as different files — re-exported, renamed, one line
 * edited — or two files with the same e-mail address or phone number. The content check compares MinHash
 * signatures of 5-word shingles (stored in CandidateFeatures, identity already removed), so it needs no text.
 */
import type { CandidateFeatures } from '@shortlist/contracts';
import { fnv1a } from './hash';

const SHINGLE_WORDS = 5;
const HASHES = 64;
const PREFIX = 'mh1:';
/**
 * Estimated Jaccard similarity of shingles from which two resumes count as the same document. One changed
 * line keeps a short (100-word) resume near 0.8 and a full page above 0.9; different resumes share next to
 * no 5-word runs (near 0; a shared template's boilerplate adds little). 64 hashes estimate it within ±0.06.
 */
export const NEAR_DUPLICATE_SIMILARITY = 0.7;

// 32-bit mixing (murmur3 finaliser): one hash function per seed, stable across processes and platforms.
function mix(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + i * 0x7f4a7c15));

/** MinHash signature of a text's word shingles ("mh1:" + 64 × 8 hex digits). Whitespace and case do not matter. */
export function minhashSignature(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const mins = new Uint32Array(HASHES).fill(0xffffffff);
  const count = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < count && words.length > 0; i++) {
    const shingle = fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' '));
    for (let k = 0; k < HASHES; k++) {
      const h = mix(shingle ^ (SEEDS[k] ?? 0));
      if (h < (mins[k] ?? 0)) {
        mins[k] = h;
      }
    }
  }
  return PREFIX + Array.from(mins, (m) => m.toString(16).padStart(8, '0')).join('');
}

/** Estimated Jaccard similarity of two signatures (0..1), or null if either is missing or malformed. */
export function signatureSimilarity(a: string, b: string): number | null {
  if (!a.startsWith(PREFIX) || !b.startsWith(PREFIX) || a.length !== b.length || a.length !== PREFIX.length + HASHES * 8) {
    return null;
  }
  let same = 0;
  for (let k = 0; k < HASHES; k++) {
    const at = PREFIX.length + k * 8;
    same += Number(a.slice(at, at + 8) === b.slice(at, at + 8));
  }
  return same / HASHES;
}

/** A candidate as the duplicate check sees it: its stored features and its contact details. */
export type DuplicateProbe = Pick<CandidateFeatures, 'signature'> & { email?: string | null; phone?: string | null };

export interface NearDuplicateResult {
  isDuplicate: boolean;
  /** Why, in words a recruiter reads ("same e-mail address as …" is for the caller to add the name). */
  reason: string | null;
  /** Estimated share of identical content, 0..1 (null without signatures). */
  similarity: number | null;
}

const normalEmail = (e: string | null | undefined): string | null => (e ? e.trim().toLowerCase() : null);
// Compare the last 10 digits: "+91 98765 43210" and "098765-43210" are one number.
const normalPhone = (p: string | null | undefined): string | null => {
  const digits = (p ?? '').replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-10) : null;
};

/**
 * Whether `b` is a possible duplicate of `a`: the same e-mail address, the same phone number, or nearly the
 * same content (MinHash similarity ≥ NEAR_DUPLICATE_SIMILARITY). Pure; the caller compares a new candidate with
 * the job's earlier ones and flags it, rather than listing the person twice.
 */
export function nearDuplicate(a: DuplicateProbe, b: DuplicateProbe): NearDuplicateResult {
  const similarity = signatureSimilarity(a.signature, b.signature);
  const emailA = normalEmail(a.email);
  if (emailA && emailA === normalEmail(b.email)) {
    return { isDuplicate: true, reason: 'same e-mail address', similarity };
  }
  const phoneA = normalPhone(a.phone);
  if (phoneA && phoneA === normalPhone(b.phone)) {
    return { isDuplicate: true, reason: 'same phone number', similarity };
  }
  if (similarity !== null && similarity >= NEAR_DUPLICATE_SIMILARITY) {
    const share = Math.round(similarity * 100);
    return { isDuplicate: true, reason: share >= 100 ? 'same resume content' : `nearly the same resume (${share}% of its text in common)`, similarity };
  }
  return { isDuplicate: false, reason: null, similarity };
}

/** Bands of the signature for locality-sensitive hashing: 16 bands of 4 hashes each. */
const BANDS = 16;
const ROWS_PER_BAND = HASHES / BANDS;

/**
 * The signature's band keys. Two resumes sharing any band key are compared; with 16 bands of 4 hashes, a pair
 * at the duplicate threshold (similarity 0.7) shares at least one band with probability 1 − (1 − 0.7⁴)¹⁶ ≈ 0.99,
 * and unrelated resumes (similarity near 0) essentially never do. Empty for a malformed signature.
 */
export function signatureBands(signature: string): string[] {
  if (!signature.startsWith(PREFIX) || signature.length !== PREFIX.length + HASHES * 8) {
    return [];
  }
  return Array.from({ length: BANDS }, (_, b) => {
    const at = PREFIX.length + b * ROWS_PER_BAND * 8;
    return `${b}:${signature.slice(at, at + ROWS_PER_BAND * 8)}`;
  });
}
