import neo4j from 'neo4j-driver';
import { Config, boltUri } from '../config';
import { commitCounterFor } from './commit-counter';
import { Database } from './database';

/**
 * Opens the driver for NEO4J_URI (bolt:// single server or neo4j:// routing) or the embedded
 * server. No auth for the embedded server (it runs with auth disabled), basic user/password otherwise.
 * When this process started the server at that address, the Database gets its commit counter.
 */
export function connect(config: Config): Database {
  const uri = boltUri(config);
  const auth = config.neo4jUri ? neo4j.auth.basic(config.neo4jUser, config.neo4jPassword) : undefined;
  const driver = neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10000,
    connectionTimeout: 5000,
    maxTransactionRetryTime: 5000,
    logging: { level: 'error', logger: () => undefined },
    // Nothing reads the server's notifications (deprecations, plan hints): it skips them per statement.
    notificationFilter: { minimumSeverityLevel: 'OFF' },
  });
  return new Database(
    driver,
    config.neo4jDatabase,
    config.queryTimeoutMs,
    {
      limit: config.maxConcurrentWrites,
      whileReading: config.maxConcurrentWritesWhileReading,
      perSecondWhileReading: config.maxWritesPerSecondWhileReading,
      readWindowMs: config.readPriorityWindowMs,
    },
    commitCounterFor(uri),
  );
}
