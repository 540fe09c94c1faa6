package org.yggdrasil.storage.nativestore;

/**
 * The database-wide counters that are not versioned (versions, row ids, table oids), as a head
 * move records them in the log, so that replaying the log never hands out a number twice.
 */
record Counters(long versions, long rowIds, long oids) {}
