import { findOperation } from '@beeper-setup/contract';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods the contract accepts on a path, with `HEAD` wherever `GET` is; empty for a path it does not have. */
export function allowedMethods(path: string): string[] {
  const allowed: string[] = methods.filter((method) => findOperation(method, path) !== undefined);
  return allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
}
