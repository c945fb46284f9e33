import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `12,345` */
export function formatInteger(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : integer.format(value);
}

/**
 * LLM costs are fractions of a cent, so small amounts keep 4 decimals (`$0.0042`); larger ones read as money
 * (`$12.50`).
 */
export function formatCost(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '—';
  }
  if (value === 0) {
    return '$0.00';
  }
  const digits = Math.abs(value) < 1 ? 4 : 2;
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** `82 %` — whole percent with a thin gap, as in the spec; `82.5` rounds to `83 %`. */
export function formatPercent(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '—';
  }
  return `${value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })} %`;
}

/** `5.5 yrs`, `1 yr` */
export function formatYears(value: number | null | undefined): string {
  if (value === null || value === undefined) {
    return '—';
  }
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'yr' : 'yrs'}`;
}

export function formatMoneyCents(cents: number, currency = 'usd'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(
    cents / 100,
  );
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso.includes('T') || iso.endsWith('Z') ? iso : `${iso.replace(' ', 'T')}Z`);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A phone number as people read it: `+442079460958` → `+44 20 7946 0958`. Numbers without a country code
 * (or that libphonenumber cannot place) are shown as the resume wrote them.
 */
export function formatPhone(raw: string | null | undefined): string {
  if (!raw) {
    return '—';
  }
  const parsed = parsePhoneNumberFromString(raw);
  return parsed && parsed.isValid() ? parsed.formatInternational() : raw;
}
