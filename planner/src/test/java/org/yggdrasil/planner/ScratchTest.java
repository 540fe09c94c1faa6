package org.yggdrasil.planner;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void run() throws Exception {
    Path p = Path.of("/tmp/scratch/queries.sql");
    if (!Files.exists(p)) return;
    try (SqlDriver d = new SqlDriver()) {
      for (String q : Files.readString(p).split(";\n")) {
        if (q.isBlank()) continue;
        try {
          System.out.println("Q: " + q.strip() + "\n  => " + d.run(q) + " [" + d.lastTag + "]");
        } catch (Exception e) {
          System.out.println("Q: " + q.strip() + "\n  !! " + e);
          Throwable t = e;
          while (t.getCause() != null) t = t.getCause();
          if (t != e) { System.out.println("  root: " + t); }
          for (StackTraceElement s : t.getStackTrace()) {
            if (s.getClassName().startsWith("org.yggdrasil")) { System.out.println("    at " + s); break; }
          }
          StackTraceElement[] st = t.getStackTrace();
          for (int i = 0; i < Math.min(4, st.length); i++) System.out.println("    " + st[i]);
        }
      }
    }
  }
}
