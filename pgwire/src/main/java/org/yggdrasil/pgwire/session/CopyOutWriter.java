package org.yggdrasil.pgwire.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.yggdrasil.pgwire.codec.Messages;
import org.yggdrasil.pgwire.types.FormatSettings;
import org.yggdrasil.pgwire.types.PgType;
import org.yggdrasil.planner.copy.CopyOptions;
import org.yggdrasil.planner.session.CopyOut;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.planner.session.RowSink;

/**
 * COPY TO STDOUT on the wire: CopyOutResponse, one CopyData per row (and one for the HEADER
 * line), CopyDone, CommandComplete. Each value is first written in its text form — the same
 * text a DataRow carries — and then escaped as PostgreSQL's {@code CopyAttributeOutText} and
 * {@code CopyAttributeOutCSV} do, so that the bytes match PostgreSQL's.
 */
final class CopyOutWriter implements RowSink {
  private final WireOutput out;
  private final CopyOptions options;
  private final List<ResultColumn> columns;
  private final PgType[] types;
  private final boolean[] forceQuote;
  private final ByteBuf scratch = Unpooled.buffer(256);

  private CopyOutWriter(WireOutput out, CopyOut copyOut, FormatSettings settings) {
    this.out = out;
    this.options = copyOut.options();
    this.columns = copyOut.columns();
    this.types = ResultEncoding.types(columns, settings);
    this.forceQuote = new boolean[columns.size()];
    for (int i = 0; i < forceQuote.length; i++) {
      forceQuote[i] = options.forcesQuote(columns.get(i).name());
    }
  }

  /** Runs a COPY TO portal to completion, writing everything up to CommandComplete. */
  static void run(WireOutput out, BoundPortal portal, CopyOut copyOut) {
    CopyOutWriter writer = new CopyOutWriter(out, copyOut, portal.settings());
    try {
      Messages.writeCopyOutResponse(out.buffer(), writer.columns.size());
      if (writer.options.header() != CopyOptions.Header.NONE) {
        writer.header();
      }
      portal.portal().execute(0, writer);
      Messages.writeCopyDone(out.buffer());
      Messages.writeCommandComplete(out.buffer(), portal.portal().commandTag());
    } finally {
      writer.scratch.release();
    }
  }

  private void header() {
    ByteBuf b = out.buffer();
    int start = Messages.beginCopyData(b);
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        b.writeByte(options.delimiter());
      }
      scratch.clear();
      ByteBufUtil.writeUtf8(scratch, columns.get(i).name());
      field(b, false);
    }
    b.writeByte('\n');
    Messages.endCopyData(b, start);
  }

  @Override
  public void row(Object[] values) {
    ByteBuf b = out.buffer();
    int start = Messages.beginCopyData(b);
    try {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          b.writeByte(options.delimiter());
        }
        Object v = values[i];
        if (v == null) {
          b.writeBytes(options.nullString());
          continue;
        }
        scratch.clear();
        types[i].writeText(scratch, v);
        field(b, forceQuote[i]);
      }
      b.writeByte('\n');
    } catch (RuntimeException e) {
      b.writerIndex(start);
      throw e;
    }
    Messages.endCopyData(b, start);
    out.countRow();
    out.flushIfLarge();
  }

  /** Appends the text in {@link #scratch}, escaped for the format. */
  private void field(ByteBuf b, boolean quote) {
    if (options.csv()) {
      csv(b, quote);
    } else {
      text(b);
    }
  }

  /** {@code CopyAttributeOutText}: backslash escapes for controls, backslash and delimiter. */
  private void text(ByteBuf b) {
    byte delimiter = options.delimiter();
    int end = scratch.writerIndex();
    for (int i = scratch.readerIndex(); i < end; i++) {
      byte c = scratch.getByte(i);
      if ((c & 0xFF) < 0x20) {
        byte letter = switch (c) {
          case '\b' -> 'b';
          case '\f' -> 'f';
          case '\n' -> 'n';
          case '\r' -> 'r';
          case '\t' -> 't';
          case 0x0B -> 'v';
          default -> 0;
        };
        if (letter != 0) {
          b.writeByte('\\').writeByte(letter);
          continue;
        }
        if (c == delimiter) {
          b.writeByte('\\');
        }
      } else if (c == '\\' || c == delimiter) {
        b.writeByte('\\');
      }
      b.writeByte(c);
    }
  }

  /** {@code CopyAttributeOutCSV}: quoted when it must be, quote and escape escaped inside. */
  private void csv(ByteBuf b, boolean quote) {
    byte q = options.quote();
    byte escape = options.escape();
    byte delimiter = options.delimiter();
    int start = scratch.readerIndex();
    int end = scratch.writerIndex();
    if (!quote) {
      quote = equalsBytes(options.nullString(), start, end)
          || (columns.size() == 1 && end - start == 2 && scratch.getByte(start) == '\\'
              && scratch.getByte(start + 1) == '.');
    }
    if (!quote) {
      for (int i = start; i < end; i++) {
        byte c = scratch.getByte(i);
        if (c == delimiter || c == q || c == escape || c == '\n' || c == '\r') {
          quote = true;
          break;
        }
      }
    }
    if (!quote) {
      b.writeBytes(scratch, start, end - start);
      return;
    }
    b.writeByte(q);
    for (int i = start; i < end; i++) {
      byte c = scratch.getByte(i);
      if (c == q || c == escape) {
        b.writeByte(escape);
      }
      b.writeByte(c);
    }
    b.writeByte(q);
  }

  private boolean equalsBytes(byte[] bytes, int start, int end) {
    if (end - start != bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (scratch.getByte(start + i) != bytes[i]) {
        return false;
      }
    }
    return true;
  }
}
