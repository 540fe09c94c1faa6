package org.yggdrasil.planner.exec;

import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * Looks up built-in functions ignoring case. Identifiers are case-sensitive after PostgreSQL's
 * folding (so {@code "Foo"} and {@code foo} are different tables), but Calcite registers its
 * functions in upper case, and {@code length(x)} folds to lower case.
 */
final class CaseInsensitiveOperators implements SqlOperatorTable {
  private static final SqlNameMatcher IGNORE_CASE = SqlNameMatchers.withCaseSensitive(false);
  private final SqlOperatorTable delegate;

  CaseInsensitiveOperators(SqlOperatorTable delegate) {
    this.delegate = delegate;
  }

  @Override
  public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category,
      SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
    // the built-in functions are pg_catalog's: pg_catalog.array_upper(…), as psql sends it
    SqlIdentifier name = opName.names.size() == 2
        && opName.names.get(0).equalsIgnoreCase("pg_catalog")
        ? new SqlIdentifier(opName.names.get(1), opName.getParserPosition()) : opName;
    delegate.lookupOperatorOverloads(name, category, syntax, operatorList, IGNORE_CASE);
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    return delegate.getOperatorList();
  }
}
