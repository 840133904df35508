import { unwrap, type SetupRegistrationRequiredResponse, type SetupState } from '@beeper-setup/client';
import { isRegistrationRequired } from '@beeper-setup/client/flow';
import type { Context } from '../context.js';
import { CliError } from '../failures.js';
import { retryWhileInteractive } from '../retry-while-interactive.js';
import { readSetupStateOrSignedOut } from '../session.js';

export interface LoginOptions {
  email?: string;
  username?: string;
  acceptTerms?: boolean;
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Signs in, unless this device is signed in already. */
export async function login(context: Context, options: LoginOptions): Promise<SetupState> {
  const current = await readSetupStateOrSignedOut(context);
  if (!current?.matrix) return signIn(context, options);
  context.output.success(`Already signed in as ${current.matrix.userID}.`);
  return current;
}

/** Signs in with an emailed code (creating the account if there is none) and saves the access token. */
export async function signIn(context: Context, options: LoginOptions): Promise<SetupState> {
  const { client, input, output } = context;
  const typed = await input.text({
    message: 'Your email address',
    flag: '--email',
    given: options.email,
    placeholder: 'you@example.com',
    validate: (value) => (emailShape.test(value.trim()) ? undefined : 'Enter an email address, such as you@example.com.'),
  });
  const email = typed.trim();
  input.ensureSecretsCanBeRead('the sign-in code');
  await context.ensureTokenCanBeSaved();
  const { setupRequestID } = await unwrap(client.POST('/v1/app/setup/start'));
  await unwrap(client.POST('/v1/app/setup/email', { body: { email, setupRequestID } }));
  output.step(`A sign-in code is on its way to ${email}.`);

  let result = await retryWhileInteractive(context, 'invalid_sign_in_code', 'That code is not right. Check the latest email and try again.', async () => {
    const response = await input.secret({ message: 'Sign-in code from the email', name: 'the sign-in code' });
    return unwrap(client.POST('/v1/app/setup/response', { body: { response, setupRequestID } }));
  });
  if (isRegistrationRequired(result)) result = await register(context, result, options);
  await context.signedIn(result.matrix.accessToken);
  output.success(`Signed in as ${result.matrix.userID}.`);
  return result.session;
}

async function register(context: Context, offer: SetupRegistrationRequiredResponse, options: LoginOptions) {
  const { client, input, output } = context;
  output.note(
    `No Beeper account uses this email yet, so one will be created.\n\n${offer.copy.terms}\nTerms of Use: https://www.beeper.com/terms-onboarding\nPrivacy Policy: https://www.beeper.com/privacy`,
    offer.copy.title,
  );
  const accepted = await input.confirm({ message: 'Do you accept the Terms of Use and the Privacy Policy?', flag: '--accept-terms', given: options.acceptTerms });
  if (!accepted) throw new CliError('No account was created: accepting the terms is required.');
  let suggested = options.username;
  return retryWhileInteractive(context, 'username_taken', 'That username is taken. Choose another one.', async () => {
    const username = await chooseUsername(context, offer, suggested);
    suggested = undefined;
    return unwrap(client.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken: offer.leadToken, setupRequestID: offer.setupRequestID, username } }));
  });
}

async function chooseUsername(context: Context, offer: SetupRegistrationRequiredResponse, given: string | undefined): Promise<string> {
  const suggestions = offer.usernameSuggestions ?? [];
  const typeOne = () =>
    context.input.text({ message: offer.copy.usernamePlaceholder, flag: '--username', given, validate: (value) => (value.trim() ? undefined : 'Enter a username.') });
  if (given !== undefined || !context.input.interactive || suggestions.length === 0) return (await typeOne()).trim();
  const other = '\u0000other';
  const picked = await context.input.choose({
    message: offer.copy.title,
    flag: '--username',
    options: [...suggestions.map((value) => ({ value, label: value })), { value: other, label: 'Another username…' }],
  });
  return picked === other ? (await typeOne()).trim() : picked;
}

