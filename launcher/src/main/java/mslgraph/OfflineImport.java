package mslgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * Neo4j's offline importer ({@code neo4j-admin database import full}) run inside the launcher's
 * JVM, before the database starts on the store it builds (src/import/bulk.ts). One JVM instead of
 * two: no second start, and the importer's classes come from the launcher's class-data-sharing
 * archive (its training run imports a one-node file) instead of being read and verified from the
 * jars at every import, which took a few seconds of the first load on 2 cores.
 */
final class OfflineImport {
  private OfflineImport() {}

  /**
   * Runs the import command whose arguments are in {@code argsFile}, one per line; its output goes
   * to stderr (stdout carries the protocol with the Node parent). Returns its exit code.
   */
  static int run(Path home, Path argsFile) throws IOException {
    List<String> args = Files.readAllLines(argsFile);
    Path conf = home.resolve("conf");
    Files.createDirectories(conf);
    Path confFile = conf.resolve("neo4j.conf");
    if (!Files.exists(confFile)) Files.createFile(confFile);
    try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
      return AdminTool.execute(new ExecutionContext(home, conf, System.err, System.err, fs), args.toArray(String[]::new));
    }
  }
}
