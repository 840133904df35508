import { operationTable, type OperationId } from '@beeper-setup/contract';
import { contractDocument } from '@beeper-setup/validator';

interface Operation {
  responses: Record<string, { content: Record<string, { examples: Record<string, { value: unknown }> }> }>;
}

/** A named example of an operation's JSON response in the bundled contract. */
export function responseExample<Value>(operationId: OperationId, status: number, name: string): Value {
  const { path, method } = operationTable[operationId];
  const operation = (contractDocument as { paths: Record<string, Record<string, Operation>> }).paths[path]![method]!;
  const example = operation.responses[String(status)]?.content['application/json']?.examples[name];
  if (!example) throw new Error(`The contract has no ${status} example "${name}" for ${operationId}`);
  return example.value as Value;
}
