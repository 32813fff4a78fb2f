import { ApolloServerPlugin } from '@apollo/server';
import { WriteGate } from '../db/write-gate';

/**
 * Marks each GraphQL query on the write gate from the moment its operation is known to its
 * answer, so writes get fewer slots, and are paced, while queries come (src/db/write-gate.ts). A
 * read's time under load is mostly waiting: for the database's CPUs and for the event loop, both
 * busy with the writes running beside it.
 */
export function readPriority(gate: () => WriteGate): ApolloServerPlugin {
  return {
    requestDidStart: async () => {
      let done: (() => void) | undefined;
      const release = async () => done?.();
      return {
        didResolveOperation: async ({ operation }) => {
          if (operation?.operation === 'query') done = gate().reading();
        },
        didEncounterErrors: release,
        willSendResponse: release,
      };
    },
  };
}
