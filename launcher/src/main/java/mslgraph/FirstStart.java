package mslgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * The system database of a new data folder, created before the offline import instead of after
 * it: a first start of the DBMS creates it (its indexes, the initial user, the default database's
 * record), which took most of the database's first start after a bulk import. Run while the
 * parent still writes the importer's files, in a folder beside the data folder (the data folder
 * itself is created only once the input is known valid); then its system database (store and
 * transaction logs) and server id are moved into the data folder, and the offline import builds
 * the default database's store there, as `neo4j-admin database import` does on an installation
 * whose system database exists. Any failure leaves the data folder to create its own at start.
 */
final class FirstStart {
  /** What moves into the data folder, relative to a Neo4j home. */
  private static final List<String> SYSTEM = List.of("data/databases/system", "data/transactions/system", "data/server_id");

  private final Path folder;

  private FirstStart(Path folder) {
    this.folder = folder;
  }

  /** Starts and stops a DBMS in a folder beside {@code home}; null when that failed. */
  static FirstStart prepare(Path home) {
    Path folder = null;
    try {
      folder = Files.createTempDirectory(home.getParent(), "." + home.getFileName() + "-first-start-");
      final Path created = folder;
      // The JVM exits meanwhile when the parent finds its input invalid: no folder left behind.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(created)));
      DatabaseManagementService dbms =
          new DatabaseManagementServiceBuilder(folder)
              .setConfig(BoltConnector.enabled, false)
              .setConfig(HttpConnector.enabled, false)
              .setConfig(HttpsConnector.enabled, false)
              .setConfig(GraphDatabaseSettings.auth_enabled, false)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(16))
              .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
              .setConfig(GraphDatabaseSettings.udc_enabled, false)
              .build();
      dbms.shutdown();
      return new FirstStart(folder);
    } catch (Throwable e) {
      if (folder != null) deleteQuietly(folder);
      return null;
    }
  }

  /** Moves the system database into {@code home} (all or nothing), then removes the folder. */
  void moveInto(Path home) {
    try {
      for (String part : SYSTEM) {
        if (!Files.exists(folder.resolve(part))) return;
      }
      try {
        for (String part : SYSTEM) {
          Files.createDirectories(home.resolve(part).getParent());
          Files.move(folder.resolve(part), home.resolve(part));
        }
      } catch (IOException e) {
        for (String part : SYSTEM) deleteQuietly(home.resolve(part));
      }
    } finally {
      deleteQuietly(folder);
    }
  }

  static void deleteQuietly(Path path) {
    if (!Files.exists(path)) return;
    try (Stream<Path> paths = Files.walk(path)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temporary folder left behind.
    }
  }
}
