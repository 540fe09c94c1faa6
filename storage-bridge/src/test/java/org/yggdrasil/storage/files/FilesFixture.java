package org.yggdrasil.storage.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.yggdrasil.catalog.compliance.SystemFixture;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.VersionedSystem;

/**
 * The files adapter for the compliance suite: a token is a file {@code <token>.csv} holding the
 * token in its one row, the shared item the file {@code shared.csv}. On main a change is an edit
 * of the directory made from outside, picked up by {@link #commit} (main is the directory); on
 * other branches it is written through {@link FilesSystem#putFiles} and committed at once.
 */
final class FilesFixture implements SystemFixture {
  private Path directory;

  @Override
  public VersionedSystem create(Path dir) {
    try {
      directory = Files.createDirectories(dir.resolve("data"));
      return new FilesSystemFactory().open("files-compliance", Map.of("path", directory.toString()),
          Files.createDirectories(dir.resolve("state")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void mutate(VersionedSystem system, String token) {
    put((FilesSystem) system, token + ".csv", "item\n" + token + "\n");
  }

  @Override
  public void overwrite(VersionedSystem system, String token) {
    put((FilesSystem) system, "shared.csv", "value\n" + token + "\n");
  }

  private void put(FilesSystem fs, String file, String content) {
    if (fs.currentBranch().equals("main")) {
      try {
        Files.writeString(directory.resolve(file), content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      fs.putFiles(Map.of(file, content.getBytes(StandardCharsets.UTF_8)), "put " + file, "fixture");
    }
  }

  @Override
  public SnapshotRef commit(VersionedSystem system, String message) {
    return ((FilesSystem) system).commit(message, "fixture");
  }

  @Override
  public String read(VersionedSystem system) {
    FilesSystem fs = (FilesSystem) system;
    Map<String, String> out = new TreeMap<>();
    fs.tables().forEach(t -> {
      StringBuilder sb = new StringBuilder();
      fs.rows(t.name()).forEach(r -> sb.append(java.util.Arrays.toString(r)));
      out.put(t.name(), sb.toString());
    });
    return out.toString();
  }

  @Override
  public void close(VersionedSystem system) {}
}
