package org.yggdrasil.planner.exec;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.yggdrasil.planner.schema.AssignmentCast;
import org.yggdrasil.storage.nativestore.ColumnType;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites of the parsed tree that make PostgreSQL idioms mean in Calcite what they mean in
 * PostgreSQL. Today: a single-column set-returning function in FROM with a table alias, as in
 * {@code FROM generate_series(1, 10) g}, names its column after the alias, so {@code g} can be
 * used as a column. And PostgreSQL's clock functions ({@code now()}, {@code
 * transaction_timestamp()} …) become Calcite's {@code CURRENT_TIMESTAMP} as a timestamptz.
 */
public final class PgRewrites extends SqlShuttle {
  private static final PgRewrites INSTANCE = new PgRewrites();

  private PgRewrites() {}

  public static SqlNode apply(SqlNode node) {
    return node.accept(INSTANCE);
  }

  @Override
  public SqlNode visit(SqlCall call) {
    SqlNode catalog = CatalogRewrites.rewrite(call);
    if (catalog != null) {
      return catalog == call ? super.visit(call) : catalog.accept(this);
    }
    if (call.getKind() == SqlKind.AS && call.operandCount() == 2
        && call.operand(0).getKind() == SqlKind.COLLECTION_TABLE
        && call.operand(1) instanceof SqlIdentifier alias
        && isSingleColumnFunction(call.operand(0))) {
      SqlNode function = call.operand(0).accept(this);
      return SqlStdOperatorTable.AS.createCall(call.getParserPosition(),
          List.of(function, alias, alias));
    }
    SqlNode statistical = org.yggdrasil.planner.stats.PgStatFunctions.rewrite(call, this);
    if (statistical != null) {
      return statistical;
    }
    String name = call.getOperator().getName().toLowerCase(java.util.Locale.ROOT);
    if (OWN_FUNCTIONS.contains(name)) {
      return super.visit(ownFunction(name, call.getParserPosition(), call.getOperandList()));
    }
    if (call.getKind() == SqlKind.SNAPSHOT && call.operand(0) instanceof SqlIdentifier table
        && call.operand(1) instanceof SqlLiteral ref) {
      // t FOR SYSTEM_TIME AS OF 'ref' reads t as the ref shows it (see RefSchema).
      String refText = ref.toValue();
      return new SqlIdentifier(List.of(org.yggdrasil.planner.schema.RefSchema.NAME, refText,
          table.names.get(table.names.size() - 1)), table.getParserPosition());
    }
    if (call.getKind() == SqlKind.LIKE
        && call.operandCount() == 3 && call.operand(2) instanceof SqlLiteral escape
        && "".equals(escape.toValue())) {
      // ESCAPE '' turns escaping off, which is LIKE without ESCAPE here.
      return super.visit(call.getOperator().createCall(call.getParserPosition(),
          call.operand(0), call.operand(1)));
    }
    SqlCall escaped = LikeEscapes.withDefaultEscape(call);
    if (escaped != null) {
      return super.visit(escaped);
    }
    if (name.equals("timezone") && call.operandCount() == 2) {
      return super.visit(AtTimeZone.FUNCTION.createCall(call.getParserPosition(),
          call.operand(1), call.operand(0)));
    }
    if (call.getOperator().getName().equals("::") && call.operandCount() == 2) {
      // x::type left as Babel's infix cast (InfixCasts could not find its operand); the
      // validator infers parameter types only for CAST.
      call = SqlStdOperatorTable.CAST.createCall(call.getParserPosition(), call.getOperandList());
    }
    if ((call.getOperator() == SqlStdOperatorTable.PLUS
        || call.getOperator() == SqlStdOperatorTable.MINUS) && call.operandCount() == 2) {
      // + and - that know dates; set before validation so that parameters infer from them too
      call = (call.getKind() == SqlKind.PLUS ? DateArithmetic.PLUS : DateArithmetic.MINUS)
          .createCall(call.getParserPosition(), call.getOperandList());
    }
    if (call.getKind() == SqlKind.CAST) {
      SqlNode rewritten = castOfLiteral(call);
      if (rewritten != null) {
        return rewritten;
      }
    }
    if ((call.getOperator().getName().equals("^") || name.equals("pow")) && call.operandCount() == 2) {
      // PostgreSQL's ^ is exponentiation, not XOR; pow is power's other name.
      return super.visit(SqlStdOperatorTable.POWER.createCall(call.getParserPosition(),
          call.getOperandList()));
    }
    boolean clock = call.getOperator() instanceof SqlUnresolvedFunction f
        && CLOCK_FUNCTIONS.contains(f.getName().toLowerCase(java.util.Locale.ROOT));
    if (call.getOperandList().isEmpty()
        && (clock || call.getOperator() == SqlStdOperatorTable.CURRENT_TIMESTAMP)) {
      // PostgreSQL's current time is a timestamptz with sub-second precision.
      SqlParserPos pos = call.getParserPosition();
      return SqlStdOperatorTable.CAST.createCall(pos,
          SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(pos,
              SqlLiteral.createExactNumeric("3", pos)),
          new SqlDataTypeSpec(new SqlBasicTypeNameSpec(
              SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6, pos), pos));
    }
    return super.visit(call);
  }

  /** PostgreSQL functions we implement ourselves where Calcite's parser or library differ. */
  private static final java.util.Set<String> OWN_FUNCTIONS = java.util.Set.of("date_trunc",
      "current_schema", "trunc", "reverse", "to_timestamp", "to_char");

  private static final java.util.Set<String> CLOCK_FUNCTIONS = java.util.Set.of(
      "now", "transaction_timestamp", "statement_timestamp", "clock_timestamp");

  /**
   * PostgreSQL's input syntax for literals cast to boolean ('yes', 'on', 't' …) and
   * timestamptz (with an offset), which Calcite's casts do not accept: parsed here instead.
   */
  private static SqlNode castOfLiteral(SqlCall call) {
    if (!(call.operand(0) instanceof SqlCharStringLiteral lit)
        || !(call.operand(1) instanceof SqlDataTypeSpec spec)) {
      return null;
    }
    String text = lit.getValueAs(String.class);
    // The last part of a qualified name: CAST('tuple' AS pg_catalog.text), as psql's \dT+ sends.
    java.util.List<String> names = spec.getTypeNameSpec().getTypeName().names;
    String typeName = names.get(names.size() - 1).toLowerCase(java.util.Locale.ROOT);
    SqlParserPos pos = call.getParserPosition();
    switch (typeName) {
      case "boolean", "bool" -> {
        return SqlLiteral.createBoolean(
            (Boolean) AssignmentCast.parse(text, ColumnType.BOOL), pos);
      }
      case "timestamptz", "timestamp_with_local_time_zone", "timestamp_tz" -> {
        java.time.OffsetDateTime t = (java.time.OffsetDateTime) AssignmentCast.parse(text,
            ColumnType.TIMESTAMPTZ);
        String utc = t.toLocalDateTime().format(
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"));
        return SqlLiteral.createTimestamp(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
            new org.apache.calcite.util.TimestampString(utc), 6, pos);
      }
      case "bytea" -> {
        return SqlLiteral.createBinaryString(
            (byte[]) AssignmentCast.parse(text, ColumnType.BYTEA), pos);
      }
      default -> {
        return null;
      }
    }
  }

  /** {@code current_schema} without parentheses, which Calcite reads as its own function. */
  @Override
  public SqlNode visit(SqlIdentifier id) {
    if (id.isSimple() && id.getSimple().equalsIgnoreCase("current_timestamp")) {
      return visit((SqlCall) SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(
          id.getParserPosition()));
    }
    if (id.isSimple() && id.getSimple().equalsIgnoreCase("current_schema")) {
      return ownFunction("current_schema", id.getParserPosition(), List.of());
    }
    return id;
  }

  /** A call to our implementation of a PostgreSQL function, registered as ygg_pg_NAME. */
  private static SqlCall ownFunction(String name, SqlParserPos pos, List<SqlNode> operands) {
    return new SqlUnresolvedFunction(new SqlIdentifier("ygg_pg_" + name, pos), null, null, null,
        null, org.apache.calcite.sql.SqlFunctionCategory.USER_DEFINED_FUNCTION)
        .createCall(pos, operands);
  }

  private static boolean isSingleColumnFunction(SqlCall collectionTable) {
    SqlNode inner = collectionTable.operand(0);
    return inner instanceof SqlCall f
        && f.getOperator().getName().equalsIgnoreCase("generate_series");
  }
}
