package org.yggdrasil.accel.iforest;

/**
 * The rows a forest trains on, read by number: training asks only for the rows it draws (at most
 * {@code trees × sampleSize} of them, plus the calibration sample), so a source over a stored
 * table never has to read the rest. Rows are numbered {@code 0..rows())} in a fixed order; the
 * same rows in the same order and the same seed give the same model whatever the source.
 */
public interface TrainingRows {
  int rows();

  int features();

  /**
   * Writes feature {@code feature} of rows {@code picked[0..count)} (ascending, a row possibly
   * repeated, each below {@link #rows()}) to {@code out[offset..offset+count)}. Called from
   * several threads at once.
   */
  void gather(int feature, int[] picked, int count, double[] out, int offset);

  /** Columns in memory: {@code columns[feature][row]}, of which the first {@code rows} values are read. */
  static TrainingRows of(double[][] columns, int rows) {
    return new TrainingRows() {
      @Override
      public int rows() {
        return rows;
      }

      @Override
      public int features() {
        return columns.length;
      }

      @Override
      public void gather(int feature, int[] picked, int count, double[] out, int offset) {
        double[] col = columns[feature];
        for (int i = 0; i < count; i++) {
          out[offset + i] = col[picked[i]];
        }
      }
    };
  }
}
