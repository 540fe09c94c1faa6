package org.yggdrasil.accel.groupby;

/**
 * Whether the Vector API is usable in this JVM, checked once. Vector code lives in separate
 * classes that are only loaded when this is true, so a JVM started without
 * {@code --add-modules jdk.incubator.vector} still runs the scalar twins.
 * {@code -Dygg.accel.scalar=true} forces the scalar kernels.
 */
final class Simd {
    static final boolean AVAILABLE = probe();

    private Simd() {
    }

    private static boolean probe() {
        if (Boolean.getBoolean("ygg.accel.scalar")) {
            return false;
        }
        try {
            Class.forName("jdk.incubator.vector.ByteVector");
            return true;
        } catch (Throwable e) {
            return false;
        }
    }
}
