package mslgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.IndexCreator;
import org.neo4j.graphdb.schema.IndexSetting;
import org.neo4j.graphdb.schema.IndexType;

/**
 * The constraints and indexes of a store the offline importer just built, created before the
 * database answers (Launcher), from the statements of the schema file (schema/neo4j.cypher, split
 * as src/db/schema.ts splits it). The three forms it holds - a unique property constraint, a range
 * index on one property, a full-text index with its analyzer - go through the core API: on the
 * import's fresh JVM (C1 only) Cypher over Bolt parsed and planned each cold, 10-120 ms apiece
 * (held, 100k HCPs: the eight range indexes 320-415 ms, here 52-53 ms with the full-text ones).
 * Any other statement runs as Cypher.
 *
 * <p>Indexes first, range and full-text in one transaction: one population job reads each label
 * once for all of them, in the background, while the constraints, in the next transaction, each
 * populate their own index in turn. Node's applySchema then finds them all and only waits.
 */
final class ImportSchema {
  private ImportSchema() {}

  private static final Pattern CONSTRAINT_PREFIX = Pattern.compile("CREATE CONSTRAINT\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONSTRAINT =
      Pattern.compile("CREATE CONSTRAINT (\\w+) IF NOT EXISTS FOR \\((\\w+):(\\w+)\\) REQUIRE \\2\\.(\\w+) IS UNIQUE", Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE =
      Pattern.compile("CREATE (?:RANGE )?INDEX (\\w+) IF NOT EXISTS FOR \\((\\w+):(\\w+)\\) ON \\(\\2\\.(\\w+)\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern FULLTEXT =
      Pattern.compile(
          "CREATE FULLTEXT INDEX (\\w+) IF NOT EXISTS FOR \\((\\w+):(\\w+)\\) ON EACH \\[([\\w.,\\s]+)\\]"
              + " OPTIONS \\{\\s*indexConfig: \\{\\s*`fulltext\\.analyzer`: '([\\w-]+)'\\s*\\}\\s*\\}",
          Pattern.CASE_INSENSITIVE);

  /** Creates the schema of {@code file} on {@code db}, whose store has none yet. */
  static void create(GraphDatabaseService db, Path file) throws IOException {
    List<String> indexes = new ArrayList<>();
    List<String> constraints = new ArrayList<>();
    for (String statement : statements(file)) (CONSTRAINT_PREFIX.matcher(statement).lookingAt() ? constraints : indexes).add(statement);
    inOneTransaction(db, indexes);
    inOneTransaction(db, constraints);
  }

  /** The file's statements: lines starting with // left out, split at each ';', blanks folded. */
  private static List<String> statements(Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(file)) if (!line.trim().startsWith("//")) text.append(line).append('\n');
    List<String> statements = new ArrayList<>();
    for (String statement : text.toString().split(";")) {
      if (!statement.isBlank()) statements.add(statement.trim().replaceAll("\\s+", " "));
    }
    return statements;
  }

  private static void inOneTransaction(GraphDatabaseService db, List<String> statements) {
    try (Transaction tx = db.beginTx()) {
      for (String statement : statements) create(tx, statement);
      tx.commit();
    }
  }

  private static void create(Transaction tx, String statement) {
    Matcher m;
    if ((m = CONSTRAINT.matcher(statement)).matches()) {
      tx.schema().constraintFor(Label.label(m.group(3))).assertPropertyIsUnique(m.group(4)).withName(m.group(1)).create();
    } else if ((m = RANGE.matcher(statement)).matches()) {
      tx.schema().indexFor(Label.label(m.group(3))).on(m.group(4)).withIndexType(IndexType.RANGE).withName(m.group(1)).create();
    } else if ((m = FULLTEXT.matcher(statement)).matches()) {
      IndexCreator index = tx.schema().indexFor(Label.label(m.group(3)));
      String prefix = m.group(2) + ".";
      for (String property : m.group(4).split(",")) {
        String p = property.trim();
        if (!p.startsWith(prefix)) throw new IllegalArgumentException("unexpected property " + p + " in: " + statement);
        index = index.on(p.substring(prefix.length()));
      }
      index.withIndexType(IndexType.FULLTEXT).withIndexConfiguration(Map.of(IndexSetting.fulltext_Analyzer(), m.group(5))).withName(m.group(1)).create();
    } else {
      tx.execute(statement).close();
    }
  }
}
