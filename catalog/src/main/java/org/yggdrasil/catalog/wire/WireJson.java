package org.yggdrasil.catalog.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Capabilities;
import org.yggdrasil.catalog.protocol.Change;
import org.yggdrasil.catalog.protocol.CommitGraph;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.catalog.protocol.Layer;
import org.yggdrasil.catalog.protocol.SnapshotMeta;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.SystemEvent;

/** The protocol's values as the JSON wire writes them (spec "JSON Wire Format"). */
public final class WireJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private WireJson() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode strings(Collection<String> values) {
    ArrayNode a = MAPPER.createArrayNode();
    values.forEach(a::add);
    return a;
  }

  /** {@code {"system-id", "system-type", "protocols": [...], "version"}}; layers in declaration order. */
  public static ObjectNode capabilities(Capabilities c) {
    ObjectNode o = object();
    o.put("system-id", c.systemId());
    o.put("system-type", c.systemType());
    ArrayNode protocols = o.putArray("protocols");
    for (Layer l : Layer.values()) {
      if (c.has(l)) {
        protocols.add(l.wireName());
      }
    }
    o.put("version", c.version());
    return o;
  }

  public static ObjectNode hlc(Hlc h) {
    ObjectNode o = object();
    o.put("physical", h.physical());
    o.put("logical", h.logical());
    return o;
  }

  public static ObjectNode snapshotRef(SnapshotRef r) {
    ObjectNode o = object();
    o.put("system-id", r.systemId());
    o.put("snapshot-id", r.snapshotId());
    o.set("hlc", hlc(r.hlc()));
    o.set("parent-ids", strings(r.parentIds()));
    o.put("content-hash", r.contentHash());
    return o;
  }

  public static ObjectNode snapshotMeta(SnapshotMeta m) {
    ObjectNode o = snapshotRef(m.ref());
    o.put("time", m.time().toString());
    o.put("message", m.message());
    o.put("author", m.author());
    o.put("branch", m.branch());
    return o;
  }

  public static ObjectNode change(Change c) {
    ObjectNode o = object();
    o.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
    o.put("path", c.path());
    o.put("before", c.before());
    o.put("after", c.after());
    return o;
  }

  public static ObjectNode delta(Delta d) {
    ObjectNode o = object();
    o.put("system-id", d.systemId());
    o.put("from", d.from());
    o.put("to", d.to());
    ArrayNode changes = o.putArray("changes");
    d.changes().forEach(c -> changes.add(change(c)));
    return o;
  }

  public static ArrayNode conflicts(List<Conflict> conflicts) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Conflict c : conflicts) {
      ObjectNode o = a.addObject();
      o.put("system-id", c.systemId());
      o.put("path", c.path());
      o.put("base", c.base());
      o.put("ours", c.ours());
      o.put("theirs", c.theirs());
      o.put("detail", c.detail());
    }
    return a;
  }

  /** Sorted by snapshot id and branch name so equal graphs print equally. */
  public static ObjectNode commitGraph(CommitGraph g) {
    ObjectNode o = object();
    ObjectNode parents = o.putObject("parents");
    new TreeMap<>(g.parents()).forEach((id, ps) -> parents.set(id, strings(ps)));
    ObjectNode heads = o.putObject("heads");
    new TreeMap<>(g.heads()).forEach(heads::put);
    return o;
  }

  /** An event as a watcher receives it; {@code database} says where it happened. */
  public static ObjectNode event(String database, SystemEvent e) {
    ObjectNode o = object();
    o.put("type", e.type());
    o.put("database", database);
    o.put("system-id", e.systemId());
    o.put("branch", e.branch());
    o.put("snapshot-id", e.ref() == null ? null : e.ref().snapshotId());
    o.set("ref", e.ref() == null ? MAPPER.nullNode() : snapshotRef(e.ref()));
    return o;
  }

  /** {@code {"error": message, "sqlstate": code}} plus the detail and hint when there are some. */
  public static ObjectNode error(SqlStateException e) {
    ObjectNode o = object();
    o.put("error", e.getMessage());
    o.put("sqlstate", e.state().code());
    if (e.detail() != null) {
      o.put("detail", e.detail());
    }
    if (e.hint() != null) {
      o.put("hint", e.hint());
    }
    return o;
  }
}
