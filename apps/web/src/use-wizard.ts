import { isProblem, unwrap, verificationActionPaths, type SetupState, type SignInResult, type Verification } from '@beeper-setup/client';
import { isRegistrationRequired, type VerificationStep } from '@beeper-setup/client/flow';
import { useEffect, useRef, useState } from 'preact/hooks';
import { client, hasAccessToken, holdAccessToken } from './api.js';
import { outcomeOfError, type PollOutcome } from './view/backoff.js';
import { followedVerification, needsOwnRead } from './view/followed-verification.js';
import { screenOf, type WizardState } from './view/screen-of.js';
import { screenWaitsOnServer } from './view/polls.js';
import { isUnreachable } from './view/banner-of.js';
import { usePolling } from './use-polling.js';

/** The error on show, and whether a poll (rather than something the person did) ran into it. */
interface ShownError {
  error: unknown;
  fromPoll: boolean;
}

type Update = (state: WizardState) => WizardState;
/** What every verification call answers: the setup state, and mostly the verification it acted on. */
type VerificationAnswer = { session: SetupState; verification?: Verification | undefined };

const initialState: WizardState = { session: undefined, signIn: { step: 'email' }, newKey: undefined, verification: undefined };

/**
 * What Beeper Desktop answers without a token once someone else is signed in (401): for this page, nobody is
 * signed in, so it offers sign-in.
 */
const signedOut: SetupState = {
  state: 'needs-login',
  e2ee: {
    initialized: false,
    crossSigning: false,
    secretStorage: false,
    keyBackup: false,
    hasBackedUpRecoveryKey: false,
    verified: false,
    firstSyncDone: false,
    secrets: { masterKey: false, selfSigningKey: false, userSigningKey: false, megolmBackupKey: false, recoveryKey: false },
  },
};

const byID = (verificationID: string) => ({ params: { path: { verificationID } } });

/** The setup state as this page knows it, the actions that move it on, and the polling while it waits. */
export function useWizard() {
  const [state, setState] = useState<WizardState>(initialState);
  const [shownError, setShownError] = useState<ShownError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const current = useRef(state);
  current.current = state;
  const running = useRef(false);
  // Counts the actions started, so that a poll that overlapped one drops what it read, which may predate it.
  const actionsStarted = useRef(0);

  const readSession = async (): Promise<SetupState> => {
    try {
      return await unwrap(client.GET('/v1/app/setup'));
    } catch (error) {
      if (!isProblem(error, 'unauthorized')) throw error;
      if (!hasAccessToken()) return signedOut;
      // The token was revoked or the server forgot it: sign in again.
      holdAccessToken(undefined);
      return readSession();
    }
  };

  const readVerification = async (verification: Verification): Promise<Verification | undefined> => {
    try {
      return (await unwrap(client.GET('/v1/app/setup/verifications/{verificationID}', byID(verification.id)))).verification;
    } catch (error) {
      if (isProblem(error, 'verification_not_found')) return undefined;
      throw error;
    }
  };

  /** The setup state and the followed verification, read again. */
  const refreshed = async (): Promise<Update> => {
    const session = await readSession();
    const followed = followedVerification(current.current.verification, session.verification);
    const verification = needsOwnRead(followed, session.verification) ? await readVerification(followed) : followed;
    return (state) => ({ ...state, session, verification, ...(session.state !== 'needs-login' && { signIn: { step: 'email' } }) });
  };

  const poll = async (): Promise<PollOutcome> => {
    const actionsBefore = actionsStarted.current;
    try {
      const update = await refreshed();
      if (running.current || actionsStarted.current !== actionsBefore) return { changed: true };
      const before = current.current;
      const after = update(before);
      setState(update);
      setShownError((shown) => (shown?.fromPoll ? undefined : shown));
      return { changed: JSON.stringify([before.session, before.verification]) !== JSON.stringify([after.session, after.verification]) };
    } catch (error) {
      setShownError({ error, fromPoll: true });
      return outcomeOfError(error);
    }
  };

  /** Runs something the person asked for, one at a time; its error replaces whatever was on show. */
  const run = async (action: () => Promise<Update>) => {
    if (running.current) return;
    running.current = true;
    actionsStarted.current += 1;
    setBusy(true);
    setShownError(undefined);
    try {
      setState(await action());
    } catch (error) {
      setShownError({ error, fromPoll: false });
      // The server no longer takes the token: back to sign-in, with the alert saying why.
      if (isProblem(error, 'unauthorized')) {
        holdAccessToken(undefined);
        setState(await refreshed().catch(() => (state: WizardState) => state));
      }
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  useEffect(() => {
    void run(refreshed);
  }, []);

  const screen = screenOf(state);
  usePolling(screenWaitsOnServer(screen) || (shownError !== undefined && isUnreachable(shownError.error)), poll);

  const signedIn = (result: Extract<SignInResult, { matrix: unknown }>): Update => {
    holdAccessToken(result.matrix.accessToken);
    return (state) => ({ ...state, session: result.session, signIn: { step: 'email' } });
  };
  const verificationCall = (call: () => Promise<VerificationAnswer>) =>
    run(async () => {
      const { session, verification } = await call();
      return (state) => ({ ...state, session, verification: verification ?? session.verification });
    });

  /** The call of one action that moves a verification forward, on the verification given. */
  const takeAction =
    (action: Exclude<VerificationStep['action'], 'wait'>) =>
    ({ id }: Verification) =>
      verificationCall(() => unwrap(client.POST(verificationActionPaths[action], byID(id))));

  const actions = {
    tryAgain: () => run(refreshed),
    sendCode: (email: string) =>
      run(async () => {
        const { setupRequestID } = await unwrap(client.POST('/v1/app/setup/start'));
        await unwrap(client.POST('/v1/app/setup/email', { body: { email, setupRequestID } }));
        return (state) => ({ ...state, signIn: { step: 'code', email, setupRequestID } });
      }),
    useAnotherEmail: () => setState((state) => ({ ...state, signIn: { step: 'email' } })),
    submitCode: (code: string) =>
      run(async () => {
        const { signIn } = current.current;
        if (signIn.step !== 'code') return (state) => state;
        const result = await unwrap(client.POST('/v1/app/setup/response', { body: { response: code, setupRequestID: signIn.setupRequestID } }));
        if (isRegistrationRequired(result)) return (state) => ({ ...state, signIn: { step: 'register', offer: result } });
        return signedIn(result);
      }),
    register: (username: string) =>
      run(async () => {
        const { signIn } = current.current;
        if (signIn.step !== 'register') return (state) => state;
        const { leadToken, setupRequestID } = signIn.offer;
        return signedIn(await unwrap(client.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken, setupRequestID, username } })));
      }),
    createRecoveryKey: () =>
      run(async () => {
        const { recoveryKey, session } = await unwrap(client.POST('/v1/app/setup/verification/recovery-key/reset', { body: {} }));
        return (state) => ({ ...state, session, newKey: { step: 'save', recoveryKey } });
      }),
    savedRecoveryKey: () => setState((state) => ({ ...state, newKey: { step: 'confirm' } })),
    confirmRecoveryKey: (recoveryKey: string) =>
      run(async () => {
        const { session } = await unwrap(client.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey } }));
        return (state) => ({ ...state, session, newKey: undefined });
      }),
    unlock: (recoveryKey: string) =>
      run(async () => {
        const { session } = await unwrap(client.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey } }));
        return (state) => ({ ...state, session });
      }),
    startVerification: () => verificationCall(() => unwrap(client.POST('/v1/app/setup/verifications', { body: { purpose: 'login' } }))),
    scanQrCode: (data: string) => verificationCall(() => unwrap(client.POST('/v1/app/setup/verifications/qr/scan', { body: { data } }))),
    accept: takeAction('accept'),
    compareEmojis: takeAction('sas.start'),
    emojisMatch: takeAction('sas.confirm'),
    qrScanned: takeAction('qr.confirmScanned'),
    cancel: ({ id }: Verification, code: string, reason: string | undefined) =>
      verificationCall(() => unwrap(client.POST(verificationActionPaths.cancel, { ...byID(id), body: { code, ...(reason && { reason }) } }))),
  };

  return { state, screen, shownError, busy, actions };
}

export type WizardActions = ReturnType<typeof useWizard>['actions'];
