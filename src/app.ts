import { Config } from './config';
import { connect } from './db/connect';
import { Database } from './db/database';
import { LiveFeed } from './db/live-feed';
import { LiveEventStore } from './db/live-events';
import { applySchema } from './db/schema';
import { AppServices } from './graph/context';
import { NetworkService } from './network/network.service';
import { ListBounds } from './graph/common/list-bounds';
import { HttpServer, startHttpServer } from './http/server';
import { Logger } from './logger';

export interface RunningApp {
  url: string;
  services: AppServices;
  http: HttpServer;
  /** Resolves once the schema is applied (and the demo seeded, if asked): the database answered. */
  prepared: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the API against the Neo4j at `config` (bolt/neo4j URI). HTTP serves at once, even while
 * the database is down (/health 200, /ready 503, queries SERVICE_UNAVAILABLE); schema and demo
 * data are applied in the background as soon as the database answers.
 */
export async function startApp(config: Config, logger: Logger, seed?: (db: Database) => Promise<void>): Promise<RunningApp> {
  const db = connect(config);
  const services: AppServices = {
    config,
    db,
    prepared: false,
    network: new NetworkService(db, config.betweennessBudgetMs),
    listBounds: new ListBounds(db),
    live: new LiveFeed(new LiveEventStore(db), config.livePollMs, (error) =>
      logger.warn({ err: (error as Error).message }, 'live events: a poll failed; trying again'),
    ),
  };
  services.live.startPruning();
  const http = await startHttpServer(services, logger);
  // Ready only once warm: the first requests then answer as fast as later ones. The list bounds'
  // first measure plans a large statement (seconds on a cold database): not on a client's time.
  const prepared = prepareDatabase(db, logger, seed)
    .then(() => Promise.all([http.warmUp(), services.listBounds.current()]))
    .then(() => {
      services.prepared = true;
    });
  return {
    url: http.url,
    services,
    http,
    prepared,
    stop: async () => {
      services.live.stop();
      await http.stop();
      services.network.stop();
      await db.close();
    },
  };
}

async function prepareDatabase(db: Database, logger: Logger, seed?: (db: Database) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await applySchema(db);
      if (seed) await seed(db);
      logger.info('database ready: schema applied');
      return;
    } catch (error) {
      const delay = Math.min(30000, 500 * 2 ** Math.min(attempt, 6));
      logger.warn({ err: (error as Error).message, attempt, retryInMs: delay }, 'database not ready yet');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
