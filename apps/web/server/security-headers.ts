import { headerPolicy } from './content-security-policy.js';

/**
 * Sent with every answer. The built index.html carries the page's policy in a meta element; `frame-ancestors`,
 * which works only as a header, is added here.
 */
export const securityHeaders = {
  'content-security-policy': headerPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;
