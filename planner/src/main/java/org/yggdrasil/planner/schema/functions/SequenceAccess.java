package org.yggdrasil.planner.schema.functions;

/** A session's sequence operations, as nextval() and friends call them. */
public interface SequenceAccess {
  long nextval(String sequence);

  long currval(String sequence);

  long lastval();

  long setval(String sequence, long value, boolean isCalled);
}
