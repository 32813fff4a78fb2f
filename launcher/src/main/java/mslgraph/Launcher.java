package mslgraph;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j 5.26 Community embedded, with Bolt on 127.0.0.1:NEO4J_BOLT_PORT and auth disabled.
 * NEO4J_PAGECACHE_MB sizes the page cache (default 512); NEO4J_TX_MEMORY_MB caps the memory of all
 * open transactions together (default 70% of the heap; 0 = no cap but the heap): a one-transaction
 * import of 100k HCPs and 1M links needs more than 2 GiB.
 *
 * <p>Protocol with the Node parent (src/db/embedded.ts), one line each on stdout:
 * {@code NEO4J_IMPORTED <ms>} after an offline import (see importFirst),
 * {@code NEO4J_SCHEMA <ms>} once the imported store's schema is created (createImportedSchema),
 * {@code NEO4J_READY bolt://127.0.0.1:PORT} once the default database answers, or
 * {@code NEO4J_ERROR <what to do>} followed by exit code 2.
 *
 * <p>The JVM stops cleanly on SIGTERM/SIGINT (shutdown hook) and also when its stdin closes: the
 * parent holds the other end of that pipe, so even a parent killed with SIGKILL leaves no orphan.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args.length > 0 ? args[0] : "data/neo4j").toAbsolutePath();
    int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
    long pageCacheMb = Long.parseLong(env("NEO4J_PAGECACHE_MB", "512"));
    // One atomic import holds all its rows in transaction memory: let it use most of the heap
    // (a bound below the heap keeps a too-large import a clean error, not an OutOfMemoryError).
    long defaultTxMb = Runtime.getRuntime().maxMemory() * 7 / 10 / (1024 * 1024);
    long txMemoryMb = Long.parseLong(env("NEO4J_TX_MEMORY_MB", String.valueOf(defaultTxMb)));

    failIfPortTaken(port);
    boolean imported = importFirst(home);
    String importSchema = imported ? env("NEO4J_SCHEMA_FILE", "") : "";
    Files.createDirectories(home);

    DatabaseManagementService dbms;
    CommitCounter commits = null;
    try {
      dbms =
          new DatabaseManagementServiceBuilder(home)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
              .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
              .setConfig(HttpConnector.enabled, false)
              .setConfig(HttpsConnector.enabled, false)
              .setConfig(GraphDatabaseSettings.auth_enabled, false)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
              .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(txMemoryMb))
              .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
              // The embedded store is the API's own: no anonymous usage data leaves the machine.
              .setConfig(GraphDatabaseSettings.udc_enabled, false)
              // Shutdown waits this long for the Bolt worker pool (default 5 s) even when every
              // connection is closed: the API closes its driver before stopping this JVM.
              .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200))
              .build();
      // Every commit, whoever makes it, records the network entities it touched (see the listener).
      // Once this JVM holds the store: it also removes counters a killed JVM left (CommitCounter).
      commits = CommitCounter.open(System.getenv("NEO4J_COMMIT_COUNTER"));
      dbms.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, new NetworkChangeListener(commits));
      // After an import the schema's transactions are the first and show the database answers;
      // a Cypher query before them only warmed Cypher up on the way (held A/B at 100k HCPs, four
      // alternating pairs: from the built store to every index online 2.93-3.04 s without it,
      // 3.12-3.24 s with it).
      if (importSchema.isEmpty()) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    } catch (Throwable e) {
      fail(explain(e, home));
      return;
    }
    if (!importSchema.isEmpty()) createImportedSchema(dbms, Path.of(importSchema));
    final DatabaseManagementService service = dbms;
    final CommitCounter counter = commits;
    Thread stopper =
        new Thread(
            () -> {
              service.shutdown();
              if (counter != null) counter.close();
            },
            "neo4j-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();

    waitForStdinClose();
    System.exit(0); // runs the shutdown hook
  }

  /**
   * With NEO4J_IMPORT=stream the parent streams the records of a new default database on stdin
   * (StreamInput), starting with a magic: this JVM starts while the parent still validates them.
   * Stdin closed before the magic (the input was invalid): the JVM exits having written nothing.
   * {@code NEO4J_IMPORTED <ms>} then says how long the import took from the magic on.
   */
  private static boolean importFirst(Path home) {
    if (!"stream".equals(System.getenv("NEO4J_IMPORT"))) return false;
    long started;
    try {
      InputStream in = System.in;
      for (byte expected : StreamInput.MAGIC) {
        int c = in.read();
        if (c < 0) System.exit(0);
        if (c != expected) fail("the offline import stream does not start with its magic");
      }
      started = System.nanoTime();
      Files.createDirectories(home);
      long offHeapMb = Long.parseLong(env("NEO4J_IMPORT_OFF_HEAP_MB", "1024"));
      OfflineImport.run(home, GraphDatabaseSettings.DEFAULT_DATABASE_NAME, offHeapMb * 1024 * 1024, in, System.err);
    } catch (Throwable e) {
      fail("the offline import failed: " + e);
      return false;
    }
    System.out.println("NEO4J_IMPORTED " + (System.nanoTime() - started) / 1_000_000);
    System.out.flush();
    seedSystemDatabase(home);
    return true;
  }

  /**
   * After an offline import, with NEO4J_SCHEMA_FILE set: the constraints and indexes of that file
   * are created before the database answers (ImportSchema), then {@code NEO4J_SCHEMA <ms>} says
   * how long that took. Failing, the JVM exits and the parent removes the import.
   */
  private static void createImportedSchema(DatabaseManagementService dbms, Path file) {
    long started = System.nanoTime();
    try {
      ImportSchema.create(dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME), file);
    } catch (Throwable e) {
      dbms.shutdown();
      fail("the schema of the imported store could not be created: " + e);
    }
    System.out.println("NEO4J_SCHEMA " + (System.nanoTime() - started) / 1_000_000);
    System.out.flush();
  }

  /**
   * After an offline import, the system database is copied from NEO4J_SYSTEM_TEMPLATE (a home's
   * data folder, src/db/embedded.ts) when set: a new system database is the same in every new
   * home (the default database's record, the security graph), and creating it is most of the
   * first start (about 1.5 s). A failed copy only leaves it to be created as usual.
   */
  private static void seedSystemDatabase(Path home) {
    String template = System.getenv("NEO4J_SYSTEM_TEMPLATE");
    if (template == null || template.isBlank()) return;
    Path data = home.resolve("data");
    if (Files.exists(data.resolve("databases/system")) || Files.exists(data.resolve("transactions/system"))) return;
    try {
      for (String part : new String[] {"databases/system", "transactions/system"}) copyTree(Path.of(template, part), data.resolve(part));
    } catch (IOException e) {
      deleteTree(data.resolve("databases/system"));
      deleteTree(data.resolve("transactions/system"));
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) Files.createDirectories(target);
        else Files.copy(file, target);
      }
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException ignored) {
      // Nothing more to do: the database start reports a store it cannot use.
    }
  }

  private static void waitForStdinClose() {
    InputStream in = System.in;
    byte[] buf = new byte[64];
    try {
      while (in.read(buf) >= 0) {
        // The parent never writes; reading only detects its end of the pipe going away.
      }
    } catch (IOException ignored) {
      // Same meaning as end of stream.
    }
  }

  private static void failIfPortTaken(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress("127.0.0.1", port));
    } catch (IOException e) {
      fail("port " + port + " is already in use on 127.0.0.1: stop what holds it, or set NEO4J_BOLT_PORT to a free port");
    }
  }

  private static String explain(Throwable e, Path home) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String msg = String.valueOf(t.getMessage());
      if (msg.contains("Lock file has been locked") || msg.contains("FileLockException") || t.getClass().getSimpleName().contains("FileLock")) {
        return "the data folder " + home + " is locked by another Neo4j process: stop it, or set NEO4J_DATA_DIR to another folder";
      }
      if (msg.contains("Address already in use")) {
        return "the Bolt port is already in use: set NEO4J_BOLT_PORT to a free port";
      }
    }
    Throwable root = e;
    while (root.getCause() != null) root = root.getCause();
    return "Neo4j failed to start: " + root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static void fail(String message) {
    System.out.println("NEO4J_ERROR " + message.replace('\n', ' '));
    System.out.flush();
    System.exit(2);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
