/** Matrix user ID localparts: lower-case letters, digits and `._=-/`. */
const localpart = /^[a-z0-9._=\/-]+$/;
const maxUsernameLength = 64;
const suggestionCount = 3;

/** Why a username cannot be registered, or `undefined` when it can (if free). */
export function usernameProblem(username: string): string | undefined {
  if (username.length > maxUsernameLength) return `must be at most ${maxUsernameLength} characters`;
  if (!localpart.test(username)) return 'may contain only lower-case letters, digits and . _ = - /';
  return undefined;
}

export const userIDOf = (username: string) => `@${username}:beeper.com`;

/** Free usernames from the email's local part: as written, without dots, then numbered. */
export function suggestUsernames(email: string, isTaken: (username: string) => boolean): string[] {
  const localPart = email.split('@')[0]!.split('+')[0]!;
  // Room is left for the numbers.
  const base = localPart.toLowerCase().replace(/[^a-z0-9._=-]/g, '').slice(0, maxUsernameLength - 4) || 'user';
  const suggestions: string[] = [];
  const consider = (candidate: string) => {
    if (candidate && !isTaken(candidate) && !suggestions.includes(candidate)) suggestions.push(candidate);
  };
  consider(base);
  consider(base.replaceAll('.', ''));
  for (let n = 1; suggestions.length < suggestionCount; n++) consider(`${base}${n}`);
  return suggestions.slice(0, suggestionCount);
}
