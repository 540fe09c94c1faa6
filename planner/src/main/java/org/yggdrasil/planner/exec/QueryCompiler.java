package org.yggdrasil.planner.exec;

import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.tools.Programs;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.PgSyntaxRewrite;

/**
 * Turns one query's text into a {@link CompiledQuery} with Calcite: Babel parser in
 * PostgreSQL's lexical conventions, validation against a root schema, conversion to relational
 * algebra, cost-based optimisation into Enumerable operators, and code generation.
 * This is the expensive step (milliseconds); callers cache its result.
 */
public final class QueryCompiler {
  public static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
      .withParserFactory(SqlBabelParserImpl.FACTORY)
      .withConformance(SqlConformanceEnum.BABEL)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withIdentifierMaxLength(1024);

  private static final SqlOperatorTable OPERATORS = new CaseInsensitiveOperators(
      SqlOperatorTables.chain(DateArithmetic.OPERATORS, SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
          SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL), PgOperators.OPERATORS,
      PgFunctions.OPERATORS));

  private static final CalciteConnectionConfigImpl CONNECTION_CONFIG;

  static {
    Properties p = new Properties();
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    p.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), "BABEL");
    CONNECTION_CONFIG = new CalciteConnectionConfigImpl(p);
  }

  /** Unqualified names resolve in public, then pg_catalog (always searched, as in PostgreSQL). */
  private static final List<List<String>> SCHEMA_PATHS =
      List.of(List.of("public"), List.of("pg_catalog"), List.of());

  private QueryCompiler() {}

  /** Parses one statement with the Babel parser. */
  public static SqlNode parse(String sql) {
    String rewritten = PgSyntaxRewrite.apply(sql);
    try {
      return SqlParser.create(rewritten, PARSER_CONFIG).parseStmt();
    } catch (SqlParseException e) {
      SqlStateException error = CalciteErrors.parseError(e, rewritten);
      return PgSyntaxRewrite.throwAt(error, PgSyntaxRewrite.originalPosition(rewritten,
          error.position()));
    }
  }

  /**
   * Validates and compiles a parsed query.
   *
   * @param parsed the statement (already rewritten by {@link PgRewrites})
   * @param root the schema to validate against
   * @param sql the text, for error positions
   */
  public static CompiledQuery compile(SqlNode parsed, SchemaPlus root, String sql) {
    return compile(parsed, root, sql, true);
  }

  /**
   * As {@link #compile(SqlNode, SchemaPlus, String)}; {@code vectorized} moves the shapes the
   * accel operators support onto them (see {@link org.yggdrasil.planner.rules.AccelRewrite}).
   */
  public static CompiledQuery compile(SqlNode parsed, SchemaPlus root, String sql,
      boolean vectorized) {
    parsed = org.yggdrasil.planner.model.AnomalyRewrite.apply(parsed, root);
    parsed = EnumCasts.apply(parsed, root);
    JavaTypeFactory typeFactory = newTypeFactory();
    CalciteCatalogReader catalogReader = catalogReader(root, typeFactory);
    SqlValidator validator = validator(catalogReader, typeFactory);
    SqlNode validated;
    try {
      validated = validator.validate(parsed);
    } catch (RuntimeException e) {
      throw CalciteErrors.validationError(e, sql);
    }
    Map<Integer, Integer> markerOids = new java.util.HashMap<>();
    Map<Integer, RelDataType> markerTypes = markerTypes(validator, validated, markerOids);

    VolcanoPlanner planner = new VolcanoPlanner();
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    RelOptUtil.registerDefaultRules(planner, false, false);
    // `x IN (<empty subquery>) OR ...` lost rows to a semi-join rule; see the class.
    GroupedSemiJoinRules.install(planner);
    DistinctAggregateRules.install(planner);
    planner.setExecutor(new PgRexExecutor());
    RelOptCluster cluster = RelOptCluster.create(planner, new PgRexBuilder(typeFactory, sql));
    RelRoot relRoot;
    try {
      relRoot = converter(validator, catalogReader, cluster).convertQuery(validated, false, true);
    } catch (AssertionError e) {
      // Calcite's monotonicity check asserts on constant non-literal operands such as
      // `x * (-7 / NULL)` while building a projection: fail the statement, not the connection.
      throw CalciteErrors.runtimeError(e);
    }
    RelNode numeric = PgNumericRewrite.apply(relRoot.rel);
    RelNode enumOrdered = EnumOrderRewrite.apply(numeric, root);
    RelNode logical = org.yggdrasil.planner.stats.FloatVarianceRewrite.apply(enumOrdered);
    RelTraitSet desired = logical.getTraitSet()
        .replace(EnumerableConvention.INSTANCE)
        // An enum ORDER BY sorts on a hidden column now: the root keeps that order.
        .replace(enumOrdered != numeric ? org.apache.calcite.rel.RelCollations.EMPTY
            : relRoot.collation)
        .simplify();
    RelNode physical;
    try {
      org.apache.calcite.tools.Program program = program(!CorrelatedSeries.isUsedIn(parsed)
          && !OptionsToTable.isUsedIn(parsed));
      physical = program.run(planner, logical, desired, List.of(), List.of());
    } catch (RuntimeException | AssertionError e) {
      // Calcite reports its own inconsistencies as AssertionError: fail the statement (XX000),
      // not the connection.
      throw CalciteErrors.runtimeError(e);
    }
    if (vectorized) {
      physical = org.yggdrasil.planner.rules.AccelRewrite.apply(physical);
    }
    physical = projectFinalFields(relRoot.withRel(physical));
    String planText = RelOptUtil.toString(physical);
    RelNode executable = CheckedIntegers.apply(MicrosecondTimestamps.apply(physical));
    Map<String, Object> stash = new HashMap<>();
    Bindable<Object> bindable;
    try {
      bindable = EnumerableInterpretable.toBindable(
          stash, null, (EnumerableRel) executable, EnumerableRel.Prefer.ARRAY);
    } catch (RuntimeException | AssertionError e) {
      // code generation asserts on plans it cannot implement: fail the statement (XX000),
      // not the connection
      throw CalciteErrors.runtimeError(e);
    }
    return new CompiledQuery(bindable, markerTypes, physical.getRowType(),
        ResultColumns.describe(validator, validated, physical.getRowType(), root),
        planText, Map.copyOf(stash), Map.copyOf(markerOids),
        vectorized ? org.yggdrasil.planner.rules.ColumnReadMatcher.match(physical) : null);
  }

  private static JavaTypeFactory newTypeFactory() {
    return new JavaTypeFactoryImpl(org.yggdrasil.planner.schema.PgTypeSystem.INSTANCE);
  }

  private static CalciteCatalogReader catalogReader(SchemaPlus root, JavaTypeFactory typeFactory) {
    return new CalciteCatalogReader(CalciteSchema.from(root),
        SqlNameMatchers.withCaseSensitive(true), SCHEMA_PATHS, typeFactory, CONNECTION_CONFIG) {
        };
  }

  private static SqlValidator validator(CalciteCatalogReader catalogReader,
      JavaTypeFactory typeFactory) {
    return SqlValidatorUtil.newValidator(
        SqlOperatorTables.chain(OPERATORS, CorrelatedSeries.OPERATORS, OptionsToTable.OPERATORS,
            new CaseInsensitiveOperators(catalogReader)),
        catalogReader, typeFactory,
        SqlValidator.Config.DEFAULT
            .withConformance(PgConformance.INSTANCE)
            .withIdentifierExpansion(true)
            .withDefaultNullCollation(NullCollation.HIGH));
  }

  /** A converter whose view expander plans a view's stored query in the same cluster. */
  private static SqlToRelConverter converter(SqlValidator validator,
      CalciteCatalogReader catalogReader, RelOptCluster cluster) {
    return new SqlToRelConverter(
        (rowType, queryString, schemaPath, viewPath) -> {
          SqlValidator viewValidator = validator(catalogReader,
              (JavaTypeFactory) cluster.getTypeFactory());
          SqlNode view;
          try {
            view = viewValidator.validate(org.yggdrasil.planner.model.AnomalyRewrite.apply(
                PgRewrites.apply(parse(queryString)), catalogReader.getRootSchema().plus()));
          } catch (RuntimeException e) {
            throw CalciteErrors.validationError(e, queryString);
          }
          return converter(viewValidator, catalogReader, cluster).convertQuery(view, true, false);
        },
        validator, catalogReader, cluster, PgOperators.CONVERTLETS,
        SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
  }

  /**
   * The row type of a query (a view's definition) validated against {@code root}, without
   * planning it.
   */
  public static RelDataType validatedRowType(SchemaPlus root, String sql) {
    JavaTypeFactory typeFactory = newTypeFactory();
    SqlValidator validator = validator(catalogReader(root, typeFactory), typeFactory);
    try {
      SqlNode validated = validator.validate(
          org.yggdrasil.planner.model.AnomalyRewrite.apply(PgRewrites.apply(parse(sql)), root));
      return validator.getValidatedNodeType(validated);
    } catch (RuntimeException e) {
      throw CalciteErrors.validationError(e, sql);
    }
  }

  /**
   * Programs.standard() with a heuristic join order for many-table joins before the
   * cost-based phase ({@link HeuristicJoinOrder}). Field trimming is left out where it loses
   * the correlation of an UNNEST over an outer column in Calcite 1.42 (see
   * {@link CorrelatedSeries}); it runs after the join order because the projections it adds
   * between joins would keep them from being gathered into one MultiJoin.
   */
  private static org.apache.calcite.tools.Program program(boolean trimFields) {
    var metadata = org.apache.calcite.rel.metadata.DefaultRelMetadataProvider.INSTANCE;
    List<org.apache.calcite.tools.Program> steps = new java.util.ArrayList<>(List.of(
        Programs.subQuery(metadata), Programs.decorrelate(), Programs.measure(metadata),
        HeuristicJoinOrder.INSTANCE));
    if (trimFields) {
      steps.add(Programs.trim());
    }
    steps.add((planner, rel, traits, materializations, lattices) -> {
      planner.setRoot(rel);
      RelNode root = rel.getTraitSet().equals(traits) ? rel : planner.changeTraits(rel, traits);
      planner.setRoot(root);
      return planner.chooseDelegate().findBestExp();
    });
    steps.add(Programs.calc(metadata));
    return Programs.sequence(steps.toArray(org.apache.calcite.tools.Program[]::new));
  }

  /**
   * Narrows the optimised plan to the query's own output columns: ORDER BY may have needed
   * columns the select list does not return. A Calc on top keeps the sorted order.
   */
  private static RelNode projectFinalFields(RelRoot root) {
    if (root.isRefTrivial() && root.rel.getRowType().getFieldCount() == root.fields.size()) {
      return root.rel;
    }
    RexBuilder rexBuilder = root.rel.getCluster().getRexBuilder();
    List<RexNode> projects = new java.util.ArrayList<>();
    List<String> names = new java.util.ArrayList<>();
    for (var field : root.fields) {
      projects.add(rexBuilder.makeInputRef(root.rel, field.getKey()));
      names.add(field.getValue());
    }
    RexProgram program = RexProgram.create(root.rel.getRowType(), projects, null, names,
        rexBuilder);
    return EnumerableCalc.create(root.rel, program);
  }

  /** The type the validator inferred for each {@code ?} marker, by marker index. */
  private static Map<Integer, RelDataType> markerTypes(SqlValidator validator, SqlNode validated,
      Map<Integer, Integer> markerOids) {
    Map<Integer, RelDataType> types = new TreeMap<>();
    validated.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(org.apache.calcite.sql.SqlCall call) {
        // LIMIT and OFFSET parameters are bigint in PostgreSQL.
        SqlNode fetch = null;
        SqlNode offset = null;
        if (call instanceof org.apache.calcite.sql.SqlSelect s) {
          fetch = s.getFetch();
          offset = s.getOffset();
        } else if (call instanceof org.apache.calcite.sql.SqlOrderBy o) {
          fetch = o.fetch;
          offset = o.offset;
        }
        for (SqlNode n : new SqlNode[] {fetch, offset}) {
          if (n instanceof SqlDynamicParam p) {
            markerOids.put(p.getIndex(), org.yggdrasil.planner.session.PgOid.INT8);
          }
        }
        return super.visit(call);
      }

      @Override
      public Void visit(SqlDynamicParam param) {
        RelDataType t = validator.getValidatedNodeTypeIfKnown(param);
        if (t != null) {
          types.putIfAbsent(param.getIndex(), t);
        }
        return null;
      }
    });
    return types;
  }
}
