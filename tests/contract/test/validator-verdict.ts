// The contract's verdict on an exchange without Prism: what `prism proxy --errors` checks, so that the in-process
// transports are held to the same contract. The answer is judged by the testing kit, the request here.
import { findOperation, operationTable, type OperationId } from '@beeper-setup/contract';
import { exchangeViolation } from '@beeper-setup/testing-kit';
import { validateRequestBody } from '@beeper-setup/validator';
import type { Judge } from './transport.js';

export const validatorVerdict: Judge = async ({ request, response }) => {
  const operation = findOperation(request.method, new URL(request.url).pathname);
  if (operation === undefined) return 'the contract has no such operation';
  const problems = [...(await requestProblems(operation, request)), ...(await responseProblems(request, response))];
  return problems.length > 0 ? problems.join('; ') : undefined;
};

async function requestProblems(operation: OperationId, request: Request): Promise<string[]> {
  const { auth, body } = operationTable[operation];
  const problems: string[] = [];
  if (auth === 'required' && !request.headers.has('authorization')) problems.push('request: no bearer token');
  const text = await request.clone().text();
  if (body === 'required' && text === '') problems.push('request: no body');
  if (body !== 'none' && text !== '') {
    const validation = validateRequestBody(operation, JSON.parse(text));
    if (!validation.valid) problems.push(`request: ${JSON.stringify(validation.errors)}`);
  }
  return problems;
}

async function responseProblems(request: Request, response: Response): Promise<string[]> {
  const violation = await exchangeViolation(request, response);
  // A problem document the contract declares is still a server error: no flow may end in one.
  const serverError = response.status >= 500 ? [`response: ${await response.clone().text()}`] : [];
  return [...(violation === undefined ? [] : [`response: ${violation}`]), ...serverError];
}
