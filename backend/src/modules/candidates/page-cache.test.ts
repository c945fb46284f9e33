import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache';

describe('PageCache', () => {
  it('drops the least recently used entry beyond its entry bound', () => {
    const cache = new PageCache(2, 1000);
    cache.set('a', '1');
    cache.set('b', '2');
    expect(cache.get('a')).toBe('1');
    cache.set('c', '3');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['1', undefined, '3']);
  });

  it('stays within its byte bound and never keeps a value larger than it', () => {
    const cache = new PageCache(10, 10);
    cache.set('a', '12345');
    cache.set('b', '67890');
    cache.set('c', 'xyz');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, '67890', 'xyz']);
    cache.set('huge', 'x'.repeat(11));
    expect(cache.get('huge')).toBeUndefined();
    cache.set('b', 'bb');
    expect(cache.get('b')).toBe('bb');
    expect(cache.size).toBe(2);
  });
});
