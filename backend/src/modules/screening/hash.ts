/**
 * FNV-1a (32-bit) of a string's UTF-16 code units: fast, and stable across runs and platforms, which stored
 * values built from it (lexical vectors, MinHash signatures) need — they must not change between restarts.
 */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
