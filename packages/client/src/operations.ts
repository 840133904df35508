import { operationTable } from '@beeper-setup/contract';

export type OperationId = keyof typeof operationTable;
export type Operation = (typeof operationTable)[OperationId] & { id: OperationId };

const byRoute = new Map<string, Operation>(
  (Object.keys(operationTable) as OperationId[]).map((id) => {
    const operation = operationTable[id];
    return [`${operation.method.toUpperCase()} ${operation.path}`, { ...operation, id }];
  }),
);

/** The contract operation behind an openapi-fetch call, from its method and its path template. */
export function operationOf(method: string, pathTemplate: string): Operation | undefined {
  return byRoute.get(`${method.toUpperCase()} ${pathTemplate}`);
}
