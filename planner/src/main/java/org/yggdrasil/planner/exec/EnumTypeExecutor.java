package org.yggdrasil.planner.exec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.DdlStatement;
import org.yggdrasil.planner.session.Notices;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.EnumDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * CREATE TYPE … AS ENUM, ALTER TYPE … ADD VALUE / RENAME VALUE and DROP TYPE, as PostgreSQL 15
 * does them. Enum types are versioned catalog entries ({@link EnumDef}); columns of an enum type
 * store its labels as text ({@link EnumColumns}).
 */
final class EnumTypeExecutor {
  /** PostgreSQL's NAMEDATALEN - 1: the longest label, in bytes. */
  private static final int MAX_LABEL_BYTES = 63;

  private EnumTypeExecutor() {}

  static StatementResult create(DdlStatement.CreateEnum c, Snapshot snapshot, Transaction tx) {
    requireFreeTypeName(snapshot, c.name());
    long oid = tx.allocateOid();
    long arrayOid = tx.allocateOid();
    Set<String> seen = new HashSet<>();
    List<EnumDef.Label> labels = new ArrayList<>();
    for (String label : c.labels()) {
      checkLength(label);
      if (!seen.add(label)) {
        throw new SqlStateException(SqlState.UNIQUE_VIOLATION,
            "duplicate key value violates unique constraint \"pg_enum_typid_label_index\"",
            "Key (enumtypid, enumlabel)=(" + oid + ", " + label + ") already exists.", null, 0, null);
      }
    }
    for (int i = 0; i < c.labels().size(); i++) {
      labels.add(new EnumDef.Label(c.labels().get(i), tx.allocateOid(), i + 1));
    }
    tx.putCatalogEntry(new EnumDef(c.name(), oid, arrayOid, labels).toEntry());
    return StatementResult.of("CREATE TYPE");
  }

  static StatementResult addValue(DdlStatement.AddEnumValue a, Snapshot snapshot, Transaction tx) {
    EnumDef type = require(snapshot, a.type());
    checkLength(a.label());
    if (type.label(a.label()) != null) {
      if (a.ifNotExists()) {
        Notices.raise("enum label \"" + a.label() + "\" already exists, skipping", null);
        return StatementResult.of("ALTER TYPE");
      }
      throw new SqlStateException(SqlState.DUPLICATE_OBJECT,
          "enum label \"" + a.label() + "\" already exists");
    }
    List<EnumDef.Label> sorted = type.sorted();
    double order;
    if (a.neighbour() == null) {
      order = sorted.isEmpty() ? 1 : sorted.get(sorted.size() - 1).sortOrder() + 1;
    } else {
      EnumDef.Label n = type.label(a.neighbour());
      if (n == null) {
        throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
            "\"" + a.neighbour() + "\" is not an existing enum label");
      }
      int at = sorted.indexOf(n);
      // Between the neighbour and the label on the other side of it, as PostgreSQL does.
      if (a.before()) {
        order = at == 0 ? n.sortOrder() - 1 : (sorted.get(at - 1).sortOrder() + n.sortOrder()) / 2;
      } else {
        order = at == sorted.size() - 1 ? n.sortOrder() + 1
            : (n.sortOrder() + sorted.get(at + 1).sortOrder()) / 2;
      }
    }
    List<EnumDef.Label> labels = new ArrayList<>(type.labels());
    labels.add(new EnumDef.Label(a.label(), tx.allocateOid(), order));
    tx.putCatalogEntry(type.withLabels(labels).toEntry());
    return StatementResult.of("ALTER TYPE");
  }

  /** Renames the label, and the values stored under it in every column of the type. */
  static StatementResult renameValue(DdlStatement.RenameEnumValue r, StatementContext ctx) {
    Snapshot snapshot = ctx.readSnapshot();
    Transaction tx = ctx.writeTransaction();
    EnumDef type = require(snapshot, r.type());
    EnumDef.Label from = type.label(r.from());
    if (from == null) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "\"" + r.from() + "\" is not an existing enum label");
    }
    if (type.label(r.to()) != null) {
      throw new SqlStateException(SqlState.DUPLICATE_OBJECT,
          "enum label \"" + r.to() + "\" already exists");
    }
    checkLength(r.to());
    List<EnumDef.Label> labels = new ArrayList<>();
    for (EnumDef.Label l : type.labels()) {
      labels.add(l == from ? new EnumDef.Label(r.to(), l.oid(), l.sortOrder()) : l);
    }
    tx.putCatalogEntry(type.withLabels(labels).toEntry());
    // Values are stored as labels, so the rows holding the old one are rewritten.
    for (String[] column : EnumColumns.usages(snapshot, type.name())) {
      String sql = "UPDATE " + quote(column[0]) + " SET " + quote(column[1]) + " = "
          + literal(r.to()) + " WHERE " + quote(column[1]) + " = " + literal(r.from());
      DmlStatement.prepare(org.yggdrasil.planner.parse.StatementKind.UPDATE, sql, ctx)
          .execute(ctx, new Object[0]);
    }
    return StatementResult.of("ALTER TYPE");
  }

  /**
   * A text-to-enum or enum-to-text I/O cast: enum values are stored as their labels and convert
   * to and from text implicitly already (input still checked on write), so there is nothing to
   * record; the types must exist.
   */
  static StatementResult createCast(DdlStatement.CreateCast c, Snapshot snapshot) {
    boolean sourceEnum = c.source().userType() != null;
    boolean targetEnum = c.target().userType() != null;
    org.yggdrasil.planner.parse.TypeName text = sourceEnum ? c.target() : c.source();
    if (sourceEnum) {
      require(snapshot, c.source().userType());
    }
    if (targetEnum) {
      require(snapshot, c.target().userType());
    }
    if (sourceEnum == targetEnum || !text.type().isString() || text.userType() != null) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "only casts between a text type and an enum type can be created");
    }
    return StatementResult.of("CREATE CAST");
  }

  static StatementResult drop(DdlStatement.DropType d, Snapshot snapshot, Transaction tx) {
    List<EnumDef> dropping = new ArrayList<>();
    for (String name : d.names()) {
      EnumDef type = snapshot.catalog().enumType(name);
      if (type == null) {
        if (d.ifExists()) {
          Notices.raise("type \"" + name + "\" does not exist, skipping", null);
          continue;
        }
        throw undefined(name);
      }
      dropping.add(type);
    }
    for (EnumDef type : dropping) {
      List<String[]> usages = EnumColumns.usages(snapshot, type.name());
      if (!usages.isEmpty() && !d.cascade()) {
        List<String> lines = new ArrayList<>();
        for (String[] u : usages) {
          lines.add(dependent(u) + " depends on type " + type.name());
        }
        throw new SqlStateException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
            "cannot drop type " + type.name() + " because other objects depend on it",
            String.join("\n", lines), "Use DROP ... CASCADE to drop the dependent objects too.", 0,
            null);
      }
      if (usages.size() == 1) {
        Notices.raise("drop cascades to " + dependent(usages.get(0)), null);
      } else if (usages.size() > 1) {
        Notices.raise("drop cascades to " + usages.size() + " other objects", String.join("\n",
            usages.stream().map(u -> "drop cascades to " + dependent(u)).toList()));
      }
      for (String[] u : usages) {
        tx.dropColumn(u[0], u[1]);
        CommentSchemaExecutor.forget(snapshot, tx, u[0], u[1]);
      }
      tx.removeCatalogEntry(EnumDef.KIND, type.name());
    }
    return StatementResult.of("DROP TYPE");
  }

  /**
   * A table's columns with their enum types resolved (name checked, OID filled in): 42704 for a
   * type name that is neither built in nor an enum.
   */
  static TableSchema resolve(TableSchema schema, Snapshot snapshot) {
    List<ColumnDef> cols = new ArrayList<>();
    boolean changed = false;
    for (ColumnDef col : schema.columns()) {
      ColumnDef r = resolve(col, snapshot);
      changed |= r != col;
      cols.add(r);
    }
    return changed ? schema.withColumns(cols) : schema;
  }

  static ColumnDef resolve(ColumnDef col, Snapshot snapshot) {
    if (col.userType() == null) {
      return col;
    }
    EnumDef type = snapshot.catalog().enumType(col.userType().name());
    if (type == null) {
      throw new SqlStateException(SqlState.UNDEFINED_OBJECT,
          "type \"" + col.userType().name() + "\" does not exist", null,
          "Built-in types: boolean, smallint, integer, bigint, real, double precision, numeric,"
              + " text, varchar, char, bytea, date, timestamp, timestamptz, uuid; or create an enum"
              + " type first with CREATE TYPE name AS ENUM (…).", 0, null);
    }
    return new ColumnDef(col.name(), col.type(), col.length(), col.scale(), col.notNull(),
        defaultOf(col.defaultSql(), type),
        new org.yggdrasil.storage.nativestore.UserType(type.name(), type.oid()));
  }

  /**
   * A label DEFAULT as PostgreSQL keeps it, {@code 'ok'::mood} (22P02 if it is no label);
   * other expressions unchanged.
   */
  private static String defaultOf(String defaultSql, EnumDef type) {
    if (defaultSql == null) {
      return null;
    }
    List<org.yggdrasil.planner.parse.Token> tokens =
        org.yggdrasil.planner.parse.SqlLexer.tokenize(defaultSql);
    if (tokens.isEmpty() || tokens.get(0).kind() != org.yggdrasil.planner.parse.Token.Kind.STRING) {
      return defaultSql;
    }
    boolean bare = tokens.size() == 1;
    boolean cast = tokens.size() == 3 && tokens.get(1).text().equals("::")
        && tokens.get(2).identifier().equals(type.name());
    if (!bare && !cast) {
      return defaultSql;
    }
    String label = org.yggdrasil.planner.parse.StringLiteral.value(tokens.get(0).text());
    if (type.label(label) == null) {
      throw EnumColumns.invalidInput(type.name(), label);
    }
    return literal(label) + "::" + org.yggdrasil.planner.schema.pgcatalog.CatalogDescriber
        .quoteIdentifier(type.name());
  }

  /** 42710 if a type or relation (whose row type PostgreSQL names alike) has the name. */
  static void requireFreeTypeName(Snapshot snapshot, String name) {
    if (snapshot.catalog().enumType(name) != null || BuiltInTypeNames.contains(name)) {
      throw new SqlStateException(SqlState.DUPLICATE_OBJECT, "type \"" + name + "\" already exists");
    }
    if (Relations.kindOf(snapshot, name) != null) {
      throw new SqlStateException(SqlState.DUPLICATE_OBJECT, "type \"" + name + "\" already exists",
          null, "A relation has an associated type of the same name, so you must use a name that"
              + " doesn't conflict with any existing type.", 0, null);
    }
  }

  private static EnumDef require(Snapshot snapshot, String name) {
    EnumDef type = snapshot.catalog().enumType(name);
    if (type == null) {
      throw undefined(name);
    }
    return type;
  }

  private static SqlStateException undefined(String name) {
    return new SqlStateException(SqlState.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist");
  }

  private static void checkLength(String label) {
    if (label.getBytes(StandardCharsets.UTF_8).length > MAX_LABEL_BYTES) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid enum label \"" + label + "\"", "Labels must be " + MAX_LABEL_BYTES
              + " bytes or less.", null, 0, null);
    }
  }

  /** How PostgreSQL names a column that depends on a type. */
  private static String dependent(String[] usage) {
    return "column " + usage[1] + " of table " + usage[0];
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** Names of built-in types, which CREATE TYPE cannot take. */
  private static final class BuiltInTypeNames {
    private static final Set<String> NAMES = Set.of("bool", "boolean", "int2", "smallint", "int",
        "int4", "integer", "int8", "bigint", "real", "float4", "float8", "float", "numeric",
        "decimal", "text", "varchar", "char", "bpchar", "bytea", "date", "timestamp", "timestamptz",
        "uuid", "json", "jsonb", "interval", "time", "name", "oid");

    static boolean contains(String name) {
      return NAMES.contains(name);
    }
  }
}
