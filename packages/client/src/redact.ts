const redacted = '[redacted]';

/**
 * A pattern for every secret the request carried, its bearer token and the body fields the contract marks
 * `format: password`: each as sent, without whitespace (keys are typed both ways) and URL-encoded, in any case.
 * `undefined` when the request carried none.
 */
export function secretPattern(request: Request, body: string | undefined, secretFields: readonly string[]): RegExp | undefined {
  const values: unknown[] = [request.headers.get('authorization')?.replace(/^Bearer\s+/i, '')];
  if (body !== undefined && secretFields.length > 0) {
    try {
      const fields = JSON.parse(body) as Record<string, unknown> | null;
      values.push(...secretFields.map((field) => fields?.[field]));
    } catch {
      values.push(body); // not JSON, so no field can be told apart: all of it is secret
    }
  }
  const variants = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    for (const variant of [value, value.replace(/\s+/g, '')]) if (variant) variants.add(variant).add(encodeURIComponent(variant));
  }
  if (variants.size === 0) return undefined;
  // Longest first, so a secret is never half-replaced by a shorter one inside it.
  const alternatives = [...variants].sort((a, b) => b.length - a.length).map((variant) => variant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(alternatives.join('|'), 'gi');
}

/** A copy of `value` with every secret replaced, in every string it holds, keys included. */
export function redact<T>(value: T, secrets: RegExp | undefined): T {
  if (!secrets) return value;
  if (typeof value === 'string') return value.replace(secrets, redacted) as T;
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key, secrets), redact(item, secrets)])) as T;
  }
  return value;
}

/** A JSON text with every secret replaced, also where the server escaped it; any other text, replaced as it is. */
export function redactText(text: string, secrets: RegExp | undefined): string {
  try {
    return JSON.stringify(redact(JSON.parse(text), secrets));
  } catch {
    return redact(text, secrets);
  }
}
