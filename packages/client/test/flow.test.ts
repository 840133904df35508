import { describe, expect, it } from 'vitest';
import type { SetupState, Verification } from '@beeper-setup/contract';
import { hasEnded, isRegistrationRequired, nextStep, verificationStep, type NextStep } from '../src/flow.js';
import { sessionReady } from './fake-fetch.js';

const verification = (state: Verification['state'], availableActions: Verification['availableActions'], direction: Verification['direction'] = 'incoming'): Verification => ({
  id: 'v1',
  availableActions,
  direction,
  methods: ['sas', 'qr'],
  purpose: 'login',
  state,
});
const session = (state: SetupState['state'], inProgress?: Verification): SetupState => ({ ...sessionReady, state, ...(inProgress && { verification: inProgress }) });

describe('nextStep', () => {
  const cases: [SetupState['state'], { given?: Verification; want: NextStep }][] = [
    ['needs-login', { want: { step: 'sign-in' } }],
    ['initializing', { want: { step: 'wait', until: 'initialized' } }],
    ['needs-cross-signing-setup', { want: { step: 'create-recovery-key' } }],
    ['needs-verification', { want: { step: 'verify-device', verification: undefined } }],
    ['needs-secrets', { want: { step: 'enter-recovery-key' } }],
    ['needs-first-sync', { want: { step: 'wait', until: 'first-sync-done' } }],
    ['ready', { want: { step: 'done' } }],
  ];
  it.each(cases)('%s', (state, { want }) => {
    expect(nextStep(session(state))).toEqual(want);
  });

  it('names the verification action to take when one is in progress', () => {
    const incoming = verification('requested', ['accept', 'cancel']);
    expect(nextStep(session('needs-verification', incoming))).toEqual({ step: 'verify-device', verification: { verification: incoming, action: 'accept' } });
  });

  it('fails loudly on a state the contract does not have', () => {
    expect(() => nextStep({ ...sessionReady, state: 'flying' as never })).toThrow('Unknown setup state: flying');
  });
});

describe('verificationStep', () => {
  const cases: [string, { given: Verification; want: string | undefined }][] = [
    ['incoming request: accept it', { given: verification('requested', ['accept', 'cancel']), want: 'accept' }],
    ['outgoing request: wait for the other device', { given: verification('requested', ['cancel'], 'outgoing'), want: 'wait' }],
    ['ready: start comparing emojis', { given: verification('ready', ['sas.start', 'cancel']), want: 'sas.start' }],
    ['emojis shown: confirm them', { given: verification('sas_ready', ['sas.confirm', 'cancel']), want: 'sas.confirm' }],
    ['confirmed here: wait for the other device', { given: verification('sas_ready', ['cancel']), want: 'wait' }],
    ['QR scanned by the other device: confirm', { given: verification('qr_scanned', ['qr.confirmScanned', 'cancel']), want: 'qr.confirmScanned' }],
    ['done: nothing left', { given: verification('done', []), want: undefined }],
    ['cancelled: nothing left', { given: verification('cancelled', []), want: undefined }],
    ['stopped with an error: nothing left', { given: verification('error', []), want: undefined }],
    ['ended, whatever a server lists: nothing left', { given: verification('done', ['cancel']), want: undefined }],
    ['not ended with nothing listed: wait', { given: verification('ready', []), want: 'wait' }],
  ];
  it.each(cases)('%s', (_, { given, want }) => {
    expect(verificationStep(given)?.action).toBe(want);
  });
});

describe('hasEnded', () => {
  const cases: [Verification['state'], boolean][] = [
    ['requested', false],
    ['ready', false],
    ['sas_ready', false],
    ['qr_scanned', false],
    ['done', true],
    ['cancelled', true],
    ['error', true],
  ];
  it.each(cases)('%s: %s', (state, want) => {
    expect(hasEnded({ state })).toBe(want);
  });
});

describe('isRegistrationRequired', () => {
  it('tells registration-required from signed-in', () => {
    const signedIn = { matrix: { accessToken: 't', deviceID: 'd', homeserver: 'https://matrix.beeper.com', userID: '@a:beeper.com' }, session: sessionReady };
    const registration = {
      registrationRequired: true as const,
      leadToken: 'lt',
      setupRequestID: 'sr',
      copy: { submit: 'Continue', terms: 'Terms', title: 'Choose', usernamePlaceholder: 'Username' },
    };
    expect(isRegistrationRequired(signedIn)).toBe(false);
    expect(isRegistrationRequired(registration)).toBe(true);
  });
});
