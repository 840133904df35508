import type { Session, VerificationRecord } from '../model/records.js';
import { allowedActions, type DeviceAction } from './verification-actions.js';

/** Acts as the other device on a verification of the session. */
type ActOnVerification = (session: Session, verification: VerificationRecord, action: DeviceAction) => void;

/**
 * The other device acting on its own, so that one person can try device verification: after `delayMs` it
 * accepts a request this device sent, and confirms the emojis once they are shown.
 */
export function autoOtherDevice(delayMs: number, actOnVerification: ActOnVerification) {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  return {
    react(session: Session, verification: VerificationRecord): void {
      const action = answerTo(verification);
      if (!action) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        // This device may have cancelled meanwhile.
        if (allowedActions(verification, 'other-device').includes(action)) actOnVerification(session, verification, action);
      }, delayMs);
      timers.add(timer);
    },
    stop(): void {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** What the automatic other device does about the verification as it stands, if anything. */
function answerTo({ state, direction, sasConfirmedBy }: VerificationRecord): DeviceAction | undefined {
  if (state === 'requested' && direction === 'outgoing') return 'accept';
  if (state === 'sas_ready' && !sasConfirmedBy.includes('other-device')) return 'sas.confirm';
  return undefined;
}
