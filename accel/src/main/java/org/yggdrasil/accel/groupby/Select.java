package org.yggdrasil.accel.groupby;

/**
 * In-place selection of the k-th smallest double of a range (Floyd-Rivest: a recursive pass
 * over a sample brackets the k-th value tightly, so one partition of the whole range is
 * usually enough), leaving every element after position k no smaller than it and every
 * element before no larger. NaN must have been moved out of the range beforehand.
 */
final class Select {
    /** Ranges up to this size are partitioned directly, without sampling. */
    private static final int SAMPLE_ABOVE = 600;

    private Select() {
    }

    /** Rearranges {@code a[from, to)} so that {@code a[k]} holds its sorted value; returns it. */
    static double kth(double[] a, int from, int to, int k) {
        select(a, from, to - 1, k);
        return a[k];
    }

    private static void select(double[] a, int left, int right, int k) {
        while (right > left) {
            if (right - left > SAMPLE_ABOVE) {
                // bracket k by selecting within a sample-sized window around its expected place
                int n = right - left + 1;
                int i = k - left + 1;
                double z = Math.log(n);
                double s = 0.5 * Math.exp(2 * z / 3);
                double sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * Math.signum(i - n / 2.0);
                int newLeft = (int) Math.max(left, Math.floor(k - i * s / n + sd));
                int newRight = (int) Math.min(right, Math.floor(k + (n - i) * s / n + sd));
                select(a, newLeft, newRight, k);
            }
            double t = a[k];
            int i = left;
            int j = right;
            swap(a, left, k);
            if (a[right] > t) {
                swap(a, right, left);
            }
            while (i < j) {
                swap(a, i, j);
                i++;
                j--;
                while (a[i] < t) {
                    i++;
                }
                while (a[j] > t) {
                    j--;
                }
            }
            if (a[left] == t) {
                swap(a, left, j);
            } else {
                j++;
                swap(a, j, right);
            }
            if (j <= k) {
                left = j + 1;
            }
            if (k <= j) {
                right = j - 1;
            }
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** The smallest of {@code a[from, to)}; {@code from < to}. */
    static double min(double[] a, int from, int to) {
        double m = a[from];
        for (int i = from + 1; i < to; i++) {
            if (a[i] < m) {
                m = a[i];
            }
        }
        return m;
    }

    /** Moves NaNs to the end of {@code a[from, to)}; returns the end of the non-NaN part. */
    static int nanLast(double[] a, int from, int to) {
        int end = to;
        for (int i = from; i < end; ) {
            if (Double.isNaN(a[i])) {
                double t = a[--end];
                a[end] = a[i];
                a[i] = t;
            } else {
                i++;
            }
        }
        return end;
    }
}
