/**
 * The embedded server's commit lines (launcher/.../CommitCounter.java), read by the network sync:
 * when every commit since its last sync is one of this instance's whose states it kept, the sync
 * applies those states and sends no statement. Any other commit (Cypher typed by hand, the import,
 * another API instance, a mutation whose states are not kept) sends it to its probe, as before.
 *
 * Lines: `b <n> <origin> <seq>` before commit n is applied (no other transaction sees it yet),
 * `c <n> <origin> <seq>` after (before its locks are released and before it is acknowledged), `a <n>`
 * when it rolled back; origin and seq are the transaction's metadata (`-` without): this
 * instance's `origin` and the ticket's `seq` (ticket()).
 *
 * Exactness. A kept transaction (src/network/changes.ts recordNetworkChange) takes an exclusive
 * lock on each HCP its record names, then reads their states and its pairs' (PREFETCH_STATES) in
 * its last statement, and reads the file's length just before sending it (`position`). So:
 * - two kept transactions naming one HCP read in commit order: the second waits for the first's
 *   lock, which is released after the first's `c` line is written; the later line holds the newer
 *   states, and the lines are applied in file order;
 * - any other commit the kept states may lack committed after `position` was read, so it wrote a
 *   line after `position`: its `b` line when it began committing after that, or its `c`/`a` line when
 *   it was already committing. A sync applies kept states only when no such line lies after the
 *   oldest `position` it applies (`foreignAt`) and no other commit is between its `b` and `c` lines
 *   (`open`), and sends its probe otherwise. A commit another sync's probe could have seen wrote its
 *   `b` line before it was visible, so a commit a probe applied and the kept states lack is caught
 *   the same way; a kept change whose record a probe already applied is not applied again (the
 *   probe read after its commit);
 * - every commit acknowledged before a sync has its `c` line in the file when the sync reads it.
 */
import { randomBytes } from 'node:crypto';
import { KeptChange, pairKey } from './changes';
import { HcpState, PairState } from './incremental';

/** A write transaction's metadata (the driver's txConfig): the launcher copies it into its commit's lines. */
export interface CommitTicket {
  seq: number;
  metadata: { networkOrigin: string; networkSeq: number };
}

/** A kept change whose line did not show within this long (its transaction did not commit) is dropped. */
const KEPT_TTL_MS = 60_000;

export class CommitLog {
  /** This instance's name in the lines (the launcher accepts word characters only). */
  readonly origin = randomBytes(8).toString('hex');
  private seq = 0;
  private kept = new Map<number, { change: KeptChange; until: number }>();
  /** The file (inode) the positions below are in: another file (a restarted server) starts over. */
  private ino?: number;
  /** End of the last whole line read. */
  offset = 0;
  /** End of the last line of a commit that is not one of this instance's kept ones. */
  private foreignAt = 0;
  /** Such commits begun and not ended yet, by number. */
  private open = new Set<string>();
  private restarted = false;

  ticket(): CommitTicket {
    const seq = ++this.seq;
    return { seq, metadata: { networkOrigin: this.origin, networkSeq: seq } };
  }

  /** Keeps what transaction `seq` read (a retried transaction keeps its last attempt's). */
  keep(seq: number, change: KeptChange): void {
    const now = Date.now();
    for (const [held, entry] of this.kept) {
      if (entry.until > now) break;
      this.kept.delete(held);
    }
    this.kept.delete(seq);
    this.kept.set(seq, { change, until: now + KEPT_TTL_MS });
  }

  /** Whether the positions held are in file `ino`. */
  reads(ino: number): boolean {
    return this.ino === ino;
  }

  /**
   * Another file (a server started again, or the first one read): its positions are not those the
   * kept changes were read at, so they are dropped, and its lines are read from its start (returned).
   */
  restart(ino: number): number {
    this.ino = ino;
    this.offset = 0;
    this.foreignAt = 0;
    this.open.clear();
    this.kept.clear();
    this.restarted = true;
    return this.offset;
  }

  /**
   * Consumes the whole lines of `text` (file `ino` from `offset` on): the kept changes they
   * committed, in file order, when all of them may be applied (see above), else undefined (the
   * caller probes: every commit whose line it consumed is visible to the probe).
   */
  take(ino: number, text: string): KeptChange[] | undefined {
    if (this.ino !== ino) {
      this.restart(ino);
      return undefined;
    }
    const end = text.lastIndexOf('\n') + 1;
    const taken: KeptChange[] = [];
    // After a restart the network was not synced by these lines: one probe first.
    let usable = !this.restarted;
    this.restarted = false;
    let at = this.offset;
    for (const line of text.slice(0, end).split('\n').slice(0, -1)) {
      at += line.length + 1;
      const [kind, commit, origin, seq] = line.split(' ');
      const own = origin === this.origin ? this.kept.get(Number(seq))?.change : undefined;
      if (kind === 'a') {
        if (this.open.delete(commit)) this.foreignAt = at;
      } else if (!own) {
        usable = false;
        this.foreignAt = at;
        if (kind === 'b') this.open.add(commit);
        else this.open.delete(commit);
      } else if (kind === 'c') {
        this.kept.delete(Number(seq));
        if (own.position < this.foreignAt || this.open.size > 0) usable = false;
        taken.push(own);
      }
    }
    this.offset += end;
    return usable ? taken : undefined;
  }
}

/** The states of `kept`, the last one read for each HCP and pair (lines in file order: the newest). */
export function latestStates(kept: readonly KeptChange[]): KeptChange['states'] {
  const attrs = new Map<string, HcpState>();
  const pairs = new Map<string, PairState>();
  for (const { states } of kept) {
    for (const state of states.attrs) attrs.set(state.id, state);
    for (const pair of states.pairs) pairs.set(pairKey(pair.msl, pair.hcp), pair);
  }
  return { attrs: [...attrs.values()], pairs: [...pairs.values()] };
}
