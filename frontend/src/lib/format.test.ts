import { describe, expect, it } from 'vitest';
import { formatCost, formatInteger, formatPercent, formatPhone, formatYears } from './format';

describe('number formatting', () => {
  it('groups thousands', () => {
    expect(formatInteger(1234567)).toBe('1,234,567');
  });
  it('keeps four decimals for sub-dollar LLM costs and two above', () => {
    expect(formatCost(0.0042)).toBe('$0.0042');
    expect(formatCost(12.5)).toBe('$12.50');
  });
  it('writes percentages as whole numbers with a space', () => {
    expect(formatPercent(82.4)).toBe('82 %');
    expect(formatPercent(null)).toBe('—');
  });
  it('writes years with one decimal', () => {
    expect(formatYears(5.56)).toBe('5.6 yrs');
    expect(formatYears(1)).toBe('1 yr');
  });
});

describe('formatPhone', () => {
  it('formats an international number the way people write it, and leaves what it cannot place as written', () => {
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958');
    expect(formatPhone('+1 415 555 0142')).toBe('+1 415 555 0142');
    expect(formatPhone('(415) 555-0142')).toBe('(415) 555-0142');
    expect(formatPhone(null)).toBe('—');
  });
});
