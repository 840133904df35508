import { StepHeading } from '../StepHeading.js';

const waitingText = { initialized: 'Setting up encryption…', 'first-sync-done': 'Syncing your messages…' };

export function Waiting({ until }: { until: keyof typeof waitingText }) {
  return (
    <section>
      <StepHeading>Please wait</StepHeading>
      <p>{waitingText[until]}</p>
    </section>
  );
}

export function Done() {
  return (
    <section>
      <StepHeading>All set</StepHeading>
      <p>This device is ready for encrypted messaging.</p>
    </section>
  );
}

export function Loading() {
  return <p>Loading…</p>;
}
