/**
 * Live updates with graphql-ws: follows the interactions one MSL logs (or everyone's), typed by
 * `npm run codegen` like examples/client.ts. See docs/live.md.
 *
 *   MSL_GRAPH_URL=ws://127.0.0.1:4000/graphql MSL_GRAPH_TOKEN=<jwt> npx ts-node --transpile-only examples/live.ts msl-000
 *
 * It reads no notes, so an ANALYST or PLANNER token is enough when the server has JWT_SECRET.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { LiveInteractionsSubscription, LiveInteractionsSubscriptionVariables } from './generated/graphql';
import { LIVE_INTERACTIONS } from './operations';

export type LoggedInteraction = LiveInteractionsSubscription['interactionLogged'];

/** Calls `onEvent` for every interaction logged (by `mslId` when given) until the returned function is called. */
export function followInteractions(
  url: string,
  options: { token?: string; mslId?: string; onEvent: (event: LoggedInteraction) => void; onError?: (error: unknown) => void },
): () => Promise<void> {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    // Called again on every reconnect: a client with expiring tokens would fetch a fresh one here.
    connectionParams: () => (options.token ? { authorization: `Bearer ${options.token}` } : {}),
    // Reconnects after network blips and after 4403 (token expired); 4403 at once means a bad token.
    retryAttempts: 5,
  });
  const variables: LiveInteractionsSubscriptionVariables = { mslId: options.mslId ?? null };
  const stop = client.subscribe<LiveInteractionsSubscription>(
    { query: LIVE_INTERACTIONS, variables },
    {
      next: ({ data, errors }) => (errors ? options.onError?.(errors) : data && options.onEvent(data.interactionLogged)),
      error: (error) => options.onError?.(error),
      complete: () => undefined,
    },
  );
  return async () => {
    stop();
    await client.dispose();
  };
}

if (require.main === module) {
  const url = process.env.MSL_GRAPH_URL ?? 'ws://127.0.0.1:4000/graphql';
  followInteractions(url, {
    token: process.env.MSL_GRAPH_TOKEN,
    mslId: process.argv[2],
    onEvent: ({ at, interaction }) =>
      console.log(`${at}  ${interaction?.id}  ${interaction?.channel} with ${interaction?.hcp?.name} (${interaction?.sentiment})`),
    onError: (error) => console.error(JSON.stringify(error)),
  });
  console.log(`following interactions${process.argv[2] ? ` of ${process.argv[2]}` : ''} on ${url} (Ctrl-C to stop)`);
}
