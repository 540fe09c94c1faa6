package org.yggdrasil.slt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reviewed list of records that test SQLite-only behaviour and are not run. Each entry is one
 * line, {@code FILE:LINE  -- reason} or {@code /REGEX/  -- reason} (the regex is searched in the
 * record's SQL); the reason is mandatory. Never a place for our own bugs: those go to the planner.
 */
public final class SkipList {
  public static final String RESOURCE = "/org/yggdrasil/slt/skip.txt";

  private final Map<String, String> byLocation = new HashMap<>();
  private final List<Map.Entry<Pattern, String>> byPattern = new ArrayList<>();

  public static SkipList empty() {
    return new SkipList();
  }

  /** The reviewed list shipped with the runner. */
  public static SkipList bundled() {
    try (InputStream in = SkipList.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return empty();
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static SkipList parse(String text) {
    SkipList s = new SkipList();
    int n = 0;
    for (String raw : text.split("\r?\n")) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int sep = line.indexOf(" -- ");
      if (sep < 0 || line.substring(sep + 4).isBlank()) {
        throw new IllegalArgumentException("skip list line " + n + " has no '-- reason': " + raw);
      }
      String key = line.substring(0, sep).strip();
      String reason = line.substring(sep + 4).strip();
      if (key.startsWith("/") && key.endsWith("/") && key.length() > 2) {
        s.byPattern.add(Map.entry(Pattern.compile(key.substring(1, key.length() - 1)), reason));
      } else {
        s.byLocation.put(key, reason);
      }
    }
    return s;
  }

  /** The reason a record is skipped, or null when it runs. */
  public String reason(String file, int line, String sql) {
    String r = byLocation.get(file + ":" + line);
    if (r != null) {
      return r;
    }
    for (Map.Entry<Pattern, String> e : byPattern) {
      if (sql != null && e.getKey().matcher(sql).find()) {
        return e.getValue();
      }
    }
    return null;
  }

  public int size() {
    return byLocation.size() + byPattern.size();
  }
}
