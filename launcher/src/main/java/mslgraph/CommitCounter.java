package mslgraph;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Publishes the commits that changed what the API's network sync reads, as lines appended to a file
 * (src/db/commit-counter.ts, src/network/commit-log.ts). Its LENGTH is the count the API compares
 * with one stat(): unmoved since its last sync, nothing it reads has committed. Its LINES say whose
 * commits they were, so that the API can apply the states its own transactions read instead of
 * probing the database: one line when a commit is about to be applied ({@code b}: in beforeCommit,
 * before any other transaction can see it), one when it was ({@code c}: in afterCommit) or was not
 * ({@code a}: afterRollback), each with the commit's number in this JVM and, for the API's
 * transactions, the origin and sequence number their metadata carries ({@code -} without):
 * {@code b 12 9f3a... 407}. One write per line, in append mode, one writer (this JVM, synchronized):
 * lines never interleave, and a reader sees the file grow by whole writes.
 *
 * <p>afterCommit runs in the committing thread after the commit is applied to the store and before
 * its locks are released (KernelTransactionImplementation: commit, afterCommit, then the lock client
 * is closed) and before commit() returns, so before Bolt acknowledges the commit: every commit a
 * client has seen acknowledged has its {@code c} line, and a transaction that waited for one of its
 * locks starts reading after that line is written.
 *
 * <p>One file per JVM start, named by the parent (NEO4J_COMMIT_COUNTER): the parent never mistakes
 * another run's lines for this one's. Older files in its folder (a JVM killed before its shutdown
 * hook) are removed once this JVM holds the store, so no reader keeps trusting a file that stopped.
 * If the file cannot be written it is removed: readers then probe the database on every sync.
 */
final class CommitCounter {
  private static final String ORIGIN = "networkOrigin";
  private static final String SEQUENCE = "networkSeq";

  private final Path file;
  private final FileChannel out;
  private long commits;
  private boolean broken;

  private CommitCounter(Path file, FileChannel out) {
    this.file = file;
    this.out = out;
  }

  /** The counter at `path` (a new empty file; other files in its folder removed), or null when none is asked for or it cannot be created. */
  static CommitCounter open(String path) {
    if (path == null || path.isBlank()) return null;
    Path file = Path.of(path).toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
      try (Stream<Path> others = Files.list(file.getParent())) {
        for (Path other : (Iterable<Path>) others::iterator) if (!other.equals(file)) Files.deleteIfExists(other);
      }
      Files.deleteIfExists(file);
      FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      return new CommitCounter(file, out);
    } catch (IOException e) {
      return null;
    }
  }

  /** A noticed commit is about to be applied: its `b` line; returns its number for {@link #committed} or {@link #aborted}. */
  synchronized long begin(Map<String, Object> metadata) {
    long commit = ++commits;
    append("b " + commit + " " + origin(metadata));
    return commit;
  }

  synchronized void committed(long commit, Map<String, Object> metadata) {
    append("c " + commit + " " + origin(metadata));
  }

  synchronized void aborted(long commit) {
    append("a " + commit);
  }

  /** The API's origin and sequence from the transaction's metadata (only word characters: a line stays one line), or "- -". */
  private static String origin(Map<String, Object> metadata) {
    Object origin = metadata.get(ORIGIN);
    Object sequence = metadata.get(SEQUENCE);
    if (!(origin instanceof String o) || !o.matches("\\w{1,64}") || !(sequence instanceof Number n)) return "- -";
    return o + " " + n.longValue();
  }

  private void append(String line) {
    if (broken) return;
    try {
      ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
      while (bytes.hasRemaining()) out.write(bytes);
    } catch (IOException e) {
      broken = true;
      close();
    }
  }

  /** Removes the file: a reader then probes the database. */
  synchronized void close() {
    try {
      out.close();
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // Nothing more to do: the JVM is stopping, or the counter is already unusable.
    }
  }
}
