import { isLoopbackHostname } from '@beeper-setup/edge';

/** What to print, loudly, when the simulator listens where other machines can reach it; nothing on loopback. */
export function exposureWarning(host: string): string | undefined {
  if (isLoopbackHostname(host)) return undefined;
  return `WARNING: listening on ${host}, which is not a loopback address: other machines can reach this simulator.
WARNING: Requests naming it in Host answer 421 unless you pass --allow-host too. Use --host 127.0.0.1 unless you mean it.`;
}
