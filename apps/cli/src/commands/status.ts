import { nextStep, unwrap, type SetupState } from '@beeper-setup/client';
import type { Context } from '../context.js';
import { checklist, describeNextStep } from '../describe.js';

export async function readSetupState(context: Context): Promise<SetupState> {
  return unwrap(context.client.GET('/v1/app/setup'));
}

export async function status(context: Context, { json }: { json?: boolean }): Promise<void> {
  const session = await readSetupState(context);
  if (json) return context.output.print(JSON.stringify(session, null, 2));
  context.output.print([`State: ${session.state}`, '', ...checklist(session), '', `Next: ${describeNextStep(nextStep(session))}`].join('\n'));
}
