// What the reference must show, read from the bundled contract it is rendered from.
import { createRequire } from 'node:module';

interface Operation {
  operationId: string;
  summary: string;
  method: string;
  tag: string;
}

const document = createRequire(import.meta.url)('@beeper-setup/contract/openapi.json');

export const operations: Operation[] = Object.values(document.paths as Record<string, Record<string, any>>).flatMap(
  (pathItem) =>
    Object.entries(pathItem)
      .filter(([, operation]) => operation.operationId)
      .map(([method, operation]) => ({
        operationId: operation.operationId,
        summary: operation.summary,
        method,
        tag: operation.tags[0],
      })),
);

export const servers: { url: string; description: string }[] = document.servers;

export const problemProperties: string[] = Object.keys(document.components.schemas.Problem.properties);
