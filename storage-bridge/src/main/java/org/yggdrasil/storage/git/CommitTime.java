package org.yggdrasil.storage.git;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A commit's time in milliseconds. Git keeps whole seconds, so a commit's HLC derived from its
 * committer time alone would trail the moment it was made by up to 999 ms (and {@code asOf} a
 * time within that second would wrongly include it). Commits the adapter writes therefore carry
 * the milliseconds in a last-paragraph trailer, {@code Ygg-Time: <epoch ms>}, as Git tools carry
 * {@code Signed-off-by}. The trailer is believed only when it falls in the commit's own second,
 * so it can refine Git's time but never contradict it; then it is not part of the message the
 * adapter shows.
 */
final class CommitTime {
  static final String TRAILER = "Ygg-Time";
  private static final Pattern AT_END =
      Pattern.compile("\n\n" + TRAILER + ": (\\d{1,19})\n\\z");

  private CommitTime() {}

  /** {@code message} (ending in a newline) with the trailer for {@code when}, if sub-second. */
  static String withTrailer(String message, Instant when) {
    long millis = when.toEpochMilli();
    return Math.floorMod(millis, 1000L) == 0 ? message
        : message + "\n" + TRAILER + ": " + millis + "\n";
  }

  /** When {@code c} was committed, in ms: its trailer if consistent, else its Git time. */
  static long millis(RevCommit c) {
    Matcher m = trailer(c);
    return m != null ? Long.parseLong(m.group(1)) : c.getCommitTime() * 1000L;
  }

  /** {@code c}'s message without the adapter's trailer. */
  static String message(RevCommit c) {
    Matcher m = trailer(c);
    return m != null ? c.getFullMessage().substring(0, m.start() + 1) : c.getFullMessage();
  }

  /** The match of a trailer that falls in {@code c}'s own second, else null. */
  private static Matcher trailer(RevCommit c) {
    Matcher m = AT_END.matcher(c.getFullMessage());
    if (!m.find()) {
      return null;
    }
    try {
      return Math.floorDiv(Long.parseLong(m.group(1)), 1000L) == c.getCommitTime() ? m : null;
    } catch (NumberFormatException tooLarge) {
      return null; // not ours
    }
  }
}
