package mslgraph;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.batchimport.api.input.PropertySizeCalculator;
import org.neo4j.batchimport.api.input.ReadableGroups;
import org.neo4j.internal.batchimport.input.Groups;
import org.neo4j.values.storable.DateValue;

/**
 * The offline importer's input, read from the parent's stream (src/db/bulk-stream.ts) instead of
 * CSV files: the records arrive already typed, in blocks, while the parent still encodes later
 * ones, so the importer parses no text and samples nothing (the parent knows the counts).
 *
 * <p>Stream (big-endian): "MSLB", version 1; the token table (int32 count, then per token int32
 * length + UTF-8); seven int64 estimates (nodes, relationships, node properties, relationship
 * properties, their sizes in bytes, node labels); then node blocks, an empty block, relationship
 * blocks, an empty block. A block: int32 byte length, then entities. A node: int32 id, uint16
 * label token, uint8 property count, properties; a relationship: int32 start id, int32 end id,
 * uint16 type token, uint8 property count, properties. A property: uint16 key token, uint8 kind,
 * value: 0 string (int32 length + UTF-8), 1 integer (float64 holding it), 2 float (float64), 3 date
 * (int32 epoch day). Node ids are the store's own (IdType.ACTUAL).
 *
 * <p>Blocks are taken one at a time by whichever importer thread asks (in stream order) and decoded
 * by that thread, so decoding runs on every core the importer uses.
 */
final class StreamInput implements Input {
  static final byte[] MAGIC = "MSLB".getBytes(StandardCharsets.US_ASCII);

  private final DataInputStream in;
  private final String[] tokens;
  private final String[][] labels;
  private final Estimates estimates;

  private StreamInput(DataInputStream in, String[] tokens, Estimates estimates) {
    this.in = in;
    this.tokens = tokens;
    this.labels = new String[tokens.length][];
    for (int i = 0; i < tokens.length; i++) labels[i] = new String[] {tokens[i]};
    this.estimates = estimates;
  }

  /** Reads the header after the magic (already read by the caller). */
  static StreamInput open(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    int version = in.readUnsignedByte();
    if (version != 1) throw new IOException("unknown import stream version " + version);
    String[] tokens = new String[in.readInt()];
    for (int i = 0; i < tokens.length; i++) {
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      tokens[i] = new String(bytes, StandardCharsets.UTF_8);
    }
    Estimates estimates =
        Input.knownEstimates(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
    return new StreamInput(in, tokens, estimates);
  }

  @Override
  public InputIterable nodes(Collector badCollector) {
    return () -> new Blocks(true);
  }

  @Override
  public InputIterable relationships(Collector badCollector) {
    return () -> new Blocks(false);
  }

  @Override
  public IdType idType() {
    return IdType.ACTUAL;
  }

  @Override
  public ReadableGroups groups() {
    return new Groups();
  }

  @Override
  public Estimates validateAndEstimate(PropertySizeCalculator valueSizeCalculator) {
    return estimates;
  }

  /** One section of the stream (nodes or relationships), block by block, until its empty block. */
  private final class Blocks implements InputIterator {
    private final boolean nodes;
    private boolean ended;

    Blocks(boolean nodes) {
      this.nodes = nodes;
    }

    @Override
    public InputChunk newChunk() {
      return new Block(nodes);
    }

    @Override
    public boolean next(InputChunk chunk) throws IOException {
      synchronized (in) {
        if (ended) return false;
        int length = in.readInt();
        if (length == 0) {
          ended = true;
          return false;
        }
        ((Block) chunk).fill(in, length);
        return true;
      }
    }

    @Override
    public void close() {}
  }

  private final class Block implements InputChunk {
    private final boolean nodes;
    private byte[] bytes = new byte[0];
    private ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, 0);

    Block(boolean nodes) {
      this.nodes = nodes;
    }

    void fill(DataInputStream in, int length) throws IOException {
      if (bytes.length < length) bytes = new byte[Math.max(length, 2 * bytes.length)];
      try {
        in.readFully(bytes, 0, length);
      } catch (EOFException e) {
        throw new IOException("the import stream ended inside a block", e);
      }
      buffer = ByteBuffer.wrap(bytes, 0, length);
    }

    @Override
    public boolean next(InputEntityVisitor visitor) throws IOException {
      if (!buffer.hasRemaining()) return false;
      if (nodes) {
        visitor.id(buffer.getInt());
        visitor.labels(labels[buffer.getShort() & 0xffff]);
      } else {
        visitor.startId(buffer.getInt());
        visitor.endId(buffer.getInt());
        visitor.type(tokens[buffer.getShort() & 0xffff]);
      }
      int properties = buffer.get() & 0xff;
      for (int i = 0; i < properties; i++) {
        String key = tokens[buffer.getShort() & 0xffff];
        visitor.property(key, value());
      }
      visitor.endOfEntity();
      return true;
    }

    private Object value() throws IOException {
      int kind = buffer.get();
      switch (kind) {
        case 0:
          int length = buffer.getInt();
          String text = new String(bytes, buffer.position(), length, StandardCharsets.UTF_8);
          buffer.position(buffer.position() + length);
          return text;
        case 1:
          return (long) buffer.getDouble();
        case 2:
          return buffer.getDouble();
        case 3:
          return DateValue.epochDate(buffer.getInt());
        default:
          throw new IOException("unknown value kind " + kind + " in the import stream");
      }
    }

    @Override
    public void close() {}
  }
}
