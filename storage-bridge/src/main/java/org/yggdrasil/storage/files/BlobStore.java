package org.yggdrasil.storage.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * File contents by SHA-256 under {@code stateDir/blobs}: copies of snapshotted directory files and
 * the files branches write, so every snapshot stays readable whatever happens to the directory.
 */
final class BlobStore {
  private final Path dir;

  BlobStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw AtomicFiles.ioError("could not create directory \"" + dir + "\"", e);
    }
  }

  /** Stores the bytes (once) and returns their hash. */
  String put(byte[] bytes) {
    String sha = Hashing.sha256(bytes);
    Path p = dir.resolve(sha);
    if (!Files.exists(p)) {
      AtomicFiles.write(p, bytes);
    }
    return sha;
  }

  boolean contains(String sha) {
    return Files.exists(dir.resolve(sha));
  }

  byte[] get(String sha) {
    try {
      return Files.readAllBytes(dir.resolve(sha));
    } catch (NoSuchFileException e) {
      throw new SqlStateException(SqlState.DATA_CORRUPTED,
          "file content " + sha + " is missing from the store " + dir);
    } catch (IOException e) {
      throw AtomicFiles.ioError("could not read blob " + sha, e);
    }
  }

  Set<String> all() {
    try (Stream<Path> s = Files.list(dir)) {
      Set<String> out = new HashSet<>();
      s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(out::add);
      return out;
    } catch (IOException e) {
      throw AtomicFiles.ioError("could not list \"" + dir + "\"", e);
    }
  }

  void delete(String sha) {
    try {
      Files.deleteIfExists(dir.resolve(sha));
    } catch (IOException e) {
      throw AtomicFiles.ioError("could not delete blob " + sha, e);
    }
  }
}
