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
    return resolve(args, 0, 0);
  }

  /**
   * As {@link #resolve(List)}, but each glob that matches more than {@code sample} files
   * (when {@code sample > 0}) is cut down to a {@link #sample} of them drawn with {@code seed}.
   */
  public static List<Source> resolve(List<String> args, int sample, long seed) {
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
      if (sample > 0 && isGlob(name)) {
        matches = sample(matches, sample, seed);
      }
      for (String n : matches) {
        out.add(new Source(n, null));
      }
    }
    return List.copyOf(out);
  }

  private static final String SELECT5 = "select5.test";

  /**
   * The issue-4 report: select5.test (joins of up to 64 tables), one file of each directory
   * of index/ (every kind and table size), and 50 files of random/, drawn with {@code seed}.
   */
  public static List<Source> reportSample(long seed) {
    List<String> index = jarNames().stream().filter(n -> n.startsWith("index/")).toList();
    List<String> random = jarNames().stream().filter(n -> n.startsWith("random/")).toList();
    List<String> names = new ArrayList<>();
    names.add(SELECT5);
    names.addAll(sample(index, 1, seed));
    names.addAll(sample(random, 50, seed));
    return names.stream().map(n -> new Source(n, null)).toList();
  }

  /** Whether the report's per-file query cap applies: to the sampled files, not select5.test. */
  public static boolean reportCapsQueries(String name) {
    return !name.equals(SELECT5);
  }

  /**
   * {@code n} of {@code names} drawn with {@code seed}, and never fewer than one from each
   * directory: first one file of every directory, then the rest drawn from all that are left.
   * Sorted by name, so that the same seed gives the same run.
   */
  static List<String> sample(List<String> names, int n, long seed) {
    java.util.Random random = new java.util.Random(seed);
    java.util.Map<String, List<String>> byDirectory = new java.util.TreeMap<>();
    for (String name : names) {
      int slash = name.lastIndexOf('/');
      byDirectory.computeIfAbsent(slash < 0 ? "" : name.substring(0, slash),
          k -> new ArrayList<>()).add(name);
    }
    List<String> chosen = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (List<String> files : byDirectory.values()) {
      List<String> shuffled = new ArrayList<>(files);
      java.util.Collections.sort(shuffled);
      java.util.Collections.shuffle(shuffled, random);
      chosen.add(shuffled.get(0));
      rest.addAll(shuffled.subList(1, shuffled.size()));
    }
    java.util.Collections.sort(rest);
    java.util.Collections.shuffle(rest, random);
    chosen.addAll(rest.subList(0, Math.max(0, Math.min(rest.size(), n - chosen.size()))));
    chosen.sort(null);
    return chosen;
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
