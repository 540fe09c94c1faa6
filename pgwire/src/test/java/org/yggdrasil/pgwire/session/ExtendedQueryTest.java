package org.yggdrasil.pgwire.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yggdrasil.pgwire.testing.BackendMessage;
import org.yggdrasil.pgwire.testing.EmbeddedWire;
import org.yggdrasil.pgwire.testing.Frontend;
import org.yggdrasil.planner.session.PgOid;

/** The extended query protocol over the real pipeline. */
class ExtendedQueryTest {
  private static final short[] NONE = new short[0];
  private static final short[] BINARY = {1};

  private EmbeddedWire wire;

  @BeforeEach
  void connect() {
    wire = new EmbeddedWire();
    wire.startup();
  }

  private List<BackendMessage> send(Frontend f) {
    return wire.send(f);
  }

  @Test
  void parseBindDescribeExecuteSync() {
    List<BackendMessage> reply = send(Frontend.create()
        .parse("", "rows 3").bind("", "").describe('P', "").execute("", 0).sync());
    assertEquals("1 2 T D D D C Z", BackendMessage.types(reply));
    assertEquals(List.of("n"), reply.get(2).columnNames());
    assertEquals(List.of(PgOid.INT4), reply.get(2).columnTypes());
    assertEquals(List.of("3"), reply.get(5).textValues());
    assertEquals("SELECT 3", reply.get(6).string());
    assertEquals("I", new String(reply.get(7).body()));
  }

  @Test
  void maxRowsSuspendsAndLaterExecutesContinueInsideATransaction() {
    send(Frontend.create().query("begin"));
    List<BackendMessage> first = send(Frontend.create()
        .parse("s", "rows 5").bind("c1", "s").execute("c1", 2).sync());
    assertEquals("1 2 D D s Z", BackendMessage.types(first));
    assertEquals("T", new String(first.getLast().body()));

    List<BackendMessage> second = send(Frontend.create().execute("c1", 2).sync());
    assertEquals("D D s Z", BackendMessage.types(second));
    assertEquals(List.of("4"), second.get(1).textValues());

    List<BackendMessage> last = send(Frontend.create().execute("c1", 2).sync());
    assertEquals("D C Z", BackendMessage.types(last));
    assertEquals(List.of("5"), last.get(0).textValues());

    assertEquals("3 Z", BackendMessage.types(send(Frontend.create().close('P', "c1").sync())));
    assertEquals(0, wire.session().openPortals.get());
  }

  @Test
  void portalsAreDroppedWhenSyncEndsTheTransaction() {
    send(Frontend.create().parse("", "rows 5").bind("c2", "").sync());
    assertEquals(0, wire.session().openPortals.get());
    List<BackendMessage> reply = send(Frontend.create().execute("c2", 0).sync());
    assertEquals("E Z", BackendMessage.types(reply));
    assertEquals("34000", BackendMessage.error(reply).get('C'));
    assertEquals("portal \"c2\" does not exist", BackendMessage.error(reply).get('M'));
  }

  @Test
  void describeStatementSendsParameterDescriptionAndRowDescription() {
    List<BackendMessage> reply = send(Frontend.create()
        .parse("s1", "echo $1 $2", PgOid.INT4, 0).describe('S', "s1").sync());
    assertEquals("1 t T Z", BackendMessage.types(reply));
    ByteBuf t = reply.get(1).buf();
    assertEquals(2, t.readShort());
    assertEquals(PgOid.INT4, t.readInt());
    assertEquals(PgOid.TEXT, t.readInt(), "unspecified parameter resolved by the session");
    assertEquals(List.of(0, 0), reply.get(2).columnFormats());
  }

  @Test
  void describeOfStatementWithoutRowsSendsNoData() {
    List<BackendMessage> reply = send(Frontend.create()
        .parse("", "insert").describe('S', "").bind("", "").describe('P', "")
        .execute("", 1).sync());
    assertEquals("1 t n 2 n C Z", BackendMessage.types(reply));
    assertEquals("INSERT 0 1", reply.get(5).string());
  }

  @Test
  void errorDiscardsMessagesUntilSync() {
    List<BackendMessage> reply = send(Frontend.create()
        .parse("", "error 42601").bind("", "").execute("", 0)
        .query("select 1") // also discarded: PostgreSQL ignores everything but Sync
        .sync());
    assertEquals("E Z", BackendMessage.types(reply));
    assertEquals("42601", BackendMessage.error(reply).get('C'));

    List<BackendMessage> after = send(Frontend.create()
        .parse("", "select 5").bind("", "").execute("", 0).sync());
    assertEquals("1 2 D C Z", BackendMessage.types(after));
  }

  @Test
  void namedStatementCannotBeRedefinedButTheUnnamedOneIsReplaced() {
    send(Frontend.create().parse("s", "select 1").sync());
    List<BackendMessage> dup = send(Frontend.create().parse("s", "select 2").sync());
    assertEquals("E Z", BackendMessage.types(dup));
    assertEquals("42P05", BackendMessage.error(dup).get('C'));
    assertEquals("prepared statement \"s\" already exists", BackendMessage.error(dup).get('M'));

    assertEquals("1 1 Z", BackendMessage.types(send(Frontend.create()
        .parse("", "select 1").parse("", "select 2").sync())));
    assertEquals("3 1 Z", BackendMessage.types(send(Frontend.create()
        .close('S', "s").parse("s", "select 3").sync())));
    List<BackendMessage> run = send(Frontend.create().bind("", "s").execute("", 0).sync());
    assertEquals(List.of("3"), run.get(1).textValues());
  }

  @Test
  void unknownStatementIs26000() {
    List<BackendMessage> reply = send(Frontend.create().bind("", "nope").sync());
    assertEquals("26000", BackendMessage.error(reply).get('C'));
    assertEquals("prepared statement \"nope\" does not exist", BackendMessage.error(reply).get('M'));
    List<BackendMessage> unnamed = send(Frontend.create().describe('S', "").sync());
    assertEquals("26000", BackendMessage.error(unnamed).get('C'));
    assertEquals(2, wire.session().failures.size(), "pgwire's own errors fail the statement");
  }

  @Test
  void parseAcceptsATrailingSemicolonButNotTwoStatements() {
    List<BackendMessage> one = send(Frontend.create()
        .parse("", "select 4;").bind("", "").execute("", 0).sync());
    assertEquals("1 2 D C Z", BackendMessage.types(one));
    assertEquals("select 4", wire.session().prepared.getLast());

    List<BackendMessage> two = send(Frontend.create().parse("", "select 1; select 2").sync());
    assertEquals("42601", BackendMessage.error(two).get('C'));
    assertEquals("cannot insert multiple commands into a prepared statement",
        BackendMessage.error(two).get('M'));

    assertEquals("1 2 I Z", BackendMessage.types(send(Frontend.create()
        .parse("", ";").bind("", "").execute("", 0).sync())));
  }

  @Test
  void closeOfSomethingAbsentStillCompletes() {
    assertEquals("3 3 Z", BackendMessage.types(send(Frontend.create()
        .close('S', "none").close('P', "none").sync())));
  }

  @Test
  void emptyStatementExecutesToEmptyQueryResponse() {
    assertEquals("1 2 n I Z", BackendMessage.types(send(Frontend.create()
        .parse("", "  ").bind("", "").describe('P', "").execute("", 0).sync())));
  }

  @Test
  void binaryParametersAndBinaryResults() {
    byte[] int4 = {0, 0, 0, 42};
    byte[] int8 = {0, 0, 0, 2, 0x54, 0x0B, (byte) 0xE4, 0x00}; // 10000000000
    byte[] numeric = HexFormat.of().parseHex("000200000000" + "0003" + "000c0d7a"); // 12.345
    UUID u = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    byte[] uuid = Unpooled.buffer().writeLong(u.getMostSignificantBits())
        .writeLong(u.getLeastSignificantBits()).array();
    byte[][] values = {int4, int8, numeric, java.util.Arrays.copyOf(uuid, 16), null};

    List<BackendMessage> reply = send(Frontend.create()
        .parse("", "echo $1 $2 $3 $4 $5",
            PgOid.INT4, PgOid.INT8, PgOid.NUMERIC, PgOid.UUID, PgOid.INT4)
        .bind("", "", BINARY, values, BINARY).describe('P', "").execute("", 0).sync());

    assertEquals("1 2 T D C Z", BackendMessage.types(reply));
    assertEquals(List.of(1, 1, 1, 1, 1), reply.get(2).columnFormats());
    List<byte[]> row = reply.get(3).rawValues();
    assertArrayEquals(int4, row.get(0));
    assertArrayEquals(int8, row.get(1));
    assertArrayEquals(numeric, row.get(2));
    assertArrayEquals(values[3], row.get(3));
    assertEquals(null, row.get(4));
  }

  @Test
  void mixedFormatsPerParameterAndPerColumn() {
    byte[][] values = {"7".getBytes(), {0, 0, 0, 8}};
    List<BackendMessage> reply = send(Frontend.create()
        .parse("", "echo $1 $2", PgOid.INT4, PgOid.INT4)
        .bind("", "", new short[] {0, 1}, values, new short[] {1, 0})
        .execute("", 0).sync());
    List<byte[]> row = reply.get(2).rawValues();
    assertArrayEquals(new byte[] {0, 0, 0, 7}, row.get(0));
    assertArrayEquals("8".getBytes(), row.get(1));
  }

  @Test
  void numericTextParameterBecomesBigDecimal() {
    List<BackendMessage> reply = send(Frontend.create()
        .parse("", "echo $1", PgOid.NUMERIC).bind("", "", " -0.50 ").execute("", 0).sync());
    assertEquals(List.of("-0.50"), reply.get(2).textValues());
    assertEquals(new BigDecimal("-0.50").toPlainString(), reply.get(2).textValues().get(0));
  }

  @Test
  void binaryParameterOfWrongLengthIs22P03() {
    List<BackendMessage> reply = send(Frontend.create()
        .parse("", "echo $1", PgOid.INT4)
        .bind("", "", BINARY, new byte[][] {{0, 0, 1}}, NONE).execute("", 0).sync());
    assertEquals("1 E Z", BackendMessage.types(reply));
    assertEquals("22P03", BackendMessage.error(reply).get('C'));
    assertEquals("incorrect binary data format in bind parameter 1",
        BackendMessage.error(reply).get('M'));
    assertEquals(1, wire.session().failures.size());
  }

  @Test
  void malformedTextParameterIs22P02() {
    List<BackendMessage> reply = send(Frontend.create()
        .parse("", "echo $1", PgOid.INT4).bind("", "", "abc").sync());
    assertEquals("22P02", BackendMessage.error(reply).get('C'));
    assertEquals("invalid input syntax for type integer: \"abc\"",
        BackendMessage.error(reply).get('M'));
  }

  @Test
  void invalidUtf8InTextParameterIs22021() {
    List<BackendMessage> reply = send(Frontend.create()
        .parse("", "echo $1").bind("", "", NONE, new byte[][] {{'a', (byte) 0xC3}}, NONE)
        .sync());
    assertEquals("22021", BackendMessage.error(reply).get('C'));
    assertEquals("invalid byte sequence for encoding \"UTF8\": 0xc3",
        BackendMessage.error(reply).get('M'));
  }

  @Test
  void wrongParameterCountIs08P01() {
    List<BackendMessage> reply = send(Frontend.create()
        .parse("", "echo $1 $2").bind("", "", "1").sync());
    assertEquals("08P01", BackendMessage.error(reply).get('C'));
    assertEquals("bind message supplies 1 parameters, but prepared statement \"\" requires 2",
        BackendMessage.error(reply).get('M'));
    assertTrue(wire.channel.isOpen());
  }

  @Test
  void wrongResultFormatCountIs08P01() {
    List<BackendMessage> reply = send(Frontend.create()
        .parse("", "select 1").bind("", "", NONE, new byte[0][], new short[] {0, 0}).sync());
    assertEquals("08P01", BackendMessage.error(reply).get('C'));
    assertEquals("bind message has 2 result formats but query has 1 columns",
        BackendMessage.error(reply).get('M'));
  }

  @Test
  void unsupportedFormatCodeIs22023() {
    List<BackendMessage> reply = send(Frontend.create()
        .parse("", "select 1").bind("", "", NONE, new byte[0][], new short[] {2}).sync());
    assertEquals("22023", BackendMessage.error(reply).get('C'));
  }

  @Test
  void flushSendsWhatIsBufferedWithoutSync() {
    assertEquals(0, send(Frontend.create().parse("", "select 1")).size());
    assertEquals("1", BackendMessage.types(send(Frontend.create().flush())));
  }

  @Test
  void executeErrorAfterSomeRowsIsFollowedBySkipToSync() {
    List<BackendMessage> reply = send(Frontend.create()
        .parse("", "boom").bind("", "").execute("", 0)
        .parse("", "select 1").bind("", "").execute("", 0).sync());
    assertEquals("1 2 E Z", BackendMessage.types(reply));
    assertEquals("XX000", reply.get(2).fields().get('C'));
  }

  @Test
  void pipelinedBatchWithOneSync() {
    Frontend batch = Frontend.create().parse("ins", "insert");
    for (int i = 0; i < 5; i++) {
      batch.bind("", "ins").describe('P', "").execute("", 1);
    }
    List<BackendMessage> reply = send(batch.sync());
    assertEquals("1 2 n C 2 n C 2 n C 2 n C 2 n C Z", BackendMessage.types(reply));
    assertEquals(1, wire.session().syncs.get());
  }

  @Test
  void simpleQueryPipelinedBeforeExtendedMessagesRunsInOrder() {
    List<BackendMessage> reply = send(Frontend.create().query("begin")
        .parse("", "select 1").bind("", "").execute("", 0).sync());
    assertEquals("C Z 1 2 D C Z", BackendMessage.types(reply));
    assertEquals("T", new String(reply.getLast().body()));
  }
}
