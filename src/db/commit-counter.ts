import fs from 'node:fs';

/**
 * How many commits changed what the network sync reads, as the embedded Neo4j publishes it
 * (launcher/.../CommitCounter.java: the length of a file it extends after each such commit,
 * before the commit is acknowledged). Reading it is one stat() (microseconds, no round trip): a
 * sync that finds it where it was at the previous sync's start knows that nothing it reads has
 * committed since, and skips its probe (src/network/network.service.ts).
 *
 * Only the process that started the embedded Neo4j knows its counter (one file per JVM start, named
 * by embedded.ts); any other API instance, and every external server (NEO4J_URI), probes as before.
 */
export class CommitCounter {
  private stopped = false;

  constructor(readonly file: string) {}

  /**
   * The count, with the file's identity (so a file replaced by another is another count), or
   * undefined when it is not known: the server stopped, the file is gone or unreadable.
   */
  read(): string | undefined {
    if (this.stopped) return undefined;
    try {
      const stats = fs.statSync(this.file, { throwIfNoEntry: false });
      return stats?.isFile() ? `${stats.ino}:${stats.size}` : undefined;
    } catch {
      return undefined;
    }
  }

  /** The server stopped (or is stopping): the count no longer says anything. */
  stop(): void {
    this.stopped = true;
  }
}

/** The counters of the embedded servers this process started, by their Bolt URI. */
const counters = new Map<string, CommitCounter>();

/** Makes `counter` the one of the server at `uri` (embedded.ts); connect() hands it to the Database. */
export function publishCommitCounter(uri: string, counter: CommitCounter): void {
  counters.set(uri, counter);
}

export function withdrawCommitCounter(uri: string, counter: CommitCounter): void {
  counter.stop();
  if (counters.get(uri) === counter) counters.delete(uri);
}

/** The counter of the embedded server at `uri` if this process started it (or was told of it), else undefined. */
export function commitCounterFor(uri: string): CommitCounter | undefined {
  return counters.get(uri);
}
