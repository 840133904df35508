// The client README's React example, word for word.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import createQueryClient from 'openapi-react-query';
import { createSetupClient } from '@beeper-setup/client';

const client = createSetupClient();
const $api = createQueryClient(client);
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } }); // the client retries

function SetupStatus() {
  // Polls until the device is ready, then stops.
  const { data, error } = $api.useQuery('get', '/v1/app/setup', {}, {
    refetchInterval: (query) => (query.state.data?.state === 'ready' ? false : 1_000),
  });
  const accept = $api.useMutation('post', '/v1/app/setup/verifications/{verificationID}/accept');
  if (error) return <p>{error.title}</p>; // error: the contract's Problem (code, status, title, detail)
  const verification = data?.verification;
  return verification?.availableActions.includes('accept')
    ? <button onClick={() => accept.mutate({ params: { path: { verificationID: verification.id } } })}>Verify</button>
    : <p>{data?.state}</p>;
}

export const App = () => <QueryClientProvider client={queryClient}><SetupStatus /></QueryClientProvider>;
