package org.yggdrasil.storage.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yggdrasil.catalog.protocol.Hlc;

/**
 * The version metadata under the state directory as plain JSON, so it survives restarts and can
 * be read by hand: {@code snapshots/<id>.json} (manifest, parents, HLC, message) and {@code
 * refs.json} (branch heads and the clock's high-water mark).
 */
final class MetadataStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path snapshotDir;
  private final Path refsFile;

  MetadataStore(Path stateDir) {
    this.snapshotDir = stateDir.resolve("snapshots");
    this.refsFile = stateDir.resolve("refs.json");
    try {
      Files.createDirectories(snapshotDir);
    } catch (IOException e) {
      throw AtomicFiles.ioError("could not create directory \"" + snapshotDir + "\"", e);
    }
  }

  /** Branch heads and clock, as last saved. */
  record Refs(Map<String, String> branches, Hlc highWater) {}

  void saveSnapshot(SnapshotRecord s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", s.id());
    n.putArray("parents").addAll(s.parents().stream().map(JSON.getNodeFactory()::textNode).toList());
    ObjectNode files = n.putObject("manifest");
    s.manifest().files().forEach(files::put);
    n.put("hlc", s.hlc().toString());
    n.put("time", s.time().toString());
    n.put("message", s.message());
    n.put("author", s.author());
    if (s.branch() != null) {
      n.put("branch", s.branch());
    }
    AtomicFiles.write(snapshotDir.resolve(s.id() + ".json"), bytes(n));
  }

  Map<String, SnapshotRecord> loadSnapshots() {
    Map<String, SnapshotRecord> out = new HashMap<>();
    try (Stream<Path> s = Files.list(snapshotDir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        JsonNode n = JSON.readTree(p.toFile());
        TreeMap<String, String> files = new TreeMap<>();
        n.get("manifest").properties().forEach(e -> files.put(e.getKey(), e.getValue().asText()));
        List<String> parents = new ArrayList<>();
        n.get("parents").forEach(x -> parents.add(x.asText()));
        SnapshotRecord r = new SnapshotRecord(n.get("id").asText(), new Manifest(files), parents,
            Hlc.parse(n.get("hlc").asText()), Instant.parse(n.get("time").asText()),
            n.path("message").asText(""), n.path("author").asText(""),
            n.hasNonNull("branch") ? n.get("branch").asText() : null);
        out.put(r.id(), r);
      }
    } catch (IOException e) {
      throw AtomicFiles.ioError("could not read snapshots in \"" + snapshotDir + "\"", e);
    }
    return out;
  }

  void deleteSnapshot(String id) {
    try {
      Files.deleteIfExists(snapshotDir.resolve(id + ".json"));
    } catch (IOException e) {
      throw AtomicFiles.ioError("could not delete snapshot " + id, e);
    }
  }

  void saveRefs(Refs refs) {
    ObjectNode n = JSON.createObjectNode();
    ObjectNode b = n.putObject("branches");
    new TreeMap<>(refs.branches()).forEach(b::put);
    n.put("hlc", refs.highWater().toString());
    AtomicFiles.write(refsFile, bytes(n));
  }

  /** The saved refs, or null when this state directory is new. */
  Refs loadRefs() {
    if (!Files.exists(refsFile)) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(refsFile.toFile());
      Map<String, String> branches = new LinkedHashMap<>();
      n.get("branches").properties().forEach(e -> branches.put(e.getKey(), e.getValue().asText()));
      return new Refs(branches, Hlc.parse(n.path("hlc").asText("0.0")));
    } catch (IOException e) {
      throw AtomicFiles.ioError("could not read \"" + refsFile + "\"", e);
    }
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
    } catch (IOException e) {
      throw AtomicFiles.unchecked(e);
    }
  }
}
