package org.yggdrasil.planner.schema.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL's {@code to_char(number, template)} for the template patterns {@code 9}, {@code 0},
 * {@code .}, {@code D}, {@code ,}, {@code G}, {@code FM}, {@code S}, {@code MI}, {@code PL},
 * {@code SG} and {@code PR} (in the C locale), following PostgreSQL's formatting.c: a number
 * with more integer digits than the template has becomes {@code #}s, a template without an
 * explicit sign keeps a leading place for the minus, FM drops padding and trailing fraction
 * zeros. {@code V}, {@code EEEE}, {@code RN}, {@code TH} and {@code L} are not supported (0A000).
 */
public final class NumericToChar {
  private NumericToChar() {}

  /** Decimal digits a double carries, as PostgreSQL's DBL_DIG. */
  private static final int DBL_DIG = 15;

  public static String to_char(BigDecimal value, String template) {
    if (value == null || template == null) {
      return null;
    }
    Template t = Template.parse(template);
    BigDecimal rounded = value.setScale(t.post, RoundingMode.HALF_UP);
    char sign = rounded.signum() < 0 ? '-' : '+';
    return t.format(rounded.abs().toPlainString(), sign);
  }

  public static String to_char(Double value, String template) {
    if (value == null || template == null) {
      return null;
    }
    Template t = Template.parse(template);
    double v = value;
    int post = t.post;
    if (Double.isFinite(v)) {
      int preLength = new BigDecimal(Math.abs(v)).setScale(0, RoundingMode.HALF_EVEN)
          .toPlainString().length();
      // PostgreSQL prints no more digits than a double holds
      post = preLength >= DBL_DIG ? 0 : Math.min(post, DBL_DIG - preLength);
    }
    t = t.withPost(post);
    char sign = Double.doubleToRawLongBits(v) < 0 ? '-' : '+';
    String digits = Double.isFinite(v)
        ? new BigDecimal(Math.abs(v)).setScale(post, RoundingMode.HALF_EVEN).toPlainString()
        : "#".repeat(t.pre + 1);
    return t.format(digits, sign);
  }

  private enum Kind { BLANK, DIGIT9, DIGIT0, DECIMAL, COMMA, FM, S, MI, PL, SG, PR, LITERAL }

  private record Node(Kind kind, String text) {}

  /** A parsed template (PostgreSQL's NUMDesc). */
  private static final class Template {
    final List<Node> nodes = new ArrayList<>();
    int pre;
    int post;
    boolean decimal;
    boolean zero;
    int zeroStart;
    int zeroEnd;
    boolean fill;
    boolean bracket;
    boolean minus;
    boolean plus;
    /** 0: no S; 1: S before the digits; 2: S after them. */
    int lsign;
    int preLsignNum;

    /** The template as given. */
    private String source;

    /** This template printing only {@code newPost} fraction digits (a double has no more). */
    Template withPost(int newPost) {
      if (newPost == post) {
        return this;
      }
      Template t = parse(source);
      t.post = newPost;
      return t;
    }

    static Template parse(String format) {
      Template t = new Template();
      t.source = format;
      int i = 0;
      while (i < format.length()) {
        char c = format.charAt(i);
        if (c == '"') {
          int end = format.indexOf('"', i + 1);
          String text = end < 0 ? format.substring(i + 1) : format.substring(i + 1, end);
          t.nodes.add(new Node(Kind.LITERAL, text.replace("\\\"", "\"")));
          i = end < 0 ? format.length() : end + 1;
          continue;
        }
        if (c == '\\' && i + 1 < format.length() && format.charAt(i + 1) == '"') {
          t.nodes.add(new Node(Kind.LITERAL, "\""));
          i += 2;
          continue;
        }
        String two = i + 1 < format.length()
            ? format.substring(i, i + 2).toUpperCase(Locale.ROOT) : "";
        Kind kind = switch (two) {
          case "FM" -> Kind.FM;
          case "MI" -> Kind.MI;
          case "PL" -> Kind.PL;
          case "SG" -> Kind.SG;
          case "PR" -> Kind.PR;
          case "RN", "TH", "EE" -> throw unsupported(two);
          default -> null;
        };
        if (kind != null) {
          t.add(kind);
          i += 2;
          continue;
        }
        kind = switch (Character.toUpperCase(c)) {
          case '9' -> Kind.DIGIT9;
          case '0' -> Kind.DIGIT0;
          case '.', 'D' -> Kind.DECIMAL;
          case ',', 'G' -> Kind.COMMA;
          case 'S' -> Kind.S;
          // B (blank) is a pattern that prints nothing
          case 'B' -> Kind.BLANK;
          case 'V', 'L' -> throw unsupported(String.valueOf(c));
          default -> Kind.LITERAL;
        };
        if (kind == Kind.LITERAL) {
          t.nodes.add(new Node(Kind.LITERAL, String.valueOf(c)));
        } else {
          t.add(kind);
        }
        i++;
      }
      return t;
    }

    private void add(Kind kind) {
      switch (kind) {
        case DIGIT9 -> {
          checkNotBracket();
          if (decimal) {
            post++;
          } else {
            pre++;
          }
        }
        case DIGIT0 -> {
          checkNotBracket();
          if (!zero && !decimal) {
            zero = true;
            zeroStart = pre + 1;
          }
          if (decimal) {
            post++;
          } else {
            pre++;
          }
          zeroEnd = pre + post;
        }
        case DECIMAL -> {
          if (decimal) {
            throw syntax("multiple decimal points");
          }
          decimal = true;
        }
        case FM -> fill = true;
        case S -> {
          if (lsign != 0) {
            throw syntax("cannot use \"S\" twice");
          }
          if (plus || minus || bracket) {
            throw syntax("cannot use \"S\" and \"PL\"/\"MI\"/\"SG\"/\"PR\" together");
          }
          lsign = decimal ? 2 : 1;
          preLsignNum = pre;
        }
        case MI -> {
          checkNoLsign("MI");
          minus = true;
        }
        case PL -> {
          checkNoLsign("PL");
          plus = true;
        }
        case SG -> {
          checkNoLsign("SG");
          minus = true;
          plus = true;
        }
        case PR -> {
          if (lsign != 0 || plus || minus) {
            throw syntax("cannot use \"PR\" and \"S\"/\"PL\"/\"MI\"/\"SG\" together");
          }
          bracket = true;
        }
        default -> { }
      }
      nodes.add(new Node(kind, null));
    }

    private void checkNotBracket() {
      if (bracket) {
        throw syntax("\"9\" must be ahead of \"PR\"");
      }
    }

    private void checkNoLsign(String what) {
      if (lsign != 0) {
        throw syntax("cannot use \"S\" and \"" + what + "\" together");
      }
    }

    /** PostgreSQL's NUM_processor for to_char: {@code digits} is the unsigned rounded value. */
    String format(String digits, char sign) {
      String number = digits;
      int point = number.indexOf('.');
      int preLength = point < 0 ? number.length() : point;
      int outPreSpaces = 0;
      if (preLength < pre) {
        outPreSpaces = pre - preLength;
      } else if (preLength > pre) {
        StringBuilder hashes = new StringBuilder("#".repeat(pre + post + 1));
        hashes.setCharAt(pre, '.');
        number = hashes.toString();
      }
      return new Processor(this, number, sign, outPreSpaces).run();
    }
  }

  /** The state of one to_char run over a template (PostgreSQL's NUMProc). */
  private static final class Processor {
    private final Template t;
    private final String number;
    private final char sign;
    private final int outPreSpaces;
    private final StringBuilder out = new StringBuilder();
    private final boolean fill;
    private boolean bracket;
    private int lsign;
    private boolean signWrote;
    private int numCount;
    private int numCurr;
    private int numberP;
    private boolean numIn;
    private int lastRelevant = -1;
    private final int zeroStart;

    Processor(Template t, String number, char sign, int outPreSpaces) {
      this.t = t;
      this.number = number;
      this.sign = sign;
      this.outPreSpaces = outPreSpaces;
      this.fill = t.fill;
      this.bracket = t.bracket;
      this.lsign = t.lsign;
      this.zeroStart = t.zeroStart == 0 ? 0 : t.zeroStart - 1;
      if (t.plus || t.minus) {
        signWrote = !(t.plus && !t.minus);
      } else {
        if (sign != '-' && fill) {
          bracket = false;
        }
        signWrote = sign == '+' && fill && lsign == 0;
        if (lsign == 1 && t.pre == t.preLsignNum) {
          lsign = 2;
        }
      }
      numCount = t.post + t.pre - 1;
      if (fill && t.decimal) {
        lastRelevant = lastRelevantDecimal(number);
        if (lastRelevant >= 0 && t.zeroEnd > outPreSpaces) {
          int lastZero = Math.min(number.length() - 1, t.zeroEnd - outPreSpaces);
          if (lastRelevant < lastZero) {
            lastRelevant = lastZero;
          }
        }
      }
      if (!signWrote && outPreSpaces == 0) {
        numCount++;
      }
    }

    String run() {
      for (Node n : t.nodes) {
        switch (n.kind()) {
          case DIGIT9, DIGIT0, DECIMAL -> numberPart(n.kind());
          case COMMA -> {
            if (!numIn) {
              if (!fill) {
                out.append(' ');
              }
            } else {
              out.append(',');
            }
          }
          case MI -> {
            if (sign == '-') {
              out.append('-');
            } else if (!fill) {
              out.append(' ');
            }
          }
          case PL -> {
            if (sign == '+') {
              out.append('+');
            } else if (!fill) {
              out.append(' ');
            }
          }
          case SG -> out.append(sign);
          case LITERAL -> out.append(n.text());
          default -> { }
        }
      }
      // a digit the number lacks ends the text there, as the C string's NUL does in PostgreSQL
      int nul = out.indexOf("\0");
      return nul < 0 ? out.toString() : out.substring(0, nul);
    }

    private boolean zeroFlag() {
      return t.zero;
    }

    private boolean predecSpace() {
      return !zeroFlag() && numberP == 0 && number.charAt(0) == '0' && t.post != 0;
    }

    private char numberAt(int i) {
      return i < number.length() ? number.charAt(i) : '\0';
    }

    private void numberPart(Kind id) {
      numIn = false;
      if (!signWrote
          && (numCurr >= outPreSpaces || (zeroFlag() && zeroStart == numCurr))
          && (!predecSpace() || (lastRelevant >= 0 && number.charAt(lastRelevant) == '.'))) {
        if (lsign != 0) {
          if (lsign == 1) {
            out.append(sign == '-' ? '-' : '+');
            signWrote = true;
          }
        } else if (bracket) {
          out.append(sign == '+' ? ' ' : '<');
          signWrote = true;
        } else if (sign == '+') {
          if (!fill) {
            out.append(' ');
          }
          signWrote = true;
        } else if (sign == '-') {
          out.append('-');
          signWrote = true;
        }
      }
      if (numCurr < outPreSpaces && (zeroStart > numCurr || !zeroFlag())) {
        if (!fill) {
          out.append(' ');
        }
      } else if (zeroFlag() && numCurr < outPreSpaces && zeroStart <= numCurr) {
        out.append('0');
        numIn = true;
      } else {
        if (numberAt(numberP) == '.') {
          if (lastRelevant < 0 || number.charAt(lastRelevant) != '.') {
            out.append('.');
          } else if (fill) {
            out.append('.');
          }
        } else {
          if (lastRelevant >= 0 && numberP > lastRelevant && id != Kind.DIGIT0) {
            // a trailing fraction zero FM leaves out
          } else if (predecSpace()) {
            if (!fill) {
              out.append(' ');
            } else if (lastRelevant >= 0 && number.charAt(lastRelevant) == '.') {
              out.append('0');
            }
          } else {
            out.append(numberAt(numberP));
            numIn = true;
          }
        }
        if (numberP < number.length()) {
          numberP++;
        }
      }
      int end = numCount + (outPreSpaces > 0 ? 1 : 0) + (t.decimal ? 1 : 0);
      if (lastRelevant >= 0 && lastRelevant == numberP) {
        end = numCurr;
      }
      if (numCurr + 1 == end) {
        if (signWrote && bracket) {
          out.append(sign == '+' ? ' ' : '>');
        } else if (lsign == 2) {
          out.append(sign == '-' ? '-' : '+');
        }
      }
      numCurr++;
    }

    private static int lastRelevantDecimal(String number) {
      int p = number.indexOf('.');
      if (p < 0) {
        return -1;
      }
      int result = p;
      for (int i = p + 1; i < number.length(); i++) {
        if (number.charAt(i) != '0') {
          result = i;
        }
      }
      return result;
    }
  }

  private static SqlStateException syntax(String message) {
    return new SqlStateException(SqlState.SYNTAX_ERROR, message);
  }

  private static SqlStateException unsupported(String pattern) {
    return new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
        "to_char pattern \"" + pattern + "\" is not supported yet",
        null, "Use the patterns 9, 0, ., D, ',', G, FM, S, MI, PL, SG and PR.", 0, null);
  }
}
