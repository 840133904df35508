// The contract's verdict on an exchange without Prism, from @beeper-setup/validator: what `prism proxy --errors`
// checks, so that the in-process transports are held to the same contract.
import { findOperation, operationTable, type OperationId } from '@beeper-setup/contract';
import { validateRequestBody, validateResponse, type Validation } from '@beeper-setup/validator';
import type { Judge } from './transport.js';

export const validatorVerdict: Judge = async ({ request, schemaPath, response }) => {
  const operation = findOperation(request.method, schemaPath);
  if (operation === undefined) return 'the contract has no such operation';
  const problems = [...(await requestProblems(operation, request)), ...(await responseProblems(operation, response))];
  return problems.length > 0 ? problems.join('; ') : undefined;
};

async function requestProblems(operation: OperationId, request: Request): Promise<string[]> {
  const { auth, body } = operationTable[operation];
  const problems: string[] = [];
  if (auth === 'required' && !request.headers.has('authorization')) problems.push('request: no bearer token');
  const text = await request.clone().text();
  if (body === 'required' && text === '') problems.push('request: no body');
  if (body !== 'none' && text !== '') problems.push(...described('request', validateRequestBody(operation, JSON.parse(text))));
  return problems;
}

async function responseProblems(operation: OperationId, response: Response): Promise<string[]> {
  const text = await response.clone().text();
  const validation = validateResponse(operation, { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) });
  // A problem document the contract declares is still a server error: no flow may end in one.
  return [...described('response', validation), ...(response.status >= 500 ? [`response: ${text}`] : [])];
}

const described = (part: string, validation: Validation) => (validation.valid ? [] : [`${part}: ${JSON.stringify(validation.errors)}`]);
