package org.yggdrasil.catalog.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.GarbageCollectable;
import org.yggdrasil.catalog.protocol.Graphable;
import org.yggdrasil.catalog.protocol.Layer;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.Mergeable;
import org.yggdrasil.catalog.protocol.Snapshotable;
import org.yggdrasil.catalog.protocol.VersionedSystem;

/**
 * The JSON wire's request envelope ({@code {"op": "branches", ...}}) answered against a {@link
 * SystemDirectory}, independent of the transport. Every request may name {@code database}
 * (default {@code ygg}), {@code system} (default: the system standing for the whole database)
 * and {@code branch} (default: the system's default branch). The operations and their fields
 * are documented in docs/json-wire.md.
 */
public final class WireProtocol {
  public static final String DEFAULT_DATABASE = "ygg";

  /** The operations, in the order docs/json-wire.md lists them. */
  public static final List<String> OPS = List.of("capabilities", "systems", "snapshot-id", "parent-ids",
      "snapshot-ref", "snapshot-meta", "branches", "current-branch", "branch!", "delete-branch!", "reset!",
      "history", "ancestors", "ancestor?", "common-ancestor", "commit-graph", "merge!", "conflicts", "diff",
      "gc!");

  /** What the transport sends back: an HTTP-like status and a JSON body. */
  public record Reply(int status, ObjectNode body) {}

  private final SystemDirectory directory;

  public WireProtocol(SystemDirectory directory) {
    this.directory = directory;
  }

  /** Answers one request given as JSON text; malformed JSON is 400 with SQLSTATE 22P02. */
  public Reply handle(String json) {
    JsonNode request;
    try {
      request = WireJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return failure(new SqlStateException(SqlState.INVALID_TEXT_REPRESENTATION,
          "the request is not valid JSON: " + e.getOriginalMessage()));
    }
    return handle(request);
  }

  public Reply handle(JsonNode request) {
    try {
      if (request == null || !request.isObject()) {
        throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
            "the request must be a JSON object such as {\"op\": \"branches\"}");
      }
      return new Reply(200, answer((ObjectNode) request));
    } catch (SqlStateException e) {
      return failure(e);
    } catch (RuntimeException e) {
      return new Reply(500, WireJson.error(new SqlStateException(SqlState.INTERNAL_ERROR,
          "internal error: " + e)));
    }
  }

  /** 404 for what does not exist, 409 for what conflicts with the current state, else 400. */
  public static Reply failure(SqlStateException e) {
    int status = switch (e.state()) {
      case UNDEFINED_OBJECT, INVALID_CATALOG_NAME -> 404;
      case DUPLICATE_OBJECT, SERIALIZATION_FAILURE, MERGE_CONFLICT, OBJECT_IN_USE,
           OBJECT_NOT_IN_PREREQUISITE_STATE -> 409;
      case INTERNAL_ERROR, IO_ERROR, DATA_CORRUPTED -> 500;
      default -> 400;
    };
    ObjectNode body = WireJson.error(e);
    if (e instanceof ConflictsException c) {
      body.put("kind", c.outcome().kind());
      body.set("conflicts", WireJson.conflicts(c.outcome().conflicts()));
    }
    return new Reply(status, body);
  }

  /** The system a request addresses (database, system, branch). */
  public VersionedSystem target(JsonNode request) {
    String database = text(request, "database", DEFAULT_DATABASE);
    VersionedSystem sys = directory.system(database, text(request, "system", null));
    String branch = text(request, "branch", null);
    if (branch != null) {
      sys = as(sys, Layer.BRANCHABLE, Branchable.class).checkout(branch);
    }
    return sys;
  }

  private ObjectNode answer(ObjectNode req) {
    String op = text(req, "op", null);
    if (op == null) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "the request has no \"op\"; one of: " + String.join(", ", OPS));
    }
    ObjectNode out = WireJson.object();
    if (op.equals("systems")) {
      String database = text(req, "database", DEFAULT_DATABASE);
      out.set("systems", WireJson.strings(directory.systems(database)));
      return out;
    }
    VersionedSystem sys = target(req);
    switch (op) {
      case "capabilities" -> {
        return WireJson.capabilities(sys.capabilities());
      }
      case "snapshot-id" -> out.put("snapshot-id", snap(sys).snapshotId());
      case "parent-ids" -> out.set("parent-ids", WireJson.strings(snap(sys).parentIds(snapshotOrHead(req, sys))));
      case "snapshot-ref" -> out.set("snapshot-ref", WireJson.snapshotRef(snap(sys).snapshotRef(snapshotOrHead(req, sys))));
      case "snapshot-meta" -> out.set("snapshot-meta", WireJson.snapshotMeta(snap(sys).snapshotMeta(snapshotOrHead(req, sys))));
      case "branches" -> out.set("branches", WireJson.strings(branchable(sys).branches()));
      case "current-branch" -> out.put("current-branch", branchable(sys).currentBranch());
      case "branch!" -> {
        String name = required(req, "name");
        out.put("created", name);
        out.put("snapshot-id", branchable(sys).branch(name, text(req, "from", null)).snapshotId());
      }
      case "delete-branch!" -> {
        String name = required(req, "name");
        branchable(sys).deleteBranch(name);
        out.put("deleted", name);
      }
      case "reset!" -> {
        Branchable b = branchable(sys);
        String to = required(req, "snapshot-id");
        b.resetBranch(b.currentBranch(), to);
        out.put("reset", b.currentBranch());
        out.put("snapshot-id", b.snapshotId());
      }
      case "history" -> out.set("history", WireJson.strings(graph(sys).history(req.path("limit").asInt(0))));
      case "ancestors" -> out.set("ancestors", WireJson.strings(graph(sys).ancestors(snapshotOrHead(req, sys))));
      case "ancestor?" -> out.put("ancestor?", graph(sys).isAncestor(required(req, "a"), required(req, "b")));
      case "common-ancestor" ->
          out.put("common-ancestor", graph(sys).commonAncestor(required(req, "a"), required(req, "b")).orElse(null));
      case "commit-graph" -> out.set("commit-graph", WireJson.commitGraph(graph(sys).commitGraph()));
      case "merge!" -> {
        return merge(req, mergeable(sys));
      }
      case "conflicts" -> out.set("conflicts", WireJson.conflicts(mergeable(sys).conflicts(required(req, "a"), required(req, "b"))));
      case "diff" -> out.set("diff", WireJson.delta(mergeable(sys).diff(required(req, "a"), required(req, "b"))));
      case "gc!" -> {
        GarbageCollectable gc = as(sys, Layer.GARBAGE_COLLECTABLE, GarbageCollectable.class);
        out.set("gc-roots", WireJson.strings(new TreeSet<>(gc.gcRoots())));
        out.put("reclaimed", gc.gcSweep());
      }
      default -> throw new SqlStateException(SqlState.UNDEFINED_FUNCTION,
          "unknown op \"" + op + "\"; one of: " + String.join(", ", OPS));
    }
    return out;
  }

  /** A stopped merge is 409 YG001 with the conflicts; nothing changed. */
  private static ObjectNode merge(ObjectNode req, Mergeable m) {
    String source = required(req, "source");
    MergePolicy policy = policy(text(req, "strategy", "fail"));
    MergeOutcome outcome = m.merge(source, policy, text(req, "message", null));
    if (outcome.stopped()) {
      throw new ConflictsException(source, outcome);
    }
    ObjectNode out = WireJson.object();
    out.put("merged", source);
    out.put("kind", outcome.kind());
    out.put("snapshot-id", outcome.snapshotId());
    out.set("conflicts", WireJson.conflicts(outcome.conflicts()));
    return out;
  }

  /** Carries a stopped merge's conflicts to the error reply. */
  public static final class ConflictsException extends SqlStateException {
    private final transient MergeOutcome outcome;

    ConflictsException(String source, MergeOutcome outcome) {
      super(SqlState.MERGE_CONFLICT, "merging \"" + source + "\" stopped at " + outcome.conflicts().size()
          + " conflict(s); nothing was changed", null,
          "Resolve with \"strategy\": \"ours\" or \"theirs\", or change a side and merge again.", 0, null);
      this.outcome = outcome;
    }

    public MergeOutcome outcome() {
      return outcome;
    }
  }

  private static MergePolicy policy(String name) {
    try {
      return MergePolicy.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "unknown merge strategy \"" + name + "\"; use fail, ours or theirs");
    }
  }

  private static String snapshotOrHead(JsonNode req, VersionedSystem sys) {
    String id = text(req, "snapshot-id", null);
    return id != null ? id : snap(sys).snapshotId();
  }

  private static Snapshotable snap(VersionedSystem s) {
    return as(s, Layer.SNAPSHOTABLE, Snapshotable.class);
  }

  private static Branchable branchable(VersionedSystem s) {
    return as(s, Layer.BRANCHABLE, Branchable.class);
  }

  private static Graphable graph(VersionedSystem s) {
    return as(s, Layer.GRAPHABLE, Graphable.class);
  }

  private static Mergeable mergeable(VersionedSystem s) {
    return as(s, Layer.MERGEABLE, Mergeable.class);
  }

  /** The system as a layer's interface; 0A000 when it does not advertise the layer. */
  private static <T> T as(VersionedSystem s, Layer layer, Class<T> type) {
    if (!s.capabilities().has(layer) || !type.isInstance(s)) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "system \"" + s.systemId() + "\" is not " + layer.wireName() + "; its protocols: "
              + WireJson.capabilities(s.capabilities()).get("protocols"));
    }
    return type.cast(s);
  }

  static String text(JsonNode req, String field, String fallback) {
    JsonNode n = req.get(field);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isTextual()) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "\"" + field + "\" must be a string, not " + n);
    }
    return n.asText();
  }

  private static String required(JsonNode req, String field) {
    String v = text(req, field, null);
    if (v == null) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "op \"" + text(req, "op", "") + "\" needs \"" + field + "\"");
    }
    return v;
  }
}
