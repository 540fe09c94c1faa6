package org.yggdrasil.storage.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The attached directory on disk, which is the {@code main} branch: its data files (CSV and JSON
 * lines directly inside it; hidden files and everything else are not data) and atomic per-file
 * writes when main changes through Yggdrasil.
 */
final class DataDirectory {
  private final Path root;

  DataDirectory(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  static boolean isDataFile(String name) {
    return !name.startsWith(".") && FileFormat.of(name) != null;
  }

  /** Copies every data file into the blob store and returns the directory's manifest. */
  Manifest snapshotInto(BlobStore blobs) {
    Map<String, String> files = new TreeMap<>();
    for (String name : dataFiles()) {
      try {
        files.put(name, blobs.put(Files.readAllBytes(root.resolve(name))));
      } catch (NoSuchFileException e) {
        // Deleted between listing and reading: it is simply not part of this snapshot.
      } catch (IOException e) {
        throw AtomicFiles.ioError("could not read file \"" + root.resolve(name) + "\"", e);
      }
    }
    return Manifest.of(files);
  }

  /** The current hash of one data file, or null when it does not exist. */
  String hashOf(String name) {
    try {
      return Hashing.sha256(Files.readAllBytes(root.resolve(name)));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw AtomicFiles.ioError("could not read file \"" + root.resolve(name) + "\"", e);
    }
  }

  void write(String name, byte[] bytes) {
    AtomicFiles.write(root.resolve(name), bytes);
  }

  void delete(String name) {
    try {
      Files.deleteIfExists(root.resolve(name));
    } catch (IOException e) {
      throw AtomicFiles.ioError("could not delete file \"" + root.resolve(name) + "\"", e);
    }
  }

  /**
   * Makes the directory's data files those of {@code target}, writing only files whose content
   * differs from {@code current} (the directory's present manifest).
   */
  void checkout(Manifest current, Manifest target, BlobStore blobs) {
    target.files().forEach((name, sha) -> {
      if (!sha.equals(current.blob(name))) {
        write(name, blobs.get(sha));
      }
    });
    for (String name : current.files().keySet()) {
      if (target.blob(name) == null) {
        delete(name);
      }
    }
  }

  private List<String> dataFiles() {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(DataDirectory::isDataFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw AtomicFiles.ioError("could not list directory \"" + root + "\"", e);
    }
  }
}
