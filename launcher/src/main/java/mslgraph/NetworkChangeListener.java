package mslgraph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

/**
 * Records, in the committing transaction itself, which network entities it touched: the same
 * {@code (:NetworkChange)} record the API and the import write (src/network/changes.ts), so
 * that Cypher typed by hand, or any other writer, is seen by every API instance at the cost of
 * one index seek. When the transaction already created a record (the API's), what it touched is
 * added to that record instead, so a record is never incomplete.
 *
 * <p>What counts, mirroring what the projection reads (src/network/projection.ts):
 * HCP and MSL nodes created, erased or relabelled; links of the link types between HCPs and
 * their {@code weight}; KNOWS relationships and their {@code strength} (named by their MSL-HCP
 * pair, so readers re-read that relationship alone); an HCP's territory,
 * areas, institutions, authorships, trials and interactions (and an interaction's {@code sentiment},
 * a publication's {@code year}, a trial's {@code startYear});
 * territories and therapeutic areas created or erased. Anything else (notes, audit events,
 * names, schedules...) writes no record.
 *
 * <p>An erased HCP is named by its internal node id in {@code erased}, never by its id, and its
 * id is removed from the records that named it before (see src/network/erasure.ts): readers
 * remove it in memory, and no record keeps the id of a person erased.
 *
 * <p>A commit that readers must notice (one with a change record, or one that changes the counts or
 * records the sync reads: see {@link #noticed}) is published by the {@link CommitCounter}, if any:
 * a line before it is applied, one after.
 */
final class NetworkChangeListener implements TransactionEventListener<Long> {
  private static final Label HCP = Label.label("HCP");
  private static final Label MSL = Label.label("MSL");
  private static final Label CHANGE = Label.label("NetworkChange");
  private static final Label PUBLICATION = Label.label("Publication");
  private static final Label TRIAL = Label.label("ClinicalTrial");
  private static final Label INTERACTION = Label.label("Interaction");
  private static final RelationshipType AUTHORED = RelationshipType.withName("AUTHORED");
  private static final RelationshipType INVESTIGATOR_ON = RelationshipType.withName("INVESTIGATOR_ON");
  private static final Set<String> LINK_TYPES = Set.of("COAUTHOR", "CO_INVESTIGATOR", "COLLEAGUE", "MENTOR", "REFERRAL");
  /** Relationship types from an HCP to what its attributes count. */
  private static final Set<String> HCP_ATTRIBUTES = Set.of("IN_TERRITORY", "SPECIALIZES_IN", "AFFILIATED_WITH", "AUTHORED", "INVESTIGATOR_ON");
  private static final Set<String> REFERENCE_LABELS = Set.of("Territory", "TherapeuticArea");
  /** Labels whose nodes the sync counts (HCPs; MSLs, whose KNOWS it counts) or reads (the records). */
  private static final Set<String> COUNTED_LABELS = Set.of(HCP.name(), MSL.name(), CHANGE.name());

  private final CommitCounter commits;

  NetworkChangeListener(CommitCounter commits) {
    this.commits = commits;
  }

  /** What one transaction touched. */
  private static final class Touched {
    final Set<String> hcps = new LinkedHashSet<>();
    final Set<String> msls = new LinkedHashSet<>();
    /** MSL-HCP pairs whose relationship changed, by a key that keeps pairs apart (the MSL id's length first). */
    final Map<String, String[]> pairs = new LinkedHashMap<>();
    final Set<String> attrs = new LinkedHashSet<>();
    /** Internal node ids of the HCPs erased, and (for forgetting them) their ids. */
    final Set<Long> erased = new LinkedHashSet<>();
    final Set<String> erasedIds = new HashSet<>();
    boolean reference;

    boolean isEmpty() {
      return hcps.isEmpty() && msls.isEmpty() && pairs.isEmpty() && attrs.isEmpty() && erased.isEmpty() && !reference;
    }

    void pair(Object msl, Object hcp) {
      if (msl == null || hcp == null) return;
      String m = msl.toString();
      String h = hcp.toString();
      pairs.put(m.length() + ":" + m + h, new String[] {m, h});
    }
  }

  /** Returns the commit's number in the CommitCounter when readers must notice it (its line written), else null. */
  @Override
  public Long beforeCommit(TransactionData data, Transaction tx, GraphDatabaseService db) {
    boolean noticed = recordChange(data, tx);
    return noticed && commits != null ? commits.begin(data.metaData()) : null;
  }

  /** Records what the transaction touched; returns whether readers must notice the commit. */
  private boolean recordChange(TransactionData data, Transaction tx) {
    Node record = null;
    for (Node node : data.createdNodes()) {
      if (node.hasLabel(CHANGE)) {
        record = node;
        break;
      }
    }
    // A full record (an import) already makes every reader rebuild: naming what it touched would
    // only walk every created entity and store their ids (100k HCPs for a 1M-link import).
    if (record != null && Boolean.TRUE.equals(record.getProperty("full", false))) return true;
    Deleted deleted = new Deleted(data);
    Touched touched = new Touched();
    for (Node node : data.createdNodes()) {
      if (!node.equals(record)) nodeTouched(node.getLabels(), node.getProperty("id", null), touched);
    }
    for (Node node : data.deletedNodes()) {
      Set<String> labels = deleted.labels(node);
      if (labels.contains(CHANGE.name())) continue;
      if (labels.contains(HCP.name())) {
        // An erased HCP: its id must not outlive it, not even in a change record. Its node id names it.
        touched.erased.add(erasedNodeId(node));
        Object id = deleted.erasedId(node);
        if (id != null) touched.erasedIds.add(id.toString());
        labels = new HashSet<>(labels);
        labels.remove(HCP.name());
      }
      nodeLabelsTouched(labels, deleted.id(node), touched);
    }
    for (LabelEntry entry : data.assignedLabels()) labelTouched(entry, deleted, touched);
    for (LabelEntry entry : data.removedLabels()) labelTouched(entry, deleted, touched);
    for (PropertyEntry<Node> entry : data.assignedNodeProperties()) nodePropertyTouched(entry, deleted, touched);
    for (PropertyEntry<Node> entry : data.removedNodeProperties()) nodePropertyTouched(entry, deleted, touched);
    for (Relationship rel : data.createdRelationships()) relationshipTouched(rel, deleted, touched);
    for (Relationship rel : data.deletedRelationships()) relationshipTouched(rel, deleted, touched);
    for (PropertyEntry<Relationship> entry : data.assignedRelationshipProperties()) relationshipPropertyTouched(entry, deleted, touched);
    for (PropertyEntry<Relationship> entry : data.removedRelationshipProperties()) relationshipPropertyTouched(entry, deleted, touched);
    if (touched.isEmpty()) return record != null || noticed(data, deleted);
    // The API's erasure removed the ids it erased from the records already (its record names the nodes).
    boolean forgotten = record != null && record.getProperty("erased", null) instanceof long[] nodes && nodes.length > 0;
    if (!touched.erasedIds.isEmpty() && !forgotten) forget(tx, touched.erasedIds, record);
    if (record == null) {
      record = tx.createNode(CHANGE);
      record.setProperty("id", UUID.randomUUID().toString());
      record.setProperty("at", System.currentTimeMillis());
      record.setProperty("full", false);
      record.setProperty("reference", false);
    }
    merge(record, "hcps", touched.hcps);
    merge(record, "msls", touched.msls);
    mergePairs(record, touched.pairs);
    merge(record, "attrs", touched.attrs);
    mergeErased(record, touched.erased);
    if (touched.reference) record.setProperty("reference", true);
    return true;
  }

  /**
   * Whether a commit that named no network entity still changes what the sync reads: the count
   * store's counts it compares (HCPs, links by type from an HCP, KNOWS from an MSL: a link to a
   * node that is not an HCP, a relabelled node without an id) or the change records themselves
   * (edited or deleted by hand). Anything else (interactions' notes, audit events...) is not noticed.
   */
  private static boolean noticed(TransactionData data, Deleted deleted) {
    for (Relationship rel : data.createdRelationships()) if (counted(rel)) return true;
    for (Relationship rel : data.deletedRelationships()) if (counted(rel)) return true;
    for (LabelEntry entry : data.assignedLabels()) if (COUNTED_LABELS.contains(entry.label().name())) return true;
    for (LabelEntry entry : data.removedLabels()) if (COUNTED_LABELS.contains(entry.label().name())) return true;
    for (Node node : data.createdNodes()) for (Label label : node.getLabels()) if (COUNTED_LABELS.contains(label.name())) return true;
    for (PropertyEntry<Node> entry : data.assignedNodeProperties()) if (deleted.hasLabel(entry.entity(), CHANGE)) return true;
    for (PropertyEntry<Node> entry : data.removedNodeProperties()) if (deleted.hasLabel(entry.entity(), CHANGE)) return true;
    return false;
  }

  private static boolean counted(Relationship rel) {
    String type = rel.getType().name();
    return type.equals("KNOWS") || LINK_TYPES.contains(type);
  }

  @SuppressWarnings("deprecation") // the internal id is what readers hold per HCP (src/network/projection.ts reads id(h))
  private static long erasedNodeId(Node node) {
    return node.getId();
  }

  /** Removes erased HCPs' ids from the records (scanned: erasures are rare, records last an hour). */
  private static void forget(Transaction tx, Set<String> ids, Node own) {
    try (var records = tx.findNodes(CHANGE)) {
      while (records.hasNext()) {
        Node record = records.next();
        if (record.equals(own)) continue;
        without(record, "hcps", ids);
        without(record, "attrs", ids);
        if (!(record.getProperty("pairHcps", null) instanceof String[] hcps)) continue;
        if (!(record.getProperty("pairMsls", null) instanceof String[] msls) || Arrays.stream(hcps).noneMatch(ids::contains)) continue;
        List<String> keptMsls = new ArrayList<>();
        List<String> keptHcps = new ArrayList<>();
        for (int i = 0; i < hcps.length && i < msls.length; i++) {
          if (ids.contains(hcps[i])) continue;
          keptMsls.add(msls[i]);
          keptHcps.add(hcps[i]);
        }
        record.setProperty("pairMsls", keptMsls.toArray(new String[0]));
        record.setProperty("pairHcps", keptHcps.toArray(new String[0]));
      }
    }
  }

  private static void without(Node record, String key, Set<String> ids) {
    if (record.getProperty(key, null) instanceof String[] values && Arrays.stream(values).anyMatch(ids::contains)) {
      record.setProperty(key, Arrays.stream(values).filter(id -> !ids.contains(id)).toArray(String[]::new));
    }
  }

  /** Runs before the commit's locks are released and before it is acknowledged (see CommitCounter). */
  @Override
  public void afterCommit(TransactionData data, Long commit, GraphDatabaseService db) {
    if (commit != null) commits.committed(commit, data.metaData());
  }

  @Override
  public void afterRollback(TransactionData data, Long commit, GraphDatabaseService db) {
    if (commit != null) commits.aborted(commit);
  }

  private static void nodeTouched(Iterable<Label> labels, Object id, Touched touched) {
    Set<String> names = new HashSet<>();
    for (Label label : labels) names.add(label.name());
    nodeLabelsTouched(names, id, touched);
  }

  private static void nodeLabelsTouched(Set<String> labels, Object id, Touched touched) {
    if (labels.contains(HCP.name()) && id != null) touched.hcps.add(id.toString());
    if (labels.contains(MSL.name()) && id != null) touched.msls.add(id.toString());
    for (String label : labels) if (REFERENCE_LABELS.contains(label)) touched.reference = true;
  }

  private static void labelTouched(LabelEntry entry, Deleted deleted, Touched touched) {
    Node node = entry.node();
    if (deleted.isDeleted(node)) return; // counted with the deleted nodes
    nodeLabelsTouched(Set.of(entry.label().name()), node.getProperty("id", null), touched);
  }

  private static void nodePropertyTouched(PropertyEntry<Node> entry, Deleted deleted, Touched touched) {
    Node node = entry.entity();
    if (deleted.isDeleted(node)) return;
    String key = entry.key();
    if (key.equals("id")) {
      // A renamed HCP or MSL: the old id is gone, the new one appeared.
      for (Object id : Arrays.asList(entry.previouslyCommittedValue(), node.getProperty("id", null))) nodeTouched(node.getLabels(), id, touched);
    } else if (key.equals("sentiment") && node.hasLabel(INTERACTION)) {
      for (Relationship with : node.getRelationships(Direction.OUTGOING, RelationshipType.withName("WITH"))) {
        Node hcp = with.getEndNode();
        if (hcp.hasLabel(HCP)) touched.attrs.add(String.valueOf(hcp.getProperty("id", "")));
      }
    } else if ((key.equals("year") && node.hasLabel(PUBLICATION)) || (key.equals("startYear") && node.hasLabel(TRIAL))) {
      // A work's year decides which yearly scientific network it joins (rising stars, influence history).
      for (Relationship work : node.getRelationships(Direction.INCOMING, AUTHORED, INVESTIGATOR_ON)) {
        Node hcp = work.getStartNode();
        if (hcp.hasLabel(HCP)) touched.attrs.add(String.valueOf(hcp.getProperty("id", "")));
      }
    }
  }

  private static void relationshipTouched(Relationship rel, Deleted deleted, Touched touched) {
    String type = rel.getType().name();
    Node start = rel.getStartNode();
    Node end = rel.getEndNode();
    if (LINK_TYPES.contains(type)) {
      if (deleted.hasLabel(start, HCP) && deleted.hasLabel(end, HCP)) {
        add(touched.hcps, deleted.id(start));
        add(touched.hcps, deleted.id(end));
      }
    } else if (type.equals("KNOWS")) {
      if (!deleted.hasLabel(start, MSL)) return;
      // One pair's relationship: readers re-read it alone. To an erased HCP (id unknown): the erasure covers it.
      if (deleted.hasLabel(end, HCP)) touched.pair(deleted.id(start), deleted.id(end));
      else add(touched.msls, deleted.id(start));
    } else if (HCP_ATTRIBUTES.contains(type)) {
      if (deleted.hasLabel(start, HCP)) add(touched.attrs, deleted.id(start));
    } else if (type.equals("WITH")) {
      // Only an interaction's counts (a planned interaction, also WITH its HCP, counts for nothing).
      if (deleted.hasLabel(start, INTERACTION) && deleted.hasLabel(end, HCP)) add(touched.attrs, deleted.id(end));
    }
  }

  private static void relationshipPropertyTouched(PropertyEntry<Relationship> entry, Deleted deleted, Touched touched) {
    Relationship rel = entry.entity();
    if (deleted.isDeleted(rel)) return; // counted with the deleted relationships
    String type = rel.getType().name();
    if ((LINK_TYPES.contains(type) && entry.key().equals("weight")) || (type.equals("KNOWS") && entry.key().equals("strength"))) {
      relationshipTouched(rel, deleted, touched);
    }
  }

  private static void add(Set<String> ids, Object id) {
    if (id != null) ids.add(id.toString());
  }

  private static void merge(Node record, String key, Set<String> ids) {
    Set<String> all = new LinkedHashSet<>();
    Object existing = record.getProperty(key, null);
    if (existing instanceof String[] values) all.addAll(Arrays.asList(values));
    all.addAll(ids);
    record.setProperty(key, all.toArray(new String[0]));
  }

  private static void mergePairs(Node record, Map<String, String[]> pairs) {
    Map<String, String[]> all = new LinkedHashMap<>();
    if (record.getProperty("pairMsls", null) instanceof String[] msls && record.getProperty("pairHcps", null) instanceof String[] hcps) {
      Touched existing = new Touched();
      for (int i = 0; i < msls.length && i < hcps.length; i++) existing.pair(msls[i], hcps[i]);
      all.putAll(existing.pairs);
    }
    all.putAll(pairs);
    record.setProperty("pairMsls", all.values().stream().map(pair -> pair[0]).toArray(String[]::new));
    record.setProperty("pairHcps", all.values().stream().map(pair -> pair[1]).toArray(String[]::new));
  }

  private static void mergeErased(Node record, Set<Long> nodes) {
    Set<Long> all = new LinkedHashSet<>();
    if (record.getProperty("erased", null) instanceof long[] existing) for (long node : existing) all.add(node);
    all.addAll(nodes);
    record.setProperty("erased", all.stream().mapToLong(Long::longValue).toArray());
  }

  /**
   * Labels and ids of the nodes this transaction deletes: a deleted node can no longer be read,
   * but its labels and properties are in the transaction data.
   */
  private static final class Deleted {
    private final TransactionData data;
    private final Map<String, Set<String>> labels = new HashMap<>();
    private final Map<String, Object> ids = new HashMap<>();

    Deleted(TransactionData data) {
      this.data = data;
      for (LabelEntry entry : data.removedLabels()) {
        if (data.isDeleted(entry.node())) labels.computeIfAbsent(entry.node().getElementId(), k -> new HashSet<>()).add(entry.label().name());
      }
      for (PropertyEntry<Node> entry : data.removedNodeProperties()) {
        if (entry.key().equals("id") && data.isDeleted(entry.entity())) ids.put(entry.entity().getElementId(), entry.previouslyCommittedValue());
      }
    }

    boolean isDeleted(Node node) {
      return data.isDeleted(node);
    }

    boolean isDeleted(Relationship rel) {
      return data.isDeleted(rel);
    }

    Set<String> labels(Node node) {
      return labels.getOrDefault(node.getElementId(), Set.of());
    }

    /** The id of a node; null for an erased HCP (the record names its node id instead). */
    Object id(Node node) {
      if (!isDeleted(node)) return node.getProperty("id", null);
      return labels(node).contains(HCP.name()) ? null : ids.get(node.getElementId());
    }

    /** The id an erased HCP had: only to remove it from older records. */
    Object erasedId(Node node) {
      return ids.get(node.getElementId());
    }

    boolean hasLabel(Node node, Label label) {
      return isDeleted(node) ? labels(node).contains(label.name()) : node.hasLabel(label);
    }
  }
}
