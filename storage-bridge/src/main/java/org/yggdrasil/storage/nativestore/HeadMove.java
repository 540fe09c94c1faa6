package org.yggdrasil.storage.nativestore;

import java.time.Instant;
import org.yggdrasil.catalog.protocol.Hlc;

/** One move of a branch head (creation, commit, reset); {@code commitId} null = the branch was deleted. */
public record HeadMove(String branch, String commitId, Hlc hlc, Instant time) {}
