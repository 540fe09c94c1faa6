package org.yggdrasil.accel.agg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.kernels.Species;

class VectorSupportTest {
  /** Tests run with --add-modules=jdk.incubator.vector on a SIMD machine, so the vector kernels are on. */
  @Test
  void availableWhenTheModuleIsLoadedAndTheCpuHasSimd() {
    assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "surefire must add the module");
    assertEquals(Species.DOUBLE.length() > 1, VectorSupport.available());
  }

  @Test
  void everyMaskFitsOneBitmapWord() {
    assertTrue(Species.BYTE.length() <= 64);
    assertEquals(0, 64 % Species.BYTE.length());
    assertEquals(Species.DOUBLE.length(), Species.INT_HALF.length());
    assertEquals(Species.DOUBLE.length(), Species.FLOAT_HALF.length());
    assertEquals(Species.INT.length(), Species.SHORT_HALF.length());
    if (Species.BYTE_QUARTER != null) {
      assertEquals(Species.INT.length(), Species.BYTE_QUARTER.length());
    }
  }
}
