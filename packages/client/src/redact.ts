const redacted = '[redacted]';

/** The secrets a request carried: its bearer token and the body fields the contract marks `format: password`. */
export function secretsOf(request: Request, body: string | undefined, secretFields: readonly string[]): string[] {
  const values: unknown[] = [request.headers.get('authorization')?.replace(/^Bearer\s+/i, '')];
  if (body !== undefined && secretFields.length > 0) {
    try {
      const fields = JSON.parse(body) as Record<string, unknown> | null;
      values.push(...secretFields.map((field) => fields?.[field]));
    } catch {
      values.push(body); // not JSON, so no field can be told apart: all of it is secret
    }
  }
  return secretVariants(values);
}

/** Each secret, and the same without whitespace (keys are typed both ways), longest first. */
function secretVariants(values: Iterable<unknown>): string[] {
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

/** A copy of `value` with every secret replaced, in every string it holds, keys included. */
export function redact<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.replaceAll(secret, redacted), value as string) as T;
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key, secrets), redact(item, secrets)])) as T;
  }
  return value;
}

/** A JSON text with every secret replaced, also where the server escaped it; any other text, replaced as it is. */
export function redactText(text: string, secrets: readonly string[]): string {
  try {
    return JSON.stringify(redact(JSON.parse(text), secrets));
  } catch {
    return redact(text, secrets);
  }
}
