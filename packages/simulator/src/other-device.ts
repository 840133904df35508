import type { Session, VerificationRecord } from './model.js';
import { allowedSteps, type Step } from './verification.js';

/** Takes a step as the other device, if it is still allowed when the time comes. */
type OtherDeviceStep = (session: Session, verification: VerificationRecord, step: Step) => void;

/**
 * The other device acting on its own, so that one person can try device verification: after `delayMs` it
 * accepts a request this device sent, and confirms the emojis once they are shown.
 */
export function autoOtherDevice(delayMs: number, takeStep: OtherDeviceStep) {
  const timers = new Set<NodeJS.Timeout>();
  return {
    react(session: Session, verification: VerificationRecord): void {
      const step = nextStep(verification);
      if (!step) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (allowedSteps(verification, 'other-device').includes(step)) takeStep(session, verification, step);
      }, delayMs);
      timers.add(timer);
    },
    stop(): void {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

function nextStep({ state, direction, sasConfirmedBy }: VerificationRecord): Step | undefined {
  if (state === 'requested' && direction === 'outgoing') return 'accept';
  if (state === 'sas_ready' && !sasConfirmedBy.includes('other-device')) return 'sas.confirm';
  return undefined;
}
