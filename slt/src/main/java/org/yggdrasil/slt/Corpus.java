package org.yggdrasil.slt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * Test files by name: a path on disk, or a name in the sqllogictest jar relative to its
 * {@code test/} directory ({@code select1.test}, {@code evidence/in1.test}), where globs such as
 * {@code evidence/*} or {@code index/**}{@code /10/*.test} are expanded against the jar; a
 * directory on disk stands for the .test files in it.
 */
public final class Corpus {
  private static final String PREFIX = "test/";
  private static volatile List<String> jarNames;

  private Corpus() {}

  /** The CI subset: select1..4 and every evidence/ file. */
  public static final List<String> CI_SUBSET =
      List.of("select1.test", "select2.test", "select3.test", "select4.test", "evidence/*.test");

  /** A file to run: its report name and a way to read it. */
  public record Source(String name, Path path) {
    public String text() {
      try {
        if (path != null) {
          return Files.readString(path, StandardCharsets.UTF_8);
        }
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(PREFIX + name)) {
          if (in == null) {
            throw new IOException("no " + PREFIX + name + " in the sqllogictest jar");
          }
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Expands names and globs, in order, without duplicates; throws when one matches nothing. */
  public static List<Source> resolve(List<String> args) {
    Set<Source> out = new LinkedHashSet<>();
    for (String arg : args) {
      Path p = Path.of(arg);
      if (Files.isRegularFile(p)) {
        out.add(new Source(arg, p));
        continue;
      }
      if (Files.isDirectory(p)) {
        List<Path> files = testFilesIn(p);
        if (files.isEmpty()) {
          throw new IllegalArgumentException("no .test file in directory '" + arg + "'");
        }
        files.forEach(f -> out.add(new Source(f.toString(), f)));
        continue;
      }
      String name = arg.startsWith(PREFIX) ? arg.substring(PREFIX.length()) : arg;
      List<String> matches = new ArrayList<>();
      if (isGlob(name)) {
        Pattern re = globToRegex(name);
        for (String n : jarNames()) {
          if (re.matcher(n).matches()) {
            matches.add(n);
          }
        }
      } else if (jarNames().contains(name)) {
        matches.add(name);
      }
      if (matches.isEmpty()) {
        throw new IllegalArgumentException(
            "no test file matches '" + arg + "' (on disk or in the sqllogictest jar)");
      }
      for (String n : matches) {
        out.add(new Source(n, null));
      }
    }
    return List.copyOf(out);
  }

  /** The .test files directly in {@code dir}, sorted by name. */
  public static List<Path> testFilesIn(Path dir) {
    try (var list = Files.list(dir)) {
      return list.filter(f -> f.getFileName().toString().endsWith(".test") && Files.isRegularFile(f))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }

  static Pattern globToRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        re.append(".*");
        i++;
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
          re.append("/?");
          i++;
        }
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        int end = glob.indexOf(']', i);
        if (end < 0) {
          re.append("\\[");
        } else {
          re.append(glob, i, end + 1);
          i = end;
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  /** Every .test file in the jar, relative to test/, sorted. */
  public static List<String> jarNames() {
    List<String> names = jarNames;
    if (names != null) {
      return names;
    }
    URL url = Corpus.class.getClassLoader().getResource(PREFIX + "select1.test");
    if (url == null) {
      throw new IllegalStateException("the sqllogictest jar is not on the class path");
    }
    List<String> found = new ArrayList<>();
    try {
      if (url.getProtocol().equals("jar")) {
        JarURLConnection c = (JarURLConnection) url.openConnection();
        c.setUseCaches(false);
        try (JarFile jar = new JarFile(c.getJarFileURL().getPath())) {
          jar.stream()
              .map(e -> e.getName())
              .filter(n -> n.startsWith(PREFIX) && n.endsWith(".test"))
              .forEach(n -> found.add(n.substring(PREFIX.length())));
        }
      } else {
        Path root = Path.of(url.toURI()).getParent();
        try (var walk = Files.walk(root)) {
          walk.filter(f -> f.toString().endsWith(".test"))
              .forEach(f -> found.add(root.relativize(f).toString().replace('\\', '/')));
        }
      }
    } catch (IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot list the sqllogictest jar", e);
    }
    found.sort(null);
    jarNames = names = List.copyOf(found);
    return names;
  }
}
