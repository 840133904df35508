// Every flow of the simulator, over three transports: Prism's conformance proxy in front of the Node server, the
// core's fetch called directly, and the MSW handlers. Each transport's judge finds no call outside the contract, and
// the three make the same calls with the same answers, apart from IDs, codes, keys and tokens.
import { aliceRecoveryKey, simulatorControl, type FetchFunction } from '@beeper-setup/simulator';
import { fetchSetupState, forVerification } from '@beeper-setup/simulator/testing';
import { conformingFetch } from '@beeper-setup/testing-kit';
import { describe, expect, it } from 'vitest';
import { coreTransport } from './core-transport.js';
import { useFlowRig, type FlowRig } from './flow-rig.js';
import { mswTransport } from './msw-transport.js';
import { withPlaceholders } from './placeholders.js';
import { prismTransport } from './prism-transport.js';
import type { RecordedExchange } from './recorded-exchange.js';

interface Flow {
  name: string;
  walk(rig: FlowRig): Promise<void>;
}

const flows: Flow[] = [
  {
    name: 'existing account: start → email → response → recovery key → ready',
    async walk(rig) {
      expect((await rig.api.GET('/v1/app/setup')).data!.state).toBe('needs-login');
      const { data: started } = await rig.api.POST('/v1/app/setup/start');
      expect(started!.signInMethods).toEqual(['email']);
      const sent = await rig.api.POST('/v1/app/setup/email', { body: { email: 'alice@example.com', setupRequestID: started!.setupRequestID } });
      expect(sent.response.status).toBe(204);
      const code = await rig.control.signInCode(started!.setupRequestID);
      const { data: signedIn } = await rig.api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID: started!.setupRequestID } });
      expect(signedIn).toMatchObject({ matrix: { userID: '@alice:beeper.com' }, session: { state: 'needs-verification' } });
      const alice = rig.deviceOf(signedIn as Parameters<typeof rig.deviceOf>[0]);

      const { data: unlocked } = await alice.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: aliceRecoveryKey } });
      expect(unlocked!.session.state).toBe('ready');
      expect(await fetchSetupState(alice)).toMatchObject({ state: 'ready', matrix: { deviceID: alice.deviceID } });
    },
  },
  {
    name: 'device verification by emojis: start → other device accepts → sas start → both confirm → ready',
    async walk(rig) {
      const alice = await rig.signIn('alice@example.com');
      const { data: started } = await alice.api.POST('/v1/app/setup/verifications', { body: { purpose: 'login' } });
      expect(started!.verification).toMatchObject({ direction: 'outgoing', state: 'requested', availableActions: ['cancel'] });
      const id = started!.verification!.id;
      expect((await alice.api.GET('/v1/app/setup/verifications')).data!.items).toHaveLength(1);

      await rig.control.otherDevice.accept(alice.deviceID, id);
      expect((await alice.api.GET('/v1/app/setup/verifications/{verificationID}', forVerification(id))).data!.verification).toMatchObject({ state: 'ready', availableActions: ['sas.start', 'cancel'] });
      const { data: sas } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/sas/start', forVerification(id));
      expect(sas!.verification).toMatchObject({ state: 'sas_ready', sas: { emojis: expect.any(String), decimals: expect.any(String) } });
      const { data: confirmed } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/sas/confirm', forVerification(id));
      expect(confirmed!.verification).toMatchObject({ state: 'sas_ready', availableActions: ['cancel'] });
      await rig.control.otherDevice.confirmSas(alice.deviceID, id);

      expect((await alice.api.GET('/v1/app/setup/verifications/{verificationID}', forVerification(id))).data!.verification).toMatchObject({ state: 'done', availableActions: [] });
      expect((await fetchSetupState(alice)).state).toBe('ready');
    },
  },
  {
    name: 'device verification by QR: an incoming request, accepted; the other device scans; this device confirms → ready',
    async walk(rig) {
      const alice = await rig.signIn('alice@example.com');
      const id = await rig.control.otherDevice.requestVerification(alice.deviceID);
      expect((await fetchSetupState(alice)).verification).toMatchObject({ id, direction: 'incoming', availableActions: ['accept', 'cancel'] });
      const { data: accepted } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification(id));
      expect(accepted!.verification!.qr!.data).toEqual(expect.any(String));
      await rig.control.otherDevice.scanQrCode(alice.deviceID, id);
      expect((await alice.api.GET('/v1/app/setup/verifications/{verificationID}', forVerification(id))).data!.verification).toMatchObject({ state: 'qr_scanned', availableActions: ['qr.confirmScanned', 'cancel'] });
      const { data: done } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/qr/confirm-scanned', forVerification(id));
      expect(done).toMatchObject({ verification: { state: 'done' }, session: { state: 'ready' } });
    },
  },
  {
    name: 'device verification by QR the other way: this device scans the other device’s code → ready',
    async walk(rig) {
      const alice = await rig.signIn('alice@example.com');
      const id = await rig.control.otherDevice.requestVerification(alice.deviceID);
      await alice.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification(id));
      const data = await rig.control.otherDevice.qrCode(alice.deviceID, id);
      const { data: scanned } = await alice.api.POST('/v1/app/setup/verifications/qr/scan', { body: { data } });
      expect(scanned).toMatchObject({ verification: { id, state: 'done' }, session: { state: 'ready' } });
    },
  },
  {
    name: 'cancel: by this device with a reason, and by the other device',
    async walk(rig) {
      const alice = await rig.signIn('alice@example.com');
      const { data: started } = await alice.api.POST('/v1/app/setup/verifications', {});
      const { data: cancelled } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/cancel', {
        ...forVerification(started!.verification!.id),
        body: { code: 'm.mismatched_sas', reason: 'The emojis did not match.' },
      });
      expect(cancelled).toMatchObject({ verification: { state: 'cancelled', availableActions: [], error: { code: 'm.mismatched_sas' } }, session: { state: 'needs-verification' } });

      const incoming = await rig.control.otherDevice.requestVerification(alice.deviceID);
      await rig.control.otherDevice.cancel(alice.deviceID, incoming);
      expect((await alice.api.GET('/v1/app/setup/verifications/{verificationID}', forVerification(incoming))).data!.verification).toMatchObject({ state: 'cancelled', error: { code: 'm.user' } });
      expect((await alice.api.GET('/v1/app/setup/verifications')).data!.items).toEqual([]);
    },
  },
  {
    name: 'emojis that do not match: the other device reports it → error',
    async walk(rig) {
      const alice = await rig.signIn('alice@example.com');
      const id = await rig.control.otherDevice.requestVerification(alice.deviceID, ['sas']);
      await alice.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification(id));
      await alice.api.POST('/v1/app/setup/verifications/{verificationID}/sas/start', forVerification(id));
      await rig.control.otherDevice.reportMismatch(alice.deviceID, id);
      expect((await alice.api.GET('/v1/app/setup/verifications/{verificationID}', forVerification(id))).data!.verification).toMatchObject({ state: 'error', error: { code: 'm.mismatched_sas' } });
    },
  },
  {
    name: 'verified without the secrets: needs-secrets → recovery key → ready',
    async walk(rig) {
      const alice = await rig.signIn('alice@example.com');
      await rig.control.otherDevice.setSharesSecrets(alice.deviceID, false);
      const id = await rig.control.otherDevice.requestVerification(alice.deviceID);
      await alice.api.POST('/v1/app/setup/verifications/{verificationID}/accept', forVerification(id));
      await rig.control.otherDevice.scanQrCode(alice.deviceID, id);
      const { data } = await alice.api.POST('/v1/app/setup/verifications/{verificationID}/qr/confirm-scanned', forVerification(id));
      expect(data!.session.state).toBe('needs-secrets');
      const { data: unlocked } = await alice.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: aliceRecoveryKey } });
      expect(unlocked!.session.state).toBe('ready');
    },
  },
  {
    name: 'new account: response (registration required) → register → reset → confirm → ready',
    async walk(rig) {
      const { setupRequestID, code } = await rig.requestCode('frank.new@example.com');
      const { data: required } = await rig.api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } });
      expect(required).toMatchObject({ registrationRequired: true, setupRequestID, usernameSuggestions: ['frank.new', 'franknew', 'frank.new1'] });
      const { leadToken } = required as { leadToken: string };
      const { data: registered } = await rig.api.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken, setupRequestID, username: 'frank.new' } });
      expect(registered!.session.state).toBe('needs-cross-signing-setup');
      const frank = rig.deviceOf(registered!);

      const { data: created } = await frank.api.POST('/v1/app/setup/verification/recovery-key/reset', { body: {} });
      expect(created!.session.state).toBe('needs-cross-signing-setup');
      const { data: confirmed } = await frank.api.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey: created!.recoveryKey } });
      expect(confirmed!.session).toMatchObject({ state: 'ready', matrix: { userID: '@frank.new:beeper.com' } });
    },
  },
  {
    name: 'bob, an account without cross-signing: needs-cross-signing-setup → reset → confirm → ready',
    async walk(rig) {
      const bob = await rig.signIn('bob@example.com');
      expect(bob.session.state).toBe('needs-cross-signing-setup');
      const { data: created } = await bob.api.POST('/v1/app/setup/verification/recovery-key/reset', {});
      const { data: confirmed } = await bob.api.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey: created!.recoveryKey } });
      expect(confirmed!.session.state).toBe('ready');
    },
  },
];

/** Prism's proxy first: the other transports are compared with it. */
const reference = prismTransport;
const others = [coreTransport, mswTransport];
const recordings = new Map<string, Map<string, RecordedExchange[]>>();

for (const transport of [reference, ...others]) {
  describe(`over ${transport.name}`, () => {
    const rig = useFlowRig(transport);
    const recorded = new Map<string, RecordedExchange[]>();
    recordings.set(transport.name, recorded);

    for (const { name, walk } of flows) {
      it(name, async () => {
        recorded.set(name, await rig.recordingOf(() => walk(rig)));
      });
    }

    it('fails any call its judge finds outside the contract, so the flows above cannot pass by accident', async () => {
      // @ts-expect-error: the contract requires setupRequestID.
      await expect(rig.api.POST('/v1/app/setup/email', { body: { email: 'alice@example.com' } })).rejects.toThrow(/broke the contract \(400\)/);
      await expect(rig.api.GET('/v1/app/setup/verifications')).rejects.toThrow(/broke the contract \(401\)/);
    });
  });
}

for (const transport of others) {
  describe(`${transport.name}: the same calls and answers as through ${reference.name}`, () => {
    for (const { name } of flows) {
      it(name, () => {
        const expected = recordings.get(reference.name)?.get(name);
        expect(expected, `the flow through ${reference.name} has no recording`).toBeDefined();
        expect(withPlaceholders(recordings.get(transport.name)?.get(name))).toEqual(withPlaceholders(expected));
      });
    }
  });
}

it("fails any control API answer outside the control contract, so the flows' control calls cannot pass by accident", async () => {
  const garbled: FetchFunction = async () => new Response(JSON.stringify({ messages: [{ email: 'alice@example.com' }] }), { headers: { 'content-type': 'application/json' } });
  const control = simulatorControl('http://simulator.test', 'any-token', conformingFetch(garbled));
  await expect(control.outbox()).rejects.toThrow('GET /_sim/outbox (listOutbox) answered 200 outside the control contract: /messages/0/code is required');
});
