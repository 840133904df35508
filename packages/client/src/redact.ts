const redacted = '[redacted]';

/** The secrets to keep out of errors and logs: each value, and the same without whitespace (keys are typed both ways). */
export function secretVariants(values: Iterable<unknown>): string[] {
  const variants = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string' || !value) continue;
    variants.add(value);
    const compact = value.replace(/\s+/g, '');
    if (compact) variants.add(compact);
  }
  // Longest first, so a secret is never half-replaced by a shorter one inside it.
  return [...variants].sort((a, b) => b.length - a.length);
}

/** A copy of `value` with every secret replaced, in every string it holds. */
export function redact<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.replaceAll(secret, redacted), value as string) as T;
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item, secrets)])) as T;
  }
  return value;
}
