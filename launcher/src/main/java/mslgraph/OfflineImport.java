package mslgraph;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.neo4j.batchimport.api.BatchImporter;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.context.FixedVersionContextSupplier;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.impl.index.schema.IndexImporterFactoryImpl;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.internal.NullLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import org.neo4j.storageengine.api.StorageEngineFactory;
import org.neo4j.storageengine.api.TransactionIdStore;

/**
 * Neo4j's offline importer (what {@code neo4j-admin database import full} runs) building a new
 * store in the launcher's JVM, before the database starts on it (src/import/bulk.ts), fed the
 * records through its programmatic input (StreamInput) as the parent streams them: no CSV files
 * written and parsed again, no sample read for the estimates, and the importer's node stage runs
 * while the parent still encodes the relationships. Its progress goes to stderr (stdout carries
 * the protocol with the Node parent).
 */
final class OfflineImport {
  private OfflineImport() {}

  /** Imports the stream (after its magic) into the database {@code database} of {@code home}. */
  static void run(Path home, String database, long offHeapBytes, InputStream stream, PrintStream out) throws Exception {
    Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
    DatabaseLayout layout = Neo4jLayout.of(config).databaseLayout(database);
    StorageEngineFactory engine = StorageEngineFactory.selectStorageEngine(config);
    Configuration importConfig =
        new Configuration() {
          @Override
          public long maxOffHeapMemory() {
            return offHeapBytes;
          }
        };
    CursorContextFactory contexts =
        new CursorContextFactory(PageCacheTracer.NULL, new FixedVersionContextSupplier(TransactionIdStore.BASE_TX_ID));
    try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction();
        JobScheduler scheduler = JobSchedulerFactory.createInitialisedScheduler();
        StreamInput input = StreamInput.open(stream)) {
      fs.mkdirs(layout.databaseDirectory());
      BatchImporter importer =
          engine.batchImporter(
              layout,
              fs,
              PageCacheTracer.NULL,
              importConfig,
              NullLogService.getInstance(),
              out,
              false,
              DefaultAdditionalIds.EMPTY,
              config,
              Monitor.NO_MONITOR,
              scheduler,
              Collector.STRICT,
              TransactionLogInitializer.getLogFilesInitializer(),
              new IndexImporterFactoryImpl(),
              EmptyMemoryTracker.INSTANCE,
              contexts);
      importer.doImport(input);
    }
  }
}
