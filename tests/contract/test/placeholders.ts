// What legitimately differs between two runs of the same flow: values the simulator draws at random. Each becomes a
// placeholder named after its field and numbered in order of first appearance, so that equal values stay equal and
// different ones stay different.

/** Fields whose value is drawn at random: IDs, tokens, keys, and what the SAS and QR methods derive from secrets. */
const randomFields = new Set(['setupRequestID', 'leadToken', 'accessToken', 'deviceID', 'id', 'recoveryKey', 'emojis', 'decimals', 'data']);

/** A copy of `value` with the random fields' values replaced; one numbering for the whole value. */
export function withPlaceholders<Value>(value: Value): Value {
  const placeholders = new Map<string, string>();
  const placeholderOf = (field: string, random: string) => {
    if (!placeholders.has(random)) placeholders.set(random, `<${field} ${placeholders.size + 1}>`);
    return placeholders.get(random)!;
  };
  const replaced = (node: unknown, field?: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => replaced(item));
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, replaced(child, key)]));
    return field !== undefined && randomFields.has(field) && typeof node === 'string' ? placeholderOf(field, node) : node;
  };
  return replaced(value) as Value;
}
