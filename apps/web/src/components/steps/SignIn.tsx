import type { SetupRegistrationRequiredResponse } from '@beeper-setup/client';
import { useId, useState } from 'preact/hooks';
import type { WizardActions } from '../../use-wizard.js';
import { Field } from '../Field.js';
import { StepHeading } from '../StepHeading.js';
import { submitted } from '../submitted.js';

export function SignInEmail({ actions }: { actions: WizardActions }) {
  const [email, setEmail] = useState('');
  return (
    <section>
      <StepHeading>Sign in</StepHeading>
      <p>We will email you a sign-in code.</p>
      <form onSubmit={submitted(() => actions.sendCode(email.trim()))}>
        <Field label="Email" type="email" autocomplete="email" required maxLength={254} value={email} onValue={setEmail} />
        <button type="submit">Send code</button>
      </form>
    </section>
  );
}

export function SignInCode({ email, actions }: { email: string; actions: WizardActions }) {
  const [code, setCode] = useState('');
  return (
    <section>
      <StepHeading>Enter the sign-in code</StepHeading>
      <p>We sent a sign-in code to {email}.</p>
      <form onSubmit={submitted(() => actions.submitCode(code.trim()))}>
        <Field label="Sign-in code" autocomplete="one-time-code" required maxLength={64} value={code} onValue={setCode} />
        <div class="actions">
          <button type="submit">Sign in</button>
          <button type="button" class="secondary" onClick={actions.useAnotherEmail}>
            Use another email
          </button>
        </div>
      </form>
    </section>
  );
}

export function Registration({ offer, actions }: { offer: SetupRegistrationRequiredResponse; actions: WizardActions }) {
  const { copy, usernameSuggestions = [] } = offer;
  const [username, setUsername] = useState('');
  const [accepted, setAccepted] = useState(false);
  const termsID = useId();
  return (
    <section>
      <StepHeading>{copy.title}</StepHeading>
      <p>No Beeper account uses this email yet, so one will be created.</p>
      <form onSubmit={submitted(() => actions.register(username.trim()))}>
        <Field label="Username" placeholder={copy.usernamePlaceholder} autocomplete="username" required maxLength={255} value={username} onValue={setUsername} />
        {usernameSuggestions.length > 0 && (
          <div role="group" aria-label="Suggested usernames" class="suggestions">
            {usernameSuggestions.map((suggestion) => (
              <button key={suggestion} type="button" class="secondary" aria-pressed={username === suggestion} onClick={() => setUsername(suggestion)}>
                {suggestion}
              </button>
            ))}
          </div>
        )}
        <div class="checkbox">
          <input id={termsID} type="checkbox" checked={accepted} onChange={(event) => setAccepted(event.currentTarget.checked)} />
          <label for={termsID}>{copy.terms}</label>
        </div>
        <p class="links">
          <a href="https://www.beeper.com/terms-onboarding" target="_blank" rel="noreferrer">
            Terms of Use
          </a>{' '}
          ·{' '}
          <a href="https://www.beeper.com/privacy" target="_blank" rel="noreferrer">
            Privacy Policy
          </a>
        </p>
        <button type="submit" disabled={!accepted}>
          {copy.submit}
        </button>
      </form>
    </section>
  );
}
