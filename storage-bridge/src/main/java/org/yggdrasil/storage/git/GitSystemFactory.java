package org.yggdrasil.storage.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.tables.SystemFactory;

/**
 * {@code CREATE SERVER name FOREIGN DATA WRAPPER git OPTIONS (path '…' [, create 'true']
 * [, default_branch '…'])}: attaches an existing Git repository (bare, or a work tree's
 * {@code .git}, which stays untouched), or with {@code create 'true'} initialises a bare one.
 *
 * <p>{@code default_branch} names the Git branch the database's {@code main} maps to. Without
 * it that is {@code main}, unless the repository has no {@code main} branch and its HEAD names
 * another existing branch (a repository made with {@code master}): then that one.
 */
public final class GitSystemFactory implements SystemFactory {
  public static final String WRAPPER = "git";
  static final String PATH = "path";
  static final String CREATE = "create";
  static final String DEFAULT_BRANCH = "default_branch";
  private static final Set<String> OPTIONS = Set.of(PATH, CREATE, DEFAULT_BRANCH);

  @Override
  public String wrapper() {
    return WRAPPER;
  }

  @Override
  public GitSystem open(String systemId, Map<String, String> options, Path stateDir) {
    for (String option : options.keySet()) {
      if (!OPTIONS.contains(option)) {
        throw new SqlStateException(SqlState.SYNTAX_ERROR, "invalid option \"" + option + "\"", null,
            "Valid options for the git wrapper are: path, create, default_branch.", 0, null);
      }
    }
    String path = options.get(PATH);
    if (path == null || path.isBlank()) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "option \"path\" is required for a git server", null,
          "Give the repository's directory: OPTIONS (path '/path/to/repo').", 0, null);
    }
    boolean create = bool(options.getOrDefault(CREATE, "false"));
    Repository repo = openOrCreate(new File(path), create);
    try {
      String mainGitBranch = options.containsKey(DEFAULT_BRANCH)
          ? validBranch(repo, options.get(DEFAULT_BRANCH))
          : defaultMain(repo);
      return new GitSystem(new GitStore(systemId, repo, mainGitBranch), Branchable.DEFAULT_BRANCH, null);
    } catch (IOException e) {
      repo.close();
      throw GitErrors.io("cannot read the branches of Git repository \"" + path + "\"", e);
    } catch (RuntimeException e) {
      repo.close();
      throw e;
    }
  }

  private static Repository openOrCreate(File dir, boolean create) {
    File gitDir = RepositoryCache.FileKey.resolve(dir, FS.DETECTED);
    try {
      if (gitDir == null) {
        if (!create) {
          throw new SqlStateException(SqlState.IO_ERROR, "\"" + dir + "\" is not a Git repository", null,
              "Give the directory of an existing repository (a work tree, its .git directory, or a bare "
                  + "repository), or add create 'true' to the OPTIONS to initialise a bare one there.", 0, null);
        }
        if (dir.exists() && !(dir.isDirectory() && isEmptyDirectory(dir.toPath()))) {
          throw new SqlStateException(SqlState.IO_ERROR,
              "cannot create a Git repository at \"" + dir + "\": it exists and is not an empty directory", null,
              "Choose a new or empty directory, or the path of an existing repository.", 0, null);
        }
        try (Git git = Git.init().setBare(true).setDirectory(dir).setInitialBranch(Branchable.DEFAULT_BRANCH).call()) {
          gitDir = git.getRepository().getDirectory();
        }
      }
      return new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
    } catch (IOException | GitAPIException e) {
      throw new SqlStateException(SqlState.IO_ERROR, "cannot open Git repository \"" + dir + "\": " + e.getMessage(), e);
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  /** {@code main} if it exists or HEAD names no other existing branch; else HEAD's branch. */
  private static String defaultMain(Repository repo) throws IOException {
    if (repo.exactRef(Constants.R_HEADS + Branchable.DEFAULT_BRANCH) != null) {
      return Branchable.DEFAULT_BRANCH;
    }
    Ref head = repo.exactRef(Constants.HEAD);
    if (head != null && head.isSymbolic() && head.getObjectId() != null
        && head.getTarget().getName().startsWith(Constants.R_HEADS)) {
      return head.getTarget().getName().substring(Constants.R_HEADS.length());
    }
    return Branchable.DEFAULT_BRANCH;
  }

  private static String validBranch(Repository repo, String name) {
    if (name == null || name.isBlank() || !Repository.isValidRefName(Constants.R_HEADS + name)) {
      throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE,
          "invalid value for option \"default_branch\": \"%s\" is not a valid Git branch name", name);
    }
    return name;
  }

  private static boolean bool(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1", "t", "y" -> true;
      case "false", "off", "no", "0", "f", "n" -> false;
      default -> throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE,
          "option \"create\" requires a Boolean value, not \"%s\"", value);
    };
  }
}
