package org.yggdrasil.pgwire.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yggdrasil.pgwire.codec.PgDecoder;
import org.yggdrasil.pgwire.testing.BackendMessage;
import org.yggdrasil.pgwire.testing.Frontend;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;

/**
 * The COPY sub-protocol byte by byte, over the real pipeline and a real in-memory engine:
 * CopyInResponse / CopyData / CopyDone / CopyFail from the client in the simple and the
 * extended flow, CopyOutResponse / CopyData / CopyDone to the client.
 */
class CopyProtocolTest {
  private YggEngine engine;
  private EmbeddedChannel channel;

  @BeforeEach
  void connect() {
    engine = new YggEngine(EngineOptions.memory());
    channel = new EmbeddedChannel(new PgDecoder(), PgConnectionHandler.inline(engine));
    send(Frontend.create().startup("user", "ygg", "database", "ygg"));
    assertEquals("C Z", types(send(Frontend.create().query("create table t (a int, b text)"))));
  }

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
    engine.close();
  }

  private List<BackendMessage> send(Frontend frontend) {
    channel.writeInbound(Unpooled.wrappedBuffer(frontend.bytes()));
    channel.runPendingTasks();
    channel.checkException();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Object o;
    while ((o = channel.readOutbound()) != null) {
      ByteBuf b = (ByteBuf) o;
      out.writeBytes(ByteBufUtil.getBytes(b));
      b.release();
    }
    return BackendMessage.parseAll(out.toByteArray());
  }

  private static String types(List<BackendMessage> messages) {
    return BackendMessage.types(messages);
  }

  private List<String> rows() {
    List<BackendMessage> reply = send(Frontend.create().query("select a, b from t order by a"));
    return reply.stream().filter(m -> m.type() == 'D')
        .map(m -> String.join("|", m.textValues().stream()
            .map(v -> v == null ? "NULL" : v).toList()))
        .toList();
  }

  @Test
  void copyInResponseThenRowsSplitAnywhereThenCommandComplete() {
    List<BackendMessage> start = send(Frontend.create().query("copy t from stdin"));
    assertEquals("G", types(start));
    // overall format 0 (text), 2 columns, each format 0
    assertArrayEquals(new byte[] {0, 0, 2, 0, 0, 0, 0}, start.get(0).body());

    assertEquals("", types(send(Frontend.create().copyData("1\tone\n2\tt"))));
    // Flush and Sync during COPY IN are ignored, as PostgreSQL does (libpq may send them).
    assertEquals("", types(send(Frontend.create().flush().sync())));
    assertEquals("", types(send(Frontend.create().copyData("wo\n3\t\\N\n"))));
    List<BackendMessage> done = send(Frontend.create().copyDone());
    assertEquals("C Z", types(done));
    assertEquals("COPY 3", done.get(0).string());
    assertEquals(List.of("1|one", "2|two", "3|NULL"), rows());
  }

  @Test
  void copyFailAbortsWith57014AndWritesNothing() {
    send(Frontend.create().query("copy t from stdin"));
    send(Frontend.create().copyData("1\tone\n"));
    List<BackendMessage> reply = send(Frontend.create().copyFail("client gave up"));
    assertEquals("E Z", types(reply));
    Map<Character, String> error = reply.get(0).fields();
    assertEquals("57014", error.get('C'));
    assertEquals("COPY from stdin failed: client gave up", error.get('M'));
    assertEquals(List.of(), rows());
  }

  @Test
  void badRowAnswersAtOnceAndTheRestOfTheDataIsIgnored() {
    send(Frontend.create().query("copy t from stdin; insert into t values (9, 'not run')"));
    List<BackendMessage> reply = send(Frontend.create().copyData("1\tone\nx\ttwo\n"));
    assertEquals("E Z", types(reply));
    Map<Character, String> error = reply.get(0).fields();
    assertEquals("22P02", error.get('C'));
    assertEquals("invalid input syntax for type integer: \"x\"", error.get('M'));
    assertEquals("COPY t, line 2, column a: \"x\"", error.get('W'));
    // the client did not notice yet and goes on: ignored until it is done
    assertEquals("", types(send(Frontend.create().copyData("3\tthree\n").copyDone())));
    assertEquals(List.of(), rows());
  }

  @Test
  void theRestOfASimpleQueryRunsAfterTheCopy() {
    send(Frontend.create().query("copy t from stdin; insert into t values (9, 'after')"));
    List<BackendMessage> reply = send(Frontend.create().copyData("1\tone\n").copyDone());
    assertEquals("C C Z", types(reply));
    assertEquals("COPY 1", reply.get(0).string());
    assertEquals("INSERT 0 1", reply.get(1).string());
    assertEquals(List.of("1|one", "9|after"), rows());
  }

  @Test
  void extendedProtocolCopyInWithSyncPipelinedBeforeTheData() {
    List<BackendMessage> start = send(Frontend.create().parse("", "copy t (b, a) from stdin csv")
        .bind("", "").describe('P', "").execute("", 0).sync());
    assertEquals("1 2 n G", types(start), "the Sync sent with Execute is ignored");
    assertEquals("", types(send(Frontend.create().copyData("\"x,y\",5\n").copyDone())));
    List<BackendMessage> done = send(Frontend.create().sync());
    assertEquals("C Z", types(done), "CommandComplete waits in the buffer for the Sync");
    assertEquals("COPY 1", done.get(0).string());
    assertEquals(List.of("5|x,y"), rows());
  }

  @Test
  void unexpectedMessageDuringCopyIsAProtocolError() {
    send(Frontend.create().query("copy t from stdin"));
    List<BackendMessage> reply = send(Frontend.create().query("select 1"));
    assertEquals("E Z", types(reply));
    assertEquals("08P01", reply.get(0).fields().get('C'));
    assertEquals("unexpected message type 0x51 during COPY from stdin",
        reply.get(0).fields().get('M'));
    assertEquals("T D C Z", types(send(Frontend.create().query("select 1"))));
  }

  @Test
  void copyMessagesOutsideCopyAreIgnored() {
    assertEquals("", types(send(Frontend.create().copyData("1\tx\n").copyDone()
        .copyFail("late"))));
    assertEquals("T D C Z", types(send(Frontend.create().query("select 1"))));
  }

  @Test
  void copyOutIsCopyOutResponseOneCopyDataPerRowCopyDone() {
    send(Frontend.create().query("insert into t values (1, 'a\tb'), (2, null)"));
    List<BackendMessage> reply = send(Frontend.create().query(
        "copy (select a, b from t order by a) to stdout with (format text, header)"));
    assertEquals("H d d d c C Z", types(reply));
    assertArrayEquals(new byte[] {0, 0, 2, 0, 0, 0, 0}, reply.get(0).body());
    assertEquals("a\tb\n", text(reply.get(1)));
    assertEquals("1\ta\\tb\n", text(reply.get(2)));
    assertEquals("2\t\\N\n", text(reply.get(3)));
    assertArrayEquals(new byte[0], reply.get(4).body());
    assertEquals("COPY 2", reply.get(5).string());
  }

  @Test
  void copyOutInTheExtendedProtocolDescribesNoData() {
    send(Frontend.create().query("insert into t values (1, 'x')"));
    List<BackendMessage> reply = send(Frontend.create().parse("", "copy t to stdout csv")
        .bind("", "").describe('P', "").execute("", 0).sync());
    assertEquals("1 2 n H d c C Z", types(reply));
    assertEquals("1,x\n", text(reply.get(4)));
  }

  private static String text(BackendMessage m) {
    return new String(m.body(), StandardCharsets.UTF_8);
  }
}
