package org.yggdrasil.storage.git;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/** What a path and a mode of a file written to a Git tree may be. */
final class FilePaths {
  private FilePaths() {}

  /**
   * A relative path with {@code /} separators and no empty, {@code .}, {@code ..} or {@code .git}
   * segment: what {@code git add} would accept. 23502 when null, 22023 otherwise.
   */
  static String validate(Object value) {
    if (value == null) {
      throw SqlStateException.of(SqlState.NOT_NULL_VIOLATION,
          "null value in column \"path\" of relation \"files\" violates not-null constraint");
    }
    String path = value.toString();
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.indexOf('\0') >= 0) {
      throw invalid(path);
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase(".git")) {
        throw invalid(path);
      }
    }
    return path;
  }

  private static SqlStateException invalid(String path) {
    return new SqlStateException(SqlState.INVALID_PARAMETER_VALUE, "invalid file path \"" + path + "\"", null,
        "Give a relative path like dir/file.txt, without leading /, empty, \".\", \"..\" or \".git\" segments.",
        0, null);
  }

  /** The mode a row asks for (Git's octal text), or {@code fallback} when null. */
  static FileMode mode(Object value, FileMode fallback) {
    if (value == null) {
      return fallback;
    }
    return switch (value.toString().strip()) {
      case "100644", "644" -> FileMode.REGULAR_FILE;
      case "100755", "755" -> FileMode.EXECUTABLE_FILE;
      case "120000" -> FileMode.SYMLINK;
      default -> throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid file mode \"" + value + "\"", null,
          "Use 100644 (a file), 100755 (an executable file) or 120000 (a symbolic link).", 0, null);
    };
  }

  /** The directories containing a path: {@code a/b/c} → {@code a}, {@code a/b}. */
  static List<String> parents(String path) {
    List<String> dirs = new ArrayList<>();
    for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      dirs.add(path.substring(0, i));
    }
    return dirs;
  }

  /** Whether two paths are the same or one is inside the other. */
  static boolean overlap(String a, String b) {
    return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
  }
}
