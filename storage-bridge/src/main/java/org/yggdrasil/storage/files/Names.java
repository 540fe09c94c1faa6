package org.yggdrasil.storage.files;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** SQL names for files and columns: what a user can type unquoted. */
final class Names {
  private Names() {}

  /** Lower-cased; every character other than a-z, 0-9 and _ becomes _; never starts with a digit. */
  static String identifier(String raw, String fallback) {
    String s = raw.strip().toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
    }
    if (sb.isEmpty()) {
      return fallback;
    }
    if (Character.isDigit(sb.charAt(0))) {
      sb.insert(0, '_');
    }
    return sb.toString();
  }

  /** The table a data file is exposed as: its name without the extension. */
  static String tableOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return identifier(dot > 0 ? fileName.substring(0, dot) : fileName, "t");
  }

  /** Column names for raw names: identifiers, empty ones as {@code columnN}, repeats suffixed. */
  static List<String> columns(List<String> raw) {
    List<String> out = new ArrayList<>(raw.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String base = identifier(raw.get(i) == null ? "" : raw.get(i), "column" + (i + 1));
      String name = base;
      for (int k = 1; !seen.add(name); k++) {
        name = base + "_" + k;
      }
      out.add(name);
    }
    return out;
  }
}
