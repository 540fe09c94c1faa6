package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.yggdrasil.planner.schema.functions.ArrayFunctions;
import org.yggdrasil.planner.schema.functions.EncodingFunctions;
import org.yggdrasil.planner.schema.functions.FormatFunction;
import org.yggdrasil.planner.schema.functions.MakeDateTime;
import org.yggdrasil.planner.schema.functions.TrimFunctions;
import org.yggdrasil.planner.schema.functions.WidthBucket;

/**
 * PostgreSQL functions Calcite lacks, as operators: ones that return timestamps as microseconds
 * ({@code to_timestamp(epoch)}, {@code make_timestamp}), take any number of arguments of any
 * types ({@code format}, {@code num_nulls}, {@code num_nonnulls}), look at an argument's type
 * ({@code pg_typeof}), take arrays ({@code array_length} …), have optional or differently typed
 * overloads ({@code btrim}, {@code array_position}, {@code width_bucket}) or overload a Calcite
 * function ({@code ltrim}, {@code rtrim}). The rest simply call a Java method. (Functions in the
 * root schema would be found twice, there and in pg_catalog, which Calcite's overload resolution
 * asserts against when an argument is NULL.)
 */
final class PgFunctions {
  private static final SqlReturnTypeInference NULLABLE_VARCHAR =
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.FORCE_NULLABLE);
  private static final SqlReturnTypeInference NULLABLE_INTEGER =
      ReturnTypes.explicit(SqlTypeName.INTEGER).andThen(SqlTypeTransforms.FORCE_NULLABLE);
  private static final SqlReturnTypeInference NULLABLE_BIGINT =
      ReturnTypes.explicit(SqlTypeName.BIGINT).andThen(SqlTypeTransforms.FORCE_NULLABLE);

  /** A NULL or parameter argument takes the type the function declares for it. */
  private static final SqlOperandTypeInference DECLARED = (binding, returnType, types) -> {
    if (binding.getOperator().getOperandTypeChecker() instanceof SqlOperandMetadata m) {
      List<RelDataType> declared = m.paramTypes(binding.getTypeFactory());
      for (int i = 0; i < types.length && i < declared.size(); i++) {
        SqlTypeName t = types[i] == null ? null : types[i].getSqlTypeName();
        if (t == null || t == SqlTypeName.UNKNOWN || t == SqlTypeName.NULL) {
          types[i] = declared.get(i);
        }
      }
    }
  };

  /**
   * to_timestamp(epoch seconds) and to_timestamp(text, template), which PgRewrites renames so
   * that Calcite's own (milliseconds, and a timestamp type Yggdrasil does not use) is not chosen.
   */
  static final SqlFunction TO_TIMESTAMP = new SqlFunction("ygg_pg_to_timestamp",
      SqlKind.OTHER_FUNCTION, timestamp(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE),
      (binding, returnType, types) -> {
        // a parameter alone is the seconds, as PostgreSQL resolves it; else text
        for (int i = 0; i < types.length; i++) {
          if (types[i] == null || types[i].getSqlTypeName() == SqlTypeName.UNKNOWN) {
            types[i] = binding.getTypeFactory().createSqlType(types.length == 1
                ? SqlTypeName.DOUBLE : SqlTypeName.VARCHAR);
          }
        }
      },
      OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.CHARACTER,
          OperandTypes.STRING_STRING),
      SqlFunctionCategory.TIMEDATE);
  static final SqlFunction MAKE_TIMESTAMP = new SqlFunction("make_timestamp",
      SqlKind.OTHER_FUNCTION, timestamp(SqlTypeName.TIMESTAMP), null,
      OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER,
          SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.NUMERIC),
      SqlFunctionCategory.TIMEDATE);
  static final SqlFunction PG_TYPEOF = new SqlFunction("pg_typeof", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR), null, OperandTypes.ANY,
      SqlFunctionCategory.SYSTEM);
  static final SqlFunction NUM_NULLS = counting("num_nulls");
  static final SqlFunction NUM_NONNULLS = counting("num_nonnulls");
  static final SqlFunction FORMAT = new SqlFunction("format", SqlKind.OTHER_FUNCTION,
      NULLABLE_VARCHAR, InferTypes.VARCHAR_1024,
      OperandTypes.variadic(SqlOperandCountRanges.from(1)), SqlFunctionCategory.STRING);
  static final SqlFunction BTRIM = new SqlFunction("btrim", SqlKind.OTHER_FUNCTION,
      NULLABLE_VARCHAR, InferTypes.VARCHAR_1024, OperandTypes.or(OperandTypes.CHARACTER,
          OperandTypes.CHARACTER_CHARACTER), SqlFunctionCategory.STRING);
  static final SqlFunction ARRAY_POSITION = new SqlFunction("array_position",
      SqlKind.OTHER_FUNCTION, NULLABLE_INTEGER, InferTypes.explicit(List.of()), OperandTypes.or(
          OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY),
          OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY, SqlTypeFamily.INTEGER)),
      SqlFunctionCategory.SYSTEM);
  static final SqlFunction WIDTH_BUCKET = new SqlFunction("width_bucket", SqlKind.OTHER_FUNCTION,
      NULLABLE_INTEGER, InferTypes.explicit(List.of()),
      OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC,
          SqlTypeFamily.INTEGER), SqlFunctionCategory.NUMERIC);

  /**
   * to_char of a number here, of a date or timestamp Calcite's: PgRewrites renames to_char, as
   * Calcite would otherwise always choose its own, which only formats dates and times.
   */
  static final SqlFunction TO_CHAR = new SqlFunction("ygg_pg_to_char", SqlKind.OTHER_FUNCTION,
      NULLABLE_VARCHAR, InferTypes.VARCHAR_1024,
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.CHARACTER)),
      SqlFunctionCategory.STRING);

  private static final List<SqlOperator> CONVERTED = List.of(TO_TIMESTAMP, MAKE_TIMESTAMP,
      PG_TYPEOF, NUM_NULLS, NUM_NONNULLS, FORMAT, BTRIM, ARRAY_POSITION, WIDTH_BUCKET, TO_CHAR);

  // what the converted functions call
  private static final SqlUserDefinedFunction EPOCH_SECONDS = microsecondRuntime(
      "epochSeconds", List.of(SqlTypeName.DOUBLE));
  private static final SqlUserDefinedFunction TEXT_TO_TIMESTAMP = microsecondRuntime(
      "fromText", List.of(SqlTypeName.VARCHAR, SqlTypeName.VARCHAR));
  private static final SqlUserDefinedFunction MAKE_TIMESTAMP_MICROS = microsecondRuntime(
      "make_timestamp", List.of(SqlTypeName.INTEGER, SqlTypeName.INTEGER, SqlTypeName.INTEGER,
          SqlTypeName.INTEGER, SqlTypeName.INTEGER, SqlTypeName.DOUBLE));
  private static final SqlUserDefinedFunction FORMAT_TEXTS = runtime("pg_format",
      FormatFunction.class, "format", NULLABLE_VARCHAR,
      f -> List.of(f.createSqlType(SqlTypeName.VARCHAR),
          f.createArrayType(f.createSqlType(SqlTypeName.VARCHAR), -1)));
  private static final SqlUserDefinedFunction BOOLEAN_TEXT = runtime("pg_format_boolean",
      FormatFunction.class, "booleanText", NULLABLE_VARCHAR,
      f -> List.of(f.createSqlType(SqlTypeName.BOOLEAN)));
  private static final SqlUserDefinedFunction BTRIM_RUNTIME = text("pg_btrim",
      TrimFunctions.class, "btrim", 2);
  private static final SqlUserDefinedFunction ARRAY_POSITION_RUNTIME = runtime(
      "pg_array_position", ArrayFunctions.class, "array_position", NULLABLE_INTEGER,
      f -> List.of(anyArray(f), f.createSqlType(SqlTypeName.ANY),
          f.createSqlType(SqlTypeName.INTEGER)));
  private static final SqlUserDefinedFunction TO_CHAR_NUMERIC = toChar(SqlTypeName.DECIMAL);
  private static final SqlUserDefinedFunction TO_CHAR_FLOAT8 = toChar(SqlTypeName.DOUBLE);
  private static final SqlUserDefinedFunction WIDTH_BUCKET_NUMERIC = widthBucket(
      SqlTypeName.DECIMAL);
  private static final SqlUserDefinedFunction WIDTH_BUCKET_FLOAT8 = widthBucket(
      SqlTypeName.DOUBLE);

  /** Functions that need no conversion: each calls its Java method. */
  private static final List<SqlFunction> PLAIN = List.of(
      text("ltrim", TrimFunctions.class, "ltrim", 2),
      text("rtrim", TrimFunctions.class, "rtrim", 2),
      runtime("make_date", MakeDateTime.class, "make_date",
          // days since 1970 are a date's own form
          ReturnTypes.explicit(SqlTypeName.DATE).andThen(SqlTypeTransforms.FORCE_NULLABLE),
          f -> Collections.nCopies(3, f.createSqlType(SqlTypeName.INTEGER))),
      array("array_length"), array("array_lower"), array("array_upper"),
      runtime("encode", EncodingFunctions.class, "encode", NULLABLE_VARCHAR,
          f -> List.of(f.createSqlType(SqlTypeName.VARBINARY),
              f.createSqlType(SqlTypeName.VARCHAR))),
      runtime("decode", EncodingFunctions.class, "decode",
          ReturnTypes.explicit(SqlTypeName.VARBINARY).andThen(SqlTypeTransforms.FORCE_NULLABLE),
          f -> List.of(f.createSqlType(SqlTypeName.VARCHAR),
              f.createSqlType(SqlTypeName.VARCHAR))));

  static final SqlOperatorTable OPERATORS = SqlOperatorTables.of(concat(CONVERTED, PLAIN));

  private PgFunctions() {}

  static boolean handles(SqlCall call) {
    return CONVERTED.contains(call.getOperator());
  }

  static RexNode convert(SqlRexContext cx, SqlCall call) {
    RexBuilder rex = cx.getRexBuilder();
    List<RexNode> args = new ArrayList<>();
    for (var operand : call.getOperandList()) {
      args.add(cx.convertExpression(operand));
    }
    RelDataType resultType = cx.getValidator().getValidatedNodeType(call);
    SqlOperator op = call.getOperator();
    if (op == PG_TYPEOF) {
      return rex.makeAbstractCast(resultType,
          rex.makeLiteral(PgTypeNames.of(call.operand(0), args.get(0).getType())), false);
    }
    if (op == NUM_NULLS || op == NUM_NONNULLS) {
      return countNulls(rex, args, op == NUM_NULLS);
    }
    if (op == FORMAT) {
      return format(rex, args, resultType);
    }
    if (op == BTRIM) {
      RexNode characters = args.size() > 1 ? args.get(1) : rex.makeLiteral(" ");
      return rex.makeCall(resultType, BTRIM_RUNTIME, List.of(args.get(0), characters));
    }
    if (op == ARRAY_POSITION) {
      RexNode start = args.size() > 2 ? args.get(2)
          : rex.makeExactLiteral(java.math.BigDecimal.ONE);
      return rex.makeCall(resultType, ARRAY_POSITION_RUNTIME,
          List.of(args.get(0), args.get(1), start));
    }
    if (op == TO_CHAR) {
      SqlTypeName t = args.get(0).getType().getSqlTypeName();
      if (!SqlTypeName.NUMERIC_TYPES.contains(t)) {
        RexNode value = args.get(0);
        if (t == SqlTypeName.DATE) {
          value = rex.makeCast(rex.getTypeFactory().createTypeWithNullability(
              rex.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP),
              value.getType().isNullable()), value);
        }
        return rex.makeCast(resultType, rex.makeCall(
            org.apache.calcite.sql.fun.SqlLibraryOperators.TO_CHAR_PG, value, args.get(1)));
      }
      boolean floating = t == SqlTypeName.DOUBLE || t == SqlTypeName.REAL
          || t == SqlTypeName.FLOAT;
      SqlUserDefinedFunction runtime = floating ? TO_CHAR_FLOAT8 : TO_CHAR_NUMERIC;
      return rex.makeCall(resultType, runtime, castAll(rex, args,
          ((SqlOperandMetadata) runtime.getOperandTypeChecker()).paramTypes(
              rex.getTypeFactory())));
    }
    if (op == WIDTH_BUCKET) {
      SqlUserDefinedFunction runtime = isNumericBucket(args) ? WIDTH_BUCKET_NUMERIC
          : WIDTH_BUCKET_FLOAT8;
      List<RelDataType> types = runtime.getOperandTypeChecker() instanceof SqlOperandMetadata m
          ? m.paramTypes(rex.getTypeFactory()) : List.of();
      return rex.makeCall(resultType, runtime, castAll(rex, args, types));
    }
    SqlUserDefinedFunction runtime = op == MAKE_TIMESTAMP ? MAKE_TIMESTAMP_MICROS
        : args.size() == 2 ? TEXT_TO_TIMESTAMP : EPOCH_SECONDS;
    List<RelDataType> types = ((SqlOperandMetadata) runtime.getOperandTypeChecker())
        .paramTypes(rex.getTypeFactory());
    RelDataTypeFactory f = rex.getTypeFactory();
    RelDataType bigint = f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT),
        resultType.isNullable());
    return rex.makeReinterpretCast(resultType,
        rex.makeCall(bigint, runtime, castAll(rex, args, types)), rex.makeLiteral(false));
  }

  /**
   * PostgreSQL picks width_bucket(numeric, …) when a bound or the operand is numeric and none
   * is floating-point; integers alone resolve to the float8 version.
   */
  private static boolean isNumericBucket(List<RexNode> args) {
    boolean numeric = false;
    for (RexNode arg : args.subList(0, 3)) {
      SqlTypeName t = arg.getType().getSqlTypeName();
      if (t == SqlTypeName.DOUBLE || t == SqlTypeName.REAL || t == SqlTypeName.FLOAT) {
        return false;
      }
      numeric |= t == SqlTypeName.DECIMAL;
    }
    return numeric;
  }

  private static List<RexNode> castAll(RexBuilder rex, List<RexNode> args,
      List<RelDataType> types) {
    RelDataTypeFactory f = rex.getTypeFactory();
    List<RexNode> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      out.add(rex.makeCast(f.createTypeWithNullability(types.get(i),
          args.get(i).getType().isNullable()), args.get(i), true, false));
    }
    return out;
  }

  /** format's arguments go to the Java method as an array of their texts. */
  private static RexNode format(RexBuilder rex, List<RexNode> args, RelDataType resultType) {
    RelDataTypeFactory f = rex.getTypeFactory();
    RelDataType text = f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true);
    List<RexNode> texts = new ArrayList<>();
    for (RexNode arg : args.subList(1, args.size())) {
      // each value as its type's output function writes it: the cast to text (PgNumericRewrite
      // gives it PostgreSQL's form) but for a boolean, which the cast spells true/false
      texts.add(arg.getType().getSqlTypeName() == SqlTypeName.BOOLEAN
          ? rex.makeCall(text, BOOLEAN_TEXT, List.of(arg))
          : rex.makeCast(text, arg, true, false));
    }
    RexNode array = rex.makeCall(f.createArrayType(text, -1),
        SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR, texts);
    return rex.makeCall(resultType, FORMAT_TEXTS,
        List.of(rex.makeCast(text, args.get(0), true, false), array));
  }

  /** num_nulls and num_nonnulls: a sum of CASEs, so any argument types work. */
  private static RexNode countNulls(RexBuilder rex, List<RexNode> args, boolean nulls) {
    RexNode one = rex.makeExactLiteral(java.math.BigDecimal.ONE);
    RexNode zero = rex.makeExactLiteral(java.math.BigDecimal.ZERO);
    RexNode sum = null;
    for (RexNode arg : args) {
      RexNode test = rex.makeCall(nulls ? SqlStdOperatorTable.IS_NULL
          : SqlStdOperatorTable.IS_NOT_NULL, arg);
      RexNode term = rex.makeCall(SqlStdOperatorTable.CASE, test, one, zero);
      sum = sum == null ? term : rex.makeCall(SqlStdOperatorTable.PLUS, sum, term);
    }
    return sum;
  }

  private static SqlReturnTypeInference timestamp(SqlTypeName type) {
    return ReturnTypes.explicit(type, 6).andThen(SqlTypeTransforms.TO_NULLABLE);
  }

  private static SqlFunction counting(String name) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.INTEGER, null,
        OperandTypes.variadic(SqlOperandCountRanges.from(1)), SqlFunctionCategory.SYSTEM);
  }

  private static RelDataType anyArray(RelDataTypeFactory f) {
    return f.createArrayType(f.createSqlType(SqlTypeName.ANY), -1);
  }

  /** A call of a Java method that takes and returns timestamps as microseconds. */
  private static SqlUserDefinedFunction microsecondRuntime(String method,
      List<SqlTypeName> types) {
    return new MicrosecondFunction(new SqlIdentifier("pg_" + method, SqlParserPos.ZERO),
        NULLABLE_BIGINT, DECLARED, metadata(f -> types.stream().map(f::createSqlType).toList(),
            types.size()),
        ScalarFunctionImpl.create(method(MakeDateTime.class, method, types.size())));
  }

  private static RelDataType numberType(RelDataTypeFactory f, SqlTypeName type) {
    return type == SqlTypeName.DECIMAL ? f.createSqlType(type,
        org.yggdrasil.planner.schema.PgTypeSystem.UNCONSTRAINED_NUMERIC_PRECISION,
        org.yggdrasil.planner.schema.PgTypeSystem.UNCONSTRAINED_NUMERIC_SCALE)
        : f.createSqlType(type);
  }

  private static SqlUserDefinedFunction toChar(SqlTypeName type) {
    return runtime("pg_to_char_" + type.getName().toLowerCase(java.util.Locale.ROOT),
        org.yggdrasil.planner.schema.functions.NumericToChar.class, "to_char",
        NULLABLE_VARCHAR,
        f -> List.of(numberType(f, type), f.createSqlType(SqlTypeName.VARCHAR)),
        type == SqlTypeName.DECIMAL ? java.math.BigDecimal.class : Double.class);
  }

  private static SqlUserDefinedFunction widthBucket(SqlTypeName bounds) {
    return runtime("pg_width_bucket_" + bounds.getName().toLowerCase(java.util.Locale.ROOT),
        WidthBucket.class, "width_bucket", NULLABLE_INTEGER, f -> {
          RelDataType b = numberType(f, bounds);
          return List.of(b, b, b, f.createSqlType(SqlTypeName.INTEGER));
        }, bounds == SqlTypeName.DECIMAL ? java.math.BigDecimal.class : Double.class);
  }

  private static SqlUserDefinedFunction text(String name, Class<?> owner, String method,
      int arity) {
    return runtime(name, owner, method, NULLABLE_VARCHAR,
        f -> Collections.nCopies(arity, f.createSqlType(SqlTypeName.VARCHAR)));
  }

  private static SqlUserDefinedFunction array(String name) {
    return runtime(name, ArrayFunctions.class, name, NULLABLE_INTEGER,
        f -> List.of(anyArray(f), f.createSqlType(SqlTypeName.INTEGER)));
  }

  private static SqlUserDefinedFunction runtime(String name, Class<?> owner, String method,
      SqlReturnTypeInference returnType, Function<RelDataTypeFactory, List<RelDataType>> types,
      Class<?>... firstParameter) {
    int arity = types.apply(new org.apache.calcite.jdbc.JavaTypeFactoryImpl()).size();
    java.lang.reflect.Method m = firstParameter.length == 0 ? method(owner, method, arity)
        : method(owner, method, arity, firstParameter[0]);
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION, returnType, DECLARED, metadata(types, arity),
        ScalarFunctionImpl.create(m));
  }

  private static SqlOperandMetadata metadata(
      Function<RelDataTypeFactory, List<RelDataType>> types, int arity) {
    // families do not restrict here: the declared types do, through Calcite's implicit casts
    return OperandTypes.operandMetadata(Collections.nCopies(arity, SqlTypeFamily.ANY),
        types::apply, i -> "arg" + i, i -> false);
  }

  /** The overload of {@code name} with {@code arity} parameters (the first of that class). */
  private static java.lang.reflect.Method method(Class<?> owner, String name, int arity,
      Class<?>... firstParameter) {
    for (java.lang.reflect.Method m : owner.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == arity
          && (firstParameter.length == 0 || m.getParameterTypes()[0] == firstParameter[0])) {
        return m;
      }
    }
    throw new IllegalArgumentException(owner.getSimpleName() + "." + name + "/" + arity);
  }

  private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
