package mslgraph;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
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
    return execute(home, Files.readAllLines(argsFile), System.err);
  }

  private static int execute(Path home, List<String> args, PrintStream out) throws IOException {
    Path conf = home.resolve("conf");
    Files.createDirectories(conf);
    Path confFile = conf.resolve("neo4j.conf");
    if (!Files.exists(confFile)) Files.createFile(confFile);
    try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
      return AdminTool.execute(new ExecutionContext(home, conf, out, out, fs), args.toArray(String[]::new));
    }
  }

  /**
   * A throwaway import of two nodes and a relationship (the column types and options of
   * src/import/bulk-files.ts) into a temporary folder, output discarded: run while the parent
   * still writes the importer's files, it pays what every import pays once per JVM (the admin
   * tool's commands, class initialisation, the importer's stages compiled) on a core that would
   * otherwise wait, instead of at the start of the real import. Any failure only means no warm-up.
   */
  static void warmUp() {
    Path home = null;
    Thread cleanUp = null;
    try {
      home = Files.createTempDirectory("msl-import-warm-up-");
      // The JVM exits meanwhile when the parent finds its input invalid: no folder left behind.
      final Path folder = home;
      cleanUp = new Thread(() -> FirstStart.deleteQuietly(folder));
      Runtime.getRuntime().addShutdownHook(cleanUp);
      Path nodes = Files.writeString(home.resolve("nodes.csv"), ":ID,id,n:long,w:double,d:date\n0,\"a\",1,0.5,2025-01-01\n1,\"b\",,,\n");
      Path relationships = Files.writeString(home.resolve("relationships.csv"), ":START_ID,:END_ID,:TYPE,w:double\n0,1,R,0.5\n");
      List<String> args = List.of("database", "import", "full", "neo4j", "--id-type=actual", "--ignore-empty-strings=true",
          "--max-off-heap-memory=64M", "--read-buffer-size=256k", "--report-file=" + home.resolve("import.report"),
          "--nodes=N=" + nodes, "--relationships=" + relationships);
      execute(home, args, new PrintStream(OutputStream.nullOutputStream()));
    } catch (Throwable ignored) {
      // Only slower.
    } finally {
      if (home != null) FirstStart.deleteQuietly(home);
      if (cleanUp != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(cleanUp);
        } catch (IllegalStateException exiting) {
          // The hook runs anyway.
        }
      }
    }
  }
}
