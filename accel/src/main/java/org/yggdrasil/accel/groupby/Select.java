package org.yggdrasil.accel.groupby;

/**
 * In-place selection of the k-th smallest double of a range (quickselect with a three-way
 * partition, so runs of equal values finish in one pass), leaving every element after
 * position k no smaller than it. NaN must have been moved out of the range beforehand.
 */
final class Select {
    private Select() {
    }

    /** Rearranges {@code a[from, to)} so that {@code a[k]} holds its sorted value; returns it. */
    static double kth(double[] a, int from, int to, int k) {
        int lo = from;
        int hi = to - 1;
        while (hi - lo > 16) {
            double pivot = medianOf3(a[lo], a[(lo + hi) >>> 1], a[hi]);
            // three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double x = a[i];
                if (x < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = x;
                } else if (x > pivot) {
                    a[i] = a[gt];
                    a[gt--] = x;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return a[k];
            }
        }
        insertionSort(a, lo, hi);
        return a[k];
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

    private static double medianOf3(double x, double y, double z) {
        return x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
    }

    private static void insertionSort(double[] a, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            double x = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }
}
