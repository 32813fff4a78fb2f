import { Config } from '../config';
import { Database } from '../db/database';
import { LiveFeed } from '../db/live-feed';
import { NetworkService } from '../network/network.service';
import { Role } from '../vocabulary';
import { RequestLoaders } from './common/loaders';
import { ListBounds } from './common/list-bounds';

/** Who is asking: from the bearer JWT, or the open development identity when JWT_SECRET is unset. */
export interface Viewer {
  sub: string;
  roles: Role[];
  mslId?: string;
}

/**
 * Process-wide services shared by all requests (stateless towards clients: everything cached
 * here is derived from the database and revalidated against it).
 */
export interface AppServices {
  config: Config;
  db: Database;
  /** False until the schema is applied (and the demo seeded): /ready answers 503 meanwhile. */
  prepared: boolean;
  /** The network projection and its scores, revalidated against the database on every use. */
  network: NetworkService;
  /** Current sizes of the lists that return every element, for the query cost model. */
  listBounds: ListBounds;
  /** The live event records this instance polls while subscriptions listen (src/db/live-feed.ts). */
  live: LiveFeed;
}

export interface GraphContext {
  requestId: string;
  viewer: Viewer;
  app: AppServices;
  db: Database;
  loaders: RequestLoaders;
}

export function createContext(app: AppServices, viewer: Viewer, requestId: string): GraphContext {
  return { requestId, viewer, app, db: app.db, loaders: new RequestLoaders(app.db) };
}

export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return viewer.roles.some((role) => roles.includes(role));
}
