package org.yggdrasil.accel.strings;

/** A malformed LIKE pattern; {@link #sqlState()} is PostgreSQL's code for it (22025). */
public final class LikePatternException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public LikePatternException(String message) {
        super(message);
    }

    /** invalid_escape_sequence, as PostgreSQL reports a pattern ending in its escape character. */
    public String sqlState() {
        return "22025";
    }
}
