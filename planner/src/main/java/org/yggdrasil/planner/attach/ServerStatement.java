package org.yggdrasil.planner.attach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Snapshotable;
import org.yggdrasil.catalog.protocol.VersionedSystem;
import org.yggdrasil.planner.parse.StringLiteral;
import org.yggdrasil.planner.parse.Token;
import org.yggdrasil.planner.parse.TokenCursor;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * {@code CREATE SERVER [IF NOT EXISTS] name [TYPE '…'] [VERSION '…'] FOREIGN DATA WRAPPER w
 * [OPTIONS (key 'value', …)]} and {@code DROP SERVER [IF EXISTS] name [, …] [CASCADE |
 * RESTRICT]}: attach and detach a system. Both are transactional catalog changes of the
 * database (the attachment and the member's head at attach time are catalog entries), so they
 * commit, roll back, branch and time-travel with it.
 */
public sealed interface ServerStatement {
  /** Schema names an attached system cannot take. */
  Set<String> RESERVED = Set.of("public", "pg_catalog", "information_schema", "ygg", "ygg_ref",
      "native");

  /** Runs the statement; returns its command tag. */
  String execute(Transaction tx, SessionSystems systems, String branch);

  record Create(String name, String wrapper, Map<String, String> options, boolean ifNotExists)
      implements ServerStatement {
    @Override
    public String execute(Transaction tx, SessionSystems systems, String branch) {
      var snapshot = tx.snapshot();
      if (MemberViews.servers(snapshot).containsKey(name)) {
        if (ifNotExists) {
          return "CREATE SERVER";
        }
        throw new SqlStateException(SqlState.DUPLICATE_OBJECT,
            "server \"" + name + "\" already exists", null,
            "DROP SERVER " + name + " first, or choose another name.", 0, null);
      }
      if (RESERVED.contains(name) || snapshot.catalog().schema(name) != null) {
        throw new SqlStateException(SqlState.DUPLICATE_SCHEMA,
            "schema \"" + name + "\" already exists", null,
            "An attached system's tables appear in a schema of its name; choose another name.",
            0, null);
      }
      ServerDef def = new ServerDef(name, wrapper, options);
      SystemRegistry.factory(wrapper);
      systems.registry().system(def); // opens it now: bad options fail the statement
      tx.putCatalogEntry(def.toEntry());
      var view = MemberViews.onBranch(systems.registry(), def, snapshot, branch);
      if (view instanceof Snapshotable s) {
        String head = s.snapshotId();
        tx.putCatalogEntry(new MemberHead(name, head,
            systems.registry().workspace().record(name, head)).toEntry());
      }
      return "CREATE SERVER";
    }
  }

  record Drop(List<String> names, boolean ifExists) implements ServerStatement {
    @Override
    public String execute(Transaction tx, SessionSystems systems, String branch) {
      var servers = MemberViews.servers(tx.snapshot());
      for (String name : names) {
        if (!servers.containsKey(name) && !ifExists) {
          throw new SqlStateException(SqlState.UNDEFINED_OBJECT,
              "server \"" + name + "\" does not exist", null,
              "SELECT name FROM ygg.systems lists the attached systems.", 0, null);
        }
      }
      for (String name : names) {
        if (servers.containsKey(name)) {
          tx.removeCatalogEntry(ServerDef.KIND, name);
          tx.removeCatalogEntry(MemberHead.KIND, name);
        }
      }
      return "DROP SERVER";
    }
  }

  /** True when {@code sql} is CREATE SERVER or DROP SERVER. */
  static boolean matches(String sql) {
    TokenCursor c = new TokenCursor(sql);
    return c.acceptAll("create", "server") || c.acceptAll("drop", "server");
  }

  static ServerStatement parse(String sql) {
    TokenCursor c = new TokenCursor(sql);
    if (c.acceptAll("drop", "server")) {
      boolean ifExists = c.acceptAll("if", "exists");
      List<String> names = new ArrayList<>();
      do {
        names.add(c.identifier());
      } while (c.accept(Token.Kind.COMMA));
      if (!c.accept("cascade")) {
        c.accept("restrict");
      }
      end(c);
      return new Drop(names, ifExists);
    }
    c.expect("create");
    c.expect("server");
    boolean ifNotExists = c.acceptAll("if", "not", "exists");
    String name = c.identifier();
    if (c.accept("type")) {
      string(c);
    }
    if (c.accept("version")) {
      string(c);
    }
    c.expect("foreign");
    c.expect("data");
    c.expect("wrapper");
    String wrapper = c.identifier();
    Map<String, String> options = new LinkedHashMap<>();
    if (c.accept("options")) {
      c.expect(Token.Kind.LEFT_PAREN);
      do {
        String key = c.identifier();
        String value = string(c);
        if (options.put(key, value) != null) {
          throw new SqlStateException(SqlState.SYNTAX_ERROR,
              "option \"" + key + "\" provided more than once");
        }
      } while (c.accept(Token.Kind.COMMA));
      c.expect(Token.Kind.RIGHT_PAREN);
    }
    end(c);
    return new Create(name, wrapper, options, ifNotExists);
  }

  private static String string(TokenCursor c) {
    Token t = c.peek();
    if (t == null || t.kind() != Token.Kind.STRING) {
      throw c.unexpected();
    }
    c.next();
    return StringLiteral.value(t.text());
  }

  private static void end(TokenCursor c) {
    c.accept(Token.Kind.SEMICOLON);
    if (!c.atEnd()) {
      throw c.unexpected();
    }
  }
}
