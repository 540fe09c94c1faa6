package org.yggdrasil.storage.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.tables.SystemFactory;

/**
 * {@code CREATE SERVER name FOREIGN DATA WRAPPER files OPTIONS (path '/a/directory')}: the
 * directory's CSV and JSON-lines files as tables, versioned with snapshots kept in the state
 * directory.
 */
public final class FilesSystemFactory implements SystemFactory {
  public static final String WRAPPER = "files";

  @Override
  public String wrapper() {
    return WRAPPER;
  }

  @Override
  public FilesSystem open(String systemId, Map<String, String> options, Path stateDir) {
    for (String option : options.keySet()) {
      if (!option.equals("path")) {
        throw new SqlStateException(SqlState.SYNTAX_ERROR, "invalid option \"" + option + "\"",
            null, "The only option of wrapper \"files\" is path.", 0, null);
      }
    }
    String path = options.get("path");
    if (path == null || path.isBlank()) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "option \"path\" is required for wrapper \"files\"", null,
          "Give the directory: OPTIONS (path '/some/directory').", 0, null);
    }
    Path dir = Path.of(path).toAbsolutePath().normalize();
    if (!Files.exists(dir)) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "option \"path\": directory \"" + dir + "\" does not exist", null,
          "Create the directory or give an existing one.", 0, null);
    }
    if (!Files.isDirectory(dir)) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "option \"path\": \"" + dir + "\" is not a directory", null,
          "Give the directory holding the CSV and JSON-lines files, not a file.", 0, null);
    }
    FilesRepository repo = FilesRepository.open(systemId, dir, stateDir);
    return new FilesSystem(repo, FilesRepository.MAIN, null);
  }
}
