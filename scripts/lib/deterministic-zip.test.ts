import { describe, expect, it } from 'vitest';
import { normalizeZip, readZip, writeZip } from './deterministic-zip.js';

const encoder = new TextEncoder();
const entries = [
  { name: '[Content_Types].xml', data: encoder.encode('<Types/>') },
  {
    name: 'docProps/core.xml',
    data: encoder.encode('<dcterms:created>2031-05-05T10:00:00Z</dcterms:created>'),
  },
];

describe('deterministic zip', () => {
  it('reads back exactly what it wrote', () => {
    const read = readZip(writeZip(entries, new Date(Date.UTC(2026, 0, 15))));
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    expect(read.map((e) => new TextDecoder().decode(e.data))).toEqual(
      entries.map((e) => new TextDecoder().decode(e.data)),
    );
  });

  it('makes archives that differ only in timestamps byte-identical', () => {
    const early = writeZip(entries, new Date(Date.UTC(2024, 2, 1, 8, 30)));
    const late = writeZip(entries, new Date(Date.UTC(2025, 6, 9, 17, 45)));
    expect(Buffer.from(early).equals(Buffer.from(late))).toBe(false);
    const fixed = new Date(Date.UTC(2026, 0, 15));
    expect(Buffer.from(normalizeZip(early, fixed)).equals(Buffer.from(normalizeZip(late, fixed)))).toBe(true);
  });

  it('rewrites XML entries on the way through', () => {
    const out = normalizeZip(writeZip(entries, new Date()), new Date(Date.UTC(2026, 0, 15)), (name, text) =>
      name === 'docProps/core.xml' ? text.replace('2031', '2026') : text,
    );
    const core = readZip(out).find((e) => e.name === 'docProps/core.xml');
    expect(new TextDecoder().decode(core?.data)).toContain('2026-05-05');
  });

  it('rejects bytes that are not a ZIP archive', () => {
    expect(() => readZip(encoder.encode('%PDF-1.7 not a zip at all, just some text'))).toThrow(/not a ZIP/);
  });
});
