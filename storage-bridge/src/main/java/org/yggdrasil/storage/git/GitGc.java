package org.yggdrasil.storage.git;

import java.time.Instant;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Git's gc on the repository: repacks what refs (and reflogs) reach and prunes the rest at once.
 * It runs under the adapter's write lock, so it never prunes objects one of this adapter's
 * writes has inserted but not yet referenced; Git commands running on the same repository at
 * the same time are not protected, as with {@code git gc --prune=now}.
 */
final class GitGc {
  private GitGc() {}

  /** The number of objects gone: loose plus packed objects before, minus after. */
  static long sweep(GitStore store) {
    if (!(store.repo instanceof FileRepository fileRepo)) {
      throw SqlStateException.of(SqlState.FEATURE_NOT_SUPPORTED, "gc needs a repository on disk");
    }
    store.writeLock.lock();
    try {
      GC gc = new GC(fileRepo);
      long before = count(gc.getStatistics());
      gc.setExpire(Instant.now().plusSeconds(1));
      gc.gc().get();
      return Math.max(0, before - count(new GC(fileRepo).getStatistics()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SqlStateException.of(SqlState.QUERY_CANCELED, "gc of Git system \"%s\" was interrupted", store.systemId);
    } catch (Exception e) {
      throw GitErrors.io("gc of Git system \"" + store.systemId + "\" failed", e);
    } finally {
      store.writeLock.unlock();
    }
  }

  private static long count(GC.RepoStatistics stats) {
    return stats.numberOfLooseObjects + stats.numberOfPackedObjects;
  }
}
