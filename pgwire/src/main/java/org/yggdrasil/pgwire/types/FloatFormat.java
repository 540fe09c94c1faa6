package org.yggdrasil.pgwire.types;

import java.math.BigDecimal;

/**
 * PostgreSQL 12+'s float output with the default {@code extra_float_digits = 1}: the shortest
 * decimal that reads back as the same value (Ryu, {@code src/common/d2s.c} and {@code f2s.c}),
 * laid out like printf's {@code %g}: fixed notation when the decimal exponent is in [-4, 15) for
 * float8 ([-4, 6) for float4), otherwise {@code d.ddde+XX} with at least two exponent digits.
 * Special values print as {@code NaN}, {@code Infinity}, {@code -Infinity}, {@code 0}, {@code -0}.
 *
 * <p>With {@code extra_float_digits} of 0 or less PostgreSQL prints {@code %.{15+n}g} (float8) or
 * {@code %.{6+n}g} (float4) instead: the exact value rounded half-even to that many significant
 * digits, trailing zeros removed, fixed notation when the exponent is in [-4, precision).
 *
 * <p>The shortest digits come from {@link Double#toString(double)}, which (since JDK 19) also
 * picks the shortest round-tripping decimal closest to the value, with one documented exception:
 * when a single digit would do, Java may print two digits that are closer (5e-324 prints as
 * 4.9E-324). Ryu always prefers the single digit, so that case is corrected here.
 */
final class FloatFormat {
  private FloatFormat() {}

  /** float8 output for a given extra_float_digits. */
  static String format(double d, int extraFloatDigits) {
    if (extraFloatDigits > 0 || Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
      return format(d);
    }
    return rounded(d < 0, new BigDecimal(Math.abs(d)), Math.max(1, 15 + extraFloatDigits));
  }

  /** float4 output for a given extra_float_digits. */
  static String format(float f, int extraFloatDigits) {
    if (extraFloatDigits > 0 || Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
      return format(f);
    }
    return rounded(f < 0, new BigDecimal(Math.abs(f)), Math.max(1, 6 + extraFloatDigits));
  }

  /** C's {@code %.{precision}g} of an exact value. */
  private static String rounded(boolean negative, BigDecimal exact, int precision) {
    BigDecimal r = exact.round(new java.math.MathContext(precision, java.math.RoundingMode.HALF_EVEN))
        .stripTrailingZeros();
    return layout(negative, r, precision);
  }

  static String format(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return Double.doubleToRawLongBits(d) < 0 ? "-0" : "0";
    }
    double abs = Math.abs(d);
    BigDecimal shortest = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
    shortest = preferOneDigit(shortest, abs, false);
    return layout(d < 0, shortest, 15);
  }

  static String format(float f) {
    if (Float.isNaN(f)) {
      return "NaN";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "Infinity" : "-Infinity";
    }
    if (f == 0) {
      return Float.floatToRawIntBits(f) < 0 ? "-0" : "0";
    }
    float abs = Math.abs(f);
    BigDecimal shortest = new BigDecimal(Float.toString(abs)).stripTrailingZeros();
    shortest = preferOneDigit(shortest, abs, true);
    return layout(f < 0, shortest, 6);
  }

  /** Java's two-digit answer when a one-digit decimal also round-trips: take the one digit. */
  private static BigDecimal preferOneDigit(BigDecimal shortest, double abs, boolean single) {
    if (shortest.precision() != 2) {
      return shortest;
    }
    BigDecimal exact = single ? new BigDecimal((float) abs) : new BigDecimal(abs);
    int scale = shortest.scale() - 1; // one digit fewer
    BigDecimal down = shortest.setScale(scale, java.math.RoundingMode.FLOOR);
    BigDecimal up = shortest.setScale(scale, java.math.RoundingMode.CEILING);
    boolean downOk = roundTrips(down, abs, single);
    boolean upOk = roundTrips(up, abs, single);
    if (downOk && upOk) {
      int cmp = exact.subtract(down).compareTo(up.subtract(exact));
      if (cmp == 0) {
        return (down.unscaledValue().intValue() % 2 == 0 ? down : up).stripTrailingZeros();
      }
      return (cmp < 0 ? down : up).stripTrailingZeros();
    }
    if (downOk) {
      return down.stripTrailingZeros();
    }
    if (upOk) {
      return up.stripTrailingZeros();
    }
    return shortest;
  }

  private static boolean roundTrips(BigDecimal candidate, double abs, boolean single) {
    if (candidate.signum() == 0) {
      return false;
    }
    return single
        ? Float.parseFloat(candidate.toString()) == (float) abs
        : Double.parseDouble(candidate.toString()) == abs;
  }

  /** Ryu's {@code to_chars}: digits times a power of ten, fixed or scientific. */
  private static String layout(boolean negative, BigDecimal value, int fixedBelow) {
    String digits = value.unscaledValue().toString();
    int exp = -value.scale(); // value = digits * 10^exp
    int olength = digits.length();
    int sciExp = exp + olength - 1;
    StringBuilder sb = new StringBuilder(olength + 8);
    if (negative) {
      sb.append('-');
    }
    if (sciExp >= -4 && sciExp < fixedBelow) {
      if (exp >= 0) {
        sb.append(digits).repeat('0', exp);
      } else {
        int before = exp + olength; // digits before the decimal point
        if (before <= 0) {
          sb.append("0.").repeat('0', -before).append(digits);
        } else {
          sb.append(digits, 0, before).append('.').append(digits, before, olength);
        }
      }
      return sb.toString();
    }
    sb.append(digits.charAt(0));
    if (olength > 1) {
      sb.append('.').append(digits, 1, olength);
    }
    sb.append('e').append(sciExp < 0 ? '-' : '+');
    int e = Math.abs(sciExp);
    if (e < 10) {
      sb.append('0');
    }
    return sb.append(e).toString();
  }
}
