import { describe, expect, it } from 'vitest';
import { neutraliseCell, slugify } from './export.service';

describe('neutraliseCell', () => {
  it('prefixes a quote to text a spreadsheet would run as a formula', () => {
    expect(neutraliseCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutraliseCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(neutraliseCell('-2+3')).toBe("'-2+3");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('\t=1')).toBe("'\t=1");
    expect(neutraliseCell('\rcmd')).toBe("'\rcmd");
    expect(neutraliseCell('  =1+1')).toBe("'  =1+1");
  });

  it('leaves ordinary text alone, including formula characters later in the cell', () => {
    expect(neutraliseCell('Zoë Müller')).toBe('Zoë Müller');
    expect(neutraliseCell('dana@example.com')).toBe('dana@example.com');
    expect(neutraliseCell('C++, C#')).toBe('C++, C#');
    expect(neutraliseCell('')).toBe('');
  });
});

describe('slugify', () => {
  it('turns a job title into a lower-case ASCII file-name part', () => {
    expect(slugify('Senior Backend Engineer (Zürich)')).toBe('senior-backend-engineer-zurich');
    expect(slugify('  C++ / Rust dev!! ')).toBe('c-rust-dev');
  });

  it('never returns an empty or over-long slug', () => {
    expect(slugify('!!!')).toBe('job');
    expect(slugify('日本語')).toBe('job');
    const long = slugify('a'.repeat(50) + ' ' + 'b'.repeat(50));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith('-')).toBe(false);
  });
});
