import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';

describe('normalizeText', () => {
  it('turns NBSP, tabs, CR and zero-width characters into plain spaces and newlines', () => {
    expect(normalizeText('Leo\u00a0\tLeopard\r\nLa\u200bVerne,\u2009CA\rUSA\ufeff')).toBe(
      'Leo Leopard\nLaVerne, CA\nUSA',
    );
  });

  it('expands typographic ligatures', () => {
    expect(normalizeText('\ufb01nance \ufb02ow o\ufb00er e\ufb03cient ba\ufb04e')).toBe(
      'finance flow offer efficient baffle',
    );
  });

  it('removes soft hyphens, including inside phone numbers', () => {
    expect(normalizeText('inter\u00adnational (909) 555-\u00ad\u20105555')).toBe(
      'international (909) 555-5555',
    );
  });

  it('strips bullets and icon glyphs at line start and keeps them as separators between fields', () => {
    const raw =
      '• Built APIs\n● Led a team\n▪ Shipped\n\uf0b7 Tested\n\uf095 +1 415 555 0132 \uf0e0 a@b.co\nStripe • San Francisco, CA';
    expect(normalizeText(raw)).toBe(
      'Built APIs\nLed a team\nShipped\nTested\n+1 415 555 0132 | a@b.co\nStripe | San Francisco, CA',
    );
  });

  it('repairs UTF-8 read as Windows-1252 or Latin-1 (mojibake bullets, dashes, accents)', () => {
    expect(normalizeText('â€¢ Python\nâ\u0080¢ Go\n2019 â€“ 2021\nJosÃ© MÃ¼ller')).toBe(
      'Python\nGo\n2019 – 2021\nJosé Müller',
    );
  });

  it('keeps lines, trims them and caps blank-line runs at one', () => {
    expect(normalizeText('  Jane Roe  \n\n\n\nSkills:   Go  \n')).toBe('Jane Roe\n\nSkills: Go');
  });

  it('leaves ordinary accented text untouched', () => {
    expect(normalizeText('Ãlvaro Ça va Ü')).toBe('Ãlvaro Ça va Ü');
  });
});
