package org.yggdrasil.planner.schema.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code pg_get_keywords()}: PostgreSQL 15's SQL key words with their category, as clients
 * (Hibernate, pgjdbc's getSQLKeywords) ask for them to decide what to quote.
 */
public final class Keywords {
  /** C: unreserved, cannot be a function or type name. */
  private static final String COLUMN_NAME =
      "between bigint bit boolean char character coalesce dec decimal exists extract float "
      + "greatest grouping inout int integer interval least national nchar none normalize "
      + "nullif numeric out overlay position precision real row setof smallint substring time "
      + "timestamp treat trim values varchar xmlattributes xmlconcat xmlelement xmlexists "
      + "xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable";
  /** R: reserved. */
  private static final String RESERVED =
      "all analyse analyze and any array as asc asymmetric both case cast check collate column "
      + "constraint create current_catalog current_date current_role current_time "
      + "current_timestamp current_user default deferrable desc distinct do else end except "
      + "false fetch for foreign from grant group having in initially intersect into lateral "
      + "leading limit localtime localtimestamp not null offset on only or order placing "
      + "primary references returning select session_user some symmetric table then to trailing "
      + "true union unique user using variadic when where window with";
  /** T: reserved, can be a function or type name. */
  private static final String TYPE_FUNC_NAME =
      "authorization binary collation concurrently cross current_schema freeze full ilike inner "
      + "is isnull join left like natural notnull outer overlaps right similar tablesample "
      + "verbose";
  /** U: unreserved. */
  private static final String UNRESERVED =
      "abort absolute access action add admin after aggregate also alter always asensitive "
      + "assertion assignment at atomic attach attribute backward before begin breadth by cache "
      + "call called cascade cascaded catalog chain characteristics checkpoint class close "
      + "cluster columns comment comments commit committed compression configuration conflict "
      + "connection constraints content continue conversion copy cost csv cube current cursor "
      + "cycle data database day deallocate declare defaults deferred definer delete delimiter "
      + "delimiters depends depth detach dictionary disable discard document domain double drop "
      + "each enable encoding encrypted enum escape event exclude excluding exclusive execute "
      + "explain expression extension external family filter finalize first following force "
      + "forward function functions generated global granted groups handler header hold hour "
      + "identity if immediate immutable implicit import include including increment index "
      + "indexes inherit inherits inline input insensitive insert instead invoker isolation key "
      + "label language large last leakproof level listen load local location lock locked "
      + "logged mapping match matched materialized maxvalue merge method minute minvalue mode "
      + "month move name names new next nfc nfd nfkc nfkd no normalized nothing notify nowait "
      + "nulls object of off oids old operator option options ordinality others over overriding "
      + "owned owner parallel parameter parser partial partition passing password plans policy "
      + "preceding prepare prepared preserve prior privileges procedural procedure procedures "
      + "program publication quote range read reassign recheck recursive ref referencing "
      + "refresh reindex relative release rename repeatable replace replica reset restart "
      + "restrict return returns revoke role rollback rollup routine routines rows rule "
      + "savepoint schema schemas scroll search second security sequence sequences serializable "
      + "server session set sets share show simple skip snapshot sql stable standalone start "
      + "statement statistics stdin stdout storage stored strict strip subscription support "
      + "sysid system tables tablespace temp template temporary text ties transaction transform "
      + "trigger truncate trusted type types uescape unbounded uncommitted unencrypted unknown "
      + "unlisten unlogged until update vacuum valid validate validator value varying version "
      + "view views volatile whitespace within without work wrapper write xml year yes zone";
  /** Key words that need AS before them as a column label. */
  private static final Set<String> REQUIRES_AS = Set.of((
      "array as char character create day except fetch filter for from grant group having hour "
      + "intersect into isnull limit minute month notnull offset on order over overlaps "
      + "precision returning second to union varying where window with within without year").split(" "));

  /** Key words quote_ident quotes: every kind but the unreserved. */
  private static final Set<String> NEED_QUOTES = Set.of(
      (COLUMN_NAME + " " + RESERVED + " " + TYPE_FUNC_NAME).split(" "));

  private Keywords() {}

  /** Whether {@code word} must be quoted to be an identifier (not an unreserved key word). */
  public static boolean needsQuotes(String word) {
    return NEED_QUOTES.contains(word);
  }

  /** The table function {@code pg_get_keywords()}. */
  public static ScannableTable pg_get_keywords() {
    return new KeywordTable();
  }

  private static final class KeywordTable extends AbstractTable implements ScannableTable {
    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      RelDataType text = f.createSqlType(SqlTypeName.VARCHAR);
      return f.builder().add("word", text).add("catcode", f.createSqlType(SqlTypeName.CHAR, 1))
          .add("barelabel", f.createSqlType(SqlTypeName.BOOLEAN)).add("catdesc", text)
          .add("baredesc", text).build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      List<Object[]> rows = new ArrayList<>();
      add(rows, UNRESERVED, "U", "unreserved");
      add(rows, COLUMN_NAME, "C", "unreserved (cannot be function or type name)");
      add(rows, TYPE_FUNC_NAME, "T", "reserved (can be function or type name)");
      add(rows, RESERVED, "R", "reserved");
      rows.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
      return Linq4j.asEnumerable(rows);
    }

    private static void add(List<Object[]> rows, String words, String code, String description) {
      for (String w : words.split(" ")) {
        boolean bare = !REQUIRES_AS.contains(w);
        rows.add(new Object[] {w, code, bare, description,
            bare ? "can be bare label" : "requires AS"});
      }
    }
  }
}
