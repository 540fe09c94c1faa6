package org.yggdrasil.accel.agg;

import java.lang.System.Logger.Level;

/**
 * Decides once whether the Vector API kernels may run: the {@code jdk.incubator.vector} module
 * must be in the boot layer and its preferred double species must have more than one lane.
 * Otherwise it logs one warning and callers use the scalar twins. The system property
 * {@code ygg.accel.vector=false} forces the scalar kernels (for comparisons and diagnosis).
 */
public final class VectorSupport {
  private static final System.Logger LOG = System.getLogger(VectorSupport.class.getName());
  private static final boolean AVAILABLE = probe();

  private VectorSupport() {}

  public static boolean available() {
    return AVAILABLE;
  }

  private static boolean probe() {
    if ("false".equalsIgnoreCase(System.getProperty("ygg.accel.vector"))) {
      LOG.log(Level.WARNING, "ygg.accel.vector=false: vectorized kernels disabled, using scalar kernels");
      return false;
    }
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      LOG.log(Level.WARNING, "module jdk.incubator.vector not loaded: start the JVM with "
          + "--add-modules=jdk.incubator.vector for vectorized kernels; using scalar kernels");
      return false;
    }
    try {
      int lanes = Probe.doubleLanes();
      if (lanes < 2) {
        LOG.log(Level.WARNING, "the CPU offers no SIMD for doubles (" + lanes + " lane); using scalar kernels");
        return false;
      }
      return true;
    } catch (Throwable t) { // LinkageError or anything the incubator module throws at class init
      LOG.log(Level.WARNING, "Vector API unusable (" + t + "); using scalar kernels");
      return false;
    }
  }

  /** Separate class so that loading VectorSupport never links against the incubator module. */
  private static final class Probe {
    static int doubleLanes() {
      return org.yggdrasil.accel.kernels.Species.DOUBLE.length();
    }
  }
}
