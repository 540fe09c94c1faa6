package org.yggdrasil.accel.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector species every kernel uses. Static finals so the JIT treats them as constants.
 * The shape is the preferred one capped at 512 bits, so no species has more than 64 lanes and a
 * mask always fits one bitmap word; 64 is a multiple of every lane count.
 * The {@code *_HALF} species have as many lanes as {@link #DOUBLE} / {@link #LONG} and are used to
 * widen 4-byte values to 8-byte ones lane by lane; {@link #SHORT_HALF} and {@link #BYTE_QUARTER}
 * have as many lanes as {@link #INT}, to widen narrow values to ints ({@code BYTE_QUARTER} is null
 * where that shape does not exist, below 256-bit vectors, and callers then use scalar loops).
 */
public final class Species {
  public static final VectorShape SHAPE = VectorShape.forBitSize(Math.min(512, VectorShape.preferredShape().vectorBitSize()));
  private static final VectorShape HALF = VectorShape.forBitSize(Math.max(64, SHAPE.vectorBitSize() / 2));

  public static final VectorSpecies<Byte> BYTE = ByteVector.SPECIES_MAX.withShape(SHAPE);
  public static final VectorSpecies<Short> SHORT = ShortVector.SPECIES_MAX.withShape(SHAPE);
  public static final VectorSpecies<Integer> INT = IntVector.SPECIES_MAX.withShape(SHAPE);
  public static final VectorSpecies<Long> LONG = LongVector.SPECIES_MAX.withShape(SHAPE);
  public static final VectorSpecies<Float> FLOAT = FloatVector.SPECIES_MAX.withShape(SHAPE);
  public static final VectorSpecies<Double> DOUBLE = DoubleVector.SPECIES_MAX.withShape(SHAPE);
  public static final VectorSpecies<Integer> INT_HALF = IntVector.SPECIES_MAX.withShape(HALF);
  public static final VectorSpecies<Float> FLOAT_HALF = FloatVector.SPECIES_MAX.withShape(HALF);
  public static final VectorSpecies<Short> SHORT_HALF = ShortVector.SPECIES_MAX.withShape(HALF);
  public static final VectorSpecies<Byte> BYTE_QUARTER = SHAPE.vectorBitSize() >= 256
      ? ByteVector.SPECIES_MAX.withShape(VectorShape.forBitSize(SHAPE.vectorBitSize() / 4)) : null;

  private Species() {}
}
