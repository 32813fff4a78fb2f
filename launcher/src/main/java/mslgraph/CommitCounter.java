package mslgraph;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Publishes how many commits changed what the API's network sync reads, as the LENGTH of a file
 * (src/db/commit-counter.ts): the API reads it with one stat() and skips its sync's database round
 * trip when it has not moved since its last sync. A file's length is set and read whole by the
 * kernel, so a reader never sees a value half written (an 8-byte value written in place could tear);
 * the file stays sparse (extending it allocates no blocks).
 *
 * <p>Bumped in afterCommit, which Neo4j runs in the committing thread after the commit is applied
 * to the store and before commit() returns, so before Bolt acknowledges the commit (SUCCESS of
 * COMMIT, or of the PULL that ends an auto-commit transaction): every commit a client has seen
 * acknowledged has bumped it, and its data is visible to any transaction that starts after the bump.
 *
 * <p>One file per JVM start, named by the parent (NEO4J_COMMIT_COUNTER): the parent never mistakes
 * another run's count for this one's. Older files in its folder (a JVM killed before its shutdown
 * hook) are removed once this JVM holds the store, so no reader keeps trusting a count that stopped.
 * If the file cannot be extended it is removed: readers then probe the database on every sync.
 */
final class CommitCounter {
  private final Path file;
  private final RandomAccessFile out;
  private long count;
  private boolean broken;

  private CommitCounter(Path file, RandomAccessFile out) {
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
      return new CommitCounter(file, new RandomAccessFile(file.toFile(), "rw"));
    } catch (IOException e) {
      return null;
    }
  }

  synchronized void bump() {
    if (broken) return;
    try {
      out.setLength(++count);
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
