package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import org.yggdrasil.planner.session.PgOid;

/**
 * {@code numeric}: arbitrary precision decimal. Java value: BigDecimal; any Number is accepted
 * when encoding, and the special values NaN, Infinity and -Infinity travel as the Double
 * constants {@link Double#NaN}, {@link Double#POSITIVE_INFINITY}, {@link
 * Double#NEGATIVE_INFINITY} (BigDecimal cannot hold them).
 *
 * <p>Text: plain notation, never an exponent, keeping the value's scale ({@code 12.340}).
 *
 * <p>Binary ({@code numeric_send}), base-10000 digits:
 *
 * <pre>
 *   int16 ndigits   number of base-10000 digits that follow
 *   int16 weight    power of 10000 of the first digit (value = sum d[i] * 10000^(weight - i))
 *   int16 sign      0x0000 positive, 0x4000 negative, 0xC000 NaN, 0xD000 +Infinity, 0xF000 -Infinity
 *   int16 dscale    digits after the decimal point to display
 *   int16 digit[ndigits]  each 0..9999, no leading or trailing zero digits
 * </pre>
 *
 * E.g. 12.345 is {@code 0002 0000 0000 0003 000c 0d7a} (digits 12 and 3450), 0.50 is {@code
 * 0001 ffff 0000 0002 1388}.
 */
public final class NumericType extends PgType {
  public static final NumericType INSTANCE = new NumericType();

  private static final int POSITIVE = 0x0000;
  private static final int NEGATIVE = 0x4000;
  private static final int NAN = 0xC000;
  private static final int PINF = 0xD000;
  private static final int NINF = 0xF000;
  private static final int MAX_DSCALE = 0x3FFF;
  private static final BigInteger NBASE = BigInteger.valueOf(10_000);

  private NumericType() {
    super(PgOid.NUMERIC, "numeric", "numeric");
  }

  @Override
  protected String formatText(Object value) {
    if (value instanceof Number n && special(n) != 0) {
      return switch (special(n)) {
        case NAN -> "NaN";
        case PINF -> "Infinity";
        default -> "-Infinity";
      };
    }
    BigDecimal d = decimal(value);
    return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
  }

  @Override
  protected void writeBinaryValue(ByteBuf out, Object value) {
    if (value instanceof Number n && special(n) != 0) {
      out.writeShort(0).writeShort(0).writeShort(special(n)).writeShort(0);
      return;
    }
    BigDecimal d = decimal(value);
    if (d.scale() < 0) {
      d = d.setScale(0);
    }
    int dscale = d.scale();
    String digits = d.unscaledValue().abs().toString();
    // Split the decimal digits at the point, pad each side to whole groups of four.
    int intLen = digits.length() - dscale;
    String intPart = intLen > 0 ? digits.substring(0, intLen) : "";
    String fracPart = intLen >= 0 ? digits.substring(intLen) : "0".repeat(-intLen) + digits;
    int intGroups = (intPart.length() + 3) / 4;
    int fracGroups = (fracPart.length() + 3) / 4;
    String padded =
        "0".repeat(intGroups * 4 - intPart.length())
            + intPart
            + fracPart
            + "0".repeat(fracGroups * 4 - fracPart.length());
    int total = intGroups + fracGroups;
    short[] groups = new short[total];
    for (int i = 0; i < total; i++) {
      groups[i] = Short.parseShort(padded.substring(i * 4, i * 4 + 4));
    }
    int first = 0;
    while (first < total && groups[first] == 0) {
      first++;
    }
    int last = total - 1;
    while (last >= first && groups[last] == 0) {
      last--;
    }
    int ndigits = last - first + 1;
    int weight = ndigits == 0 ? 0 : intGroups - 1 - first;
    out.writeShort(ndigits);
    out.writeShort(weight);
    out.writeShort(d.signum() < 0 ? NEGATIVE : POSITIVE);
    out.writeShort(dscale);
    for (int i = first; i <= last; i++) {
      out.writeShort(groups[i]);
    }
  }

  @Override
  public Object decodeText(String text) {
    String s = text.strip();
    switch (s.toLowerCase(Locale.ROOT)) {
      case "nan", "+nan", "-nan":
        return Double.NaN;
      case "infinity", "+infinity", "inf", "+inf":
        return Double.POSITIVE_INFINITY;
      case "-infinity", "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    if (s.isEmpty() || !isDecimalSyntax(s)) {
      throw invalidText(text);
    }
    BigDecimal d;
    try {
      d = new BigDecimal(s);
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalidText(text);
    }
    // 1e5 is 100000 with display scale 0 in PostgreSQL, never a negative scale.
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  @Override
  protected Object readBinary(ByteBuf in) {
    if (in.readableBytes() < 8) {
      throw binaryFormat();
    }
    int ndigits = in.readUnsignedShort();
    int weight = in.readShort();
    int sign = in.readUnsignedShort();
    int dscale = in.readUnsignedShort();
    switch (sign) {
      case NAN:
        return Double.NaN;
      case PINF:
        return Double.POSITIVE_INFINITY;
      case NINF:
        return Double.NEGATIVE_INFINITY;
      case POSITIVE, NEGATIVE:
        break;
      default:
        throw binaryFormat();
    }
    if (dscale > MAX_DSCALE || in.readableBytes() != ndigits * 2) {
      throw binaryFormat();
    }
    BigInteger acc = BigInteger.ZERO;
    for (int i = 0; i < ndigits; i++) {
      int digit = in.readShort();
      if (digit < 0 || digit > 9999) {
        throw binaryFormat();
      }
      acc = acc.multiply(NBASE).add(BigInteger.valueOf(digit));
    }
    // value = acc * 10000^(weight - ndigits + 1)
    BigDecimal value = new BigDecimal(acc).scaleByPowerOfTen(4 * (weight - ndigits + 1));
    // numeric_recv truncates digits the display scale would hide.
    value = value.setScale(dscale, RoundingMode.DOWN);
    return sign == NEGATIVE ? value.negate() : value;
  }

  /** The sign word of a special value carried as a Double, or 0 for a finite number. */
  private static int special(Number n) {
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d)) {
        return NAN;
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? PINF : NINF;
      }
    }
    return 0;
  }

  private BigDecimal decimal(Object value) {
    return switch (value) {
      case BigDecimal d -> d;
      case BigInteger i -> new BigDecimal(i);
      case Long l -> BigDecimal.valueOf(l);
      case Integer i -> BigDecimal.valueOf(i);
      case Short s -> BigDecimal.valueOf(s);
      case Byte b -> BigDecimal.valueOf(b);
      // Shortest repr, as PostgreSQL's float8 -> numeric cast: 0.1 stays 0.1.
      case Double d -> new BigDecimal(Double.toString(d));
      case Float f -> new BigDecimal(Float.toString(f));
      case Number n -> new BigDecimal(n.toString());
      default -> throw unexpected(value);
    };
  }

  /** [+-] digits [. digits] | [+-] . digits, with an optional exponent. */
  private static boolean isDecimalSyntax(String s) {
    int i = 0;
    int n = s.length();
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      i++;
    }
    int digits = 0;
    while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 0x80) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 0x80) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 0x80) {
        i++;
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == n;
  }
}
