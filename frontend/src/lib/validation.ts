import type { z } from 'zod';

/** The first message per top-level field from a failed zod parse, for inline form errors. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    if (!errors[key]) {
      errors[key] = issue.message;
    }
  }
  return errors;
}
