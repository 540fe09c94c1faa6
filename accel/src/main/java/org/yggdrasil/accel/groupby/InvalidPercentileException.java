package org.yggdrasil.accel.groupby;

/** A percentile fraction outside [0, 1]; {@link #sqlState()} is PostgreSQL's code (22003). */
public final class InvalidPercentileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidPercentileException(double f) {
        super("percentile value " + f + " is not between 0 and 1");
    }

    /** numeric_value_out_of_range, as PostgreSQL reports it. */
    public String sqlState() {
        return "22003";
    }
}
