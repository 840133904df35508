import type { SetupRegistrationRequiredResponse } from '@beeper-setup/client';
import { describe, expect, it } from 'vitest';
import { screenOf, type WizardState } from '../../src/view/screen-of.js';
import { stateExample, verificationExample } from './contract-examples.js';

const fresh = { signIn: { step: 'email' }, newKey: undefined, verification: undefined } as const;
const at = (name: string, more: Partial<WizardState> = {}): WizardState => ({ ...fresh, session: stateExample(name), ...more });

describe('screenOf, for each of the seven setup states', () => {
  it.each([
    ['StateNeedsLogin', { name: 'sign-in-email' }],
    ['StateInitializing', { name: 'waiting', until: 'initialized' }],
    ['StateNeedsCrossSigningSetup', { name: 'create-recovery-key' }],
    ['StateNeedsVerification', { name: 'verify-device', withOtherDevice: true, stopped: undefined, incoming: undefined }],
    ['StateNeedsSecrets', { name: 'verify-device', withOtherDevice: false, stopped: undefined, incoming: undefined }],
    ['StateNeedsFirstSync', { name: 'waiting', until: 'first-sync-done' }],
    ['StateReady', { name: 'done' }],
  ])('%s', (example, screen) => {
    expect(screenOf(at(example))).toEqual(screen);
  });

  it('shows nothing but loading before the first read', () => {
    expect(screenOf({ ...fresh, session: undefined })).toEqual({ name: 'loading' });
  });
});

describe('screenOf, signing in', () => {
  it('asks for the code once it was sent', () => {
    expect(screenOf(at('StateNeedsLogin', { signIn: { step: 'code', email: 'alice@example.com', setupRequestID: 'req' } }))).toEqual({ name: 'sign-in-code', email: 'alice@example.com' });
  });

  it('registers when the account does not exist', () => {
    const offer = { registrationRequired: true, leadToken: 'lead', setupRequestID: 'req', copy: { title: 'Choose', terms: 'Terms', submit: 'Go', usernamePlaceholder: 'Username' } } satisfies SetupRegistrationRequiredResponse;
    expect(screenOf(at('StateNeedsLogin', { signIn: { step: 'register', offer } }))).toEqual({ name: 'registration', offer });
  });

  it('forgets the sign-in steps once the server is past needs-login', () => {
    expect(screenOf(at('StateInitializing', { signIn: { step: 'code', email: 'alice@example.com', setupRequestID: 'req' } })).name).toBe('waiting');
  });
});

describe('screenOf, a new recovery key', () => {
  it('shows the key once, then asks for it back', () => {
    expect(screenOf(at('StateNeedsCrossSigningSetup', { newKey: { step: 'save', recoveryKey: 'EsTc 5rr1' } }))).toEqual({ name: 'save-recovery-key', recoveryKey: 'EsTc 5rr1' });
    expect(screenOf(at('StateNeedsCrossSigningSetup', { newKey: { step: 'confirm' } }))).toEqual({ name: 'confirm-recovery-key' });
  });

  it('is done once the device is ready', () => {
    expect(screenOf(at('StateReady', { newKey: { step: 'confirm' } }))).toEqual({ name: 'done' });
  });
});

describe('screenOf, device verification', () => {
  it.each([
    ['VerificationOutgoingRequested', 'waiting-for-other-device'],
    ['VerificationReady', 'choose-method'],
    ['VerificationSasReady', 'compare-emojis'],
    ['VerificationQrScanned', 'qr-scanned'],
    ['VerificationIncomingRequested', 'verify-device'],
  ])('%s → %s', (example, name) => {
    const verification = verificationExample(example);
    expect(screenOf(at('StateNeedsVerification', { verification }))).toMatchObject({ name });
  });

  it('takes the verification of the setup state when the page follows none', () => {
    const session = { ...stateExample('StateNeedsVerification'), verification: verificationExample('VerificationSasReady') };
    expect(screenOf({ ...fresh, session }).name).toBe('compare-emojis');
  });

  it('says why a verification stopped', () => {
    const verification = verificationExample('VerificationCancelled');
    expect(screenOf(at('StateNeedsVerification', { verification }))).toEqual({ name: 'verify-device', withOtherDevice: true, stopped: verification, incoming: undefined });
  });

  it('waits once this device confirmed the emojis and the other has not', () => {
    const verification = { ...verificationExample('VerificationSasReady'), availableActions: ['cancel' as const] };
    expect(screenOf(at('StateNeedsVerification', { verification })).name).toBe('waiting-for-other-device');
  });
});

describe('screenOf, an incoming request', () => {
  it('is the incoming request waiting to be accepted, on the verify step', () => {
    const verification = verificationExample('VerificationIncomingRequested');
    const screen = screenOf(at('StateNeedsVerification', { verification }));
    expect(screen).toEqual({ name: 'verify-device', withOtherDevice: true, stopped: undefined, incoming: verification });
    expect(screen.name === 'verify-device' && screen.incoming).toBe(verification);
  });

  it('takes the request of the setup state when the page follows none', () => {
    const session = stateExample('StateNeedsVerificationIncoming');
    const screen = screenOf({ ...fresh, session });
    expect(screen).toMatchObject({ name: 'verify-device', withOtherDevice: true, stopped: undefined });
    expect(screen.name === 'verify-device' && screen.incoming).toBe(session.verification);
    expect(screen.name === 'verify-device' && screen.incoming?.direction).toBe('incoming');
  });

  it('is nothing once accepted, once stopped, or outside needs-verification', () => {
    const accepted = verificationExample('VerificationReady');
    expect(screenOf(at('StateNeedsVerification', { verification: accepted }))).toEqual({ name: 'choose-method', verification: accepted });
    // The page's own read of the verification wins over the request the setup state still carries.
    expect(screenOf({ ...fresh, session: stateExample('StateNeedsVerificationIncoming'), verification: accepted })).toEqual({ name: 'choose-method', verification: accepted });
    expect(screenOf(at('StateNeedsVerification', { verification: verificationExample('VerificationCancelled') }))).toMatchObject({ name: 'verify-device', incoming: undefined });
    const incoming = verificationExample('VerificationIncomingRequested');
    expect(screenOf(at('StateNeedsSecrets', { verification: incoming }))).toEqual({ name: 'verify-device', withOtherDevice: false, stopped: undefined, incoming: undefined });
    expect(screenOf(at('StateReady', { verification: incoming }))).toEqual({ name: 'done' });
  });

  it('is not shown over a new recovery key', () => {
    const verification = verificationExample('VerificationIncomingRequested');
    expect(screenOf(at('StateNeedsVerification', { verification, newKey: { step: 'save', recoveryKey: 'EsTc 5rr1' } }))).toEqual({ name: 'save-recovery-key', recoveryKey: 'EsTc 5rr1' });
  });
});
