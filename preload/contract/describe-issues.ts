import type { z } from 'zod';

/** A short, human message for a validation failure: up to five "path: problem" parts. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
