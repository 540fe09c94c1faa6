"""SQLAlchemy 1.4 (Debian's python3-sqlalchemy with psycopg2) against a Yggdrasil server.

Usage: python3 sqlalchemy_check.py PORT DATABASE. Prints one line per check, 'ok <name>', and
exits non-zero at the first failure (the message says what differed). Each expectation is what
SQLAlchemy returns against PostgreSQL 15 for the same models.
"""
import enum
import sys

from sqlalchemy import (CheckConstraint, Column, Enum, ForeignKey, Integer, MetaData, Numeric,
                        String, Table, UniqueConstraint, create_engine, inspect, select, text)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base, relationship

port, database = int(sys.argv[1]), sys.argv[2]
url = f"postgresql+psycopg2://ygg@127.0.0.1:{port}/{database}"
engine = create_engine(url, future=True)
Base = declarative_base()


class Customer(Base):
    __tablename__ = "customer"
    __table_args__ = {"comment": "people who buy"}
    id = Column(Integer, primary_key=True)
    name = Column(String(100), nullable=False, unique=True, comment="display name")
    orders = relationship("Order", back_populates="customer")


class Order(Base):
    __tablename__ = "purchase"
    __table_args__ = (CheckConstraint("amount >= 0", name="purchase_amount_check"),
                      UniqueConstraint("customer_id", "ref"))
    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customer.id", ondelete="CASCADE"), nullable=False,
                         index=True)
    ref = Column(String(20))
    amount = Column(Numeric(10, 2), nullable=False)
    customer = relationship("Customer", back_populates="orders")


def check(name, condition, detail=""):
    if not condition:
        print(f"FAILED {name}: {detail}")
        sys.exit(1)
    print(f"ok {name}")


Base.metadata.create_all(engine)
check("create_all", True)

insp = inspect(engine)
check("table names", set(insp.get_table_names()) >= {"customer", "purchase"},
      insp.get_table_names())
cols = {c["name"]: c for c in insp.get_columns("purchase")}
check("columns", list(cols) == ["id", "customer_id", "ref", "amount"], list(cols))
check("column types", str(cols["amount"]["type"]) == "NUMERIC(10, 2)", cols["amount"]["type"])
pk = insp.get_pk_constraint("purchase")
check("primary key", pk == {"constrained_columns": ["id"], "name": "purchase_pkey"}, pk)
fks = insp.get_foreign_keys("purchase")
check("foreign keys", fks == [{"name": "purchase_customer_id_fkey",
                               "constrained_columns": ["customer_id"], "referred_schema": None,
                               "referred_table": "customer", "referred_columns": ["id"],
                               "options": {"ondelete": "CASCADE"}}], fks)
indexes = {i["name"]: i for i in insp.get_indexes("purchase")}
check("indexes", "ix_purchase_customer_id" in indexes
      and indexes["ix_purchase_customer_id"]["column_names"] == ["customer_id"]
      and not indexes["ix_purchase_customer_id"]["unique"], indexes)
uniques = insp.get_unique_constraints("purchase")
check("unique constraints", [(u["name"], u["column_names"]) for u in uniques]
      == [("purchase_customer_id_ref_key", ["customer_id", "ref"])], uniques)
check("unique column", [u["column_names"] for u in insp.get_unique_constraints("customer")]
      == [["name"]], insp.get_unique_constraints("customer"))
checks = insp.get_check_constraints("purchase")
check("check constraints", len(checks) == 1 and checks[0]["name"] == "purchase_amount_check"
      and checks[0]["sqltext"].startswith("amount >= "), checks)
check("table comment", insp.get_table_comment("customer") == {"text": "people who buy"},
      insp.get_table_comment("customer"))
customer_cols = {c["name"]: c for c in insp.get_columns("customer")}
check("column comment", customer_cols["name"]["comment"] == "display name"
      and customer_cols["id"]["comment"] is None, customer_cols)

reflected = MetaData()
reflected.reflect(bind=engine)
purchase = reflected.tables["purchase"]
check("metadata reflect", [fk.target_fullname for fk in purchase.foreign_keys]
      == ["customer.id"] and purchase.comment is None
      and reflected.tables["customer"].comment == "people who buy", purchase.foreign_keys)

with Session(engine) as s:
    ada = Customer(name="ada")
    s.add(ada)
    s.add_all([Order(customer=ada, ref="a1", amount=10), Order(customer=ada, ref="a2",
                                                                amount="2.50")])
    s.commit()
    check("orm insert", ada.id is not None)
    total = s.execute(select(Order.amount).where(Order.customer_id == ada.id)).scalars().all()
    check("orm query", sorted(str(t) for t in total) == ["10.00", "2.50"], total)
    check("orm relationship", sorted(o.ref for o in ada.orders) == ["a1", "a2"], ada.orders)
    ada.name = "ada lovelace"
    s.commit()
    check("orm update", s.execute(select(Customer.name)).scalar_one() == "ada lovelace")

with Session(engine) as s:
    s.add(Customer(name="ghost"))
    s.flush()
    s.rollback()
    check("rollback", s.execute(select(Customer).where(Customer.name == "ghost")).first() is None)

with Session(engine) as s:
    s.add(Order(customer_id=999, ref="x", amount=1))
    try:
        s.commit()
        check("foreign key enforced", False, "an order of customer 999 was stored")
    except IntegrityError as e:
        check("foreign key enforced", e.orig.pgcode == "23503", e.orig.pgcode)

with engine.connect() as conn:
    conn.execute(text("SELECT ygg.create_branch('sa_branch', 'main')"))
    conn.commit()

# A branch chosen with SET ygg.branch right after BEGIN; the connection stays on it until set
# back. A pool of its own keeps this connection away from the main-branch sessions.
branch_engine = create_engine(url, future=True)
with Session(branch_engine) as s:
    s.execute(text("SET ygg.branch = 'sa_branch'"))
    s.add(Customer(name="only on the branch"))
    s.commit()
    on_branch = s.execute(select(Customer.name).order_by(Customer.name)).scalars().all()
    s.commit()
    s.execute(text("SET ygg.branch = 'main'"))
    back_on_main = s.execute(select(Customer.name).order_by(Customer.name)).scalars().all()
with Session(engine) as s:
    on_main = s.execute(select(Customer.name).order_by(Customer.name)).scalars().all()
check("branch after BEGIN", on_branch == ["ada lovelace", "only on the branch"]
      and on_main == ["ada lovelace"] and back_on_main == on_main,
      (on_branch, on_main, back_on_main))

# The catalog follows the branch: a table created there is reflected there only.
on_branch_engine = create_engine(url, future=True,
                                 connect_args={"options": "-c ygg.branch=sa_branch"})
Table("branch_only", MetaData(), Column("id", Integer, primary_key=True)).create(on_branch_engine)
check("reflection follows the branch",
      "branch_only" in inspect(on_branch_engine).get_table_names()
      and "branch_only" not in inspect(engine).get_table_names(),
      inspect(on_branch_engine).get_table_names())


# Native enum types: create_all makes them (CREATE TYPE), reflection finds their labels, values
# order by the type's sort order, and drop_all drops them again.
class Size(enum.Enum):
    small = 1
    medium = 2
    large = 3


EnumBase = declarative_base()


class Widget(EnumBase):
    __tablename__ = "widget"
    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    kind = Column(Enum("tiny", "huge", name="widget_kind"))
    size = Column(Enum(Size, name="widget_size"), nullable=False, default=Size.medium)


EnumBase.metadata.create_all(engine)
enums = inspect(engine).get_enums()
check("enum types", enums == [
    {"name": "widget_kind", "schema": "public", "visible": True, "labels": ["tiny", "huge"]},
    {"name": "widget_size", "schema": "public", "visible": True,
     "labels": ["small", "medium", "large"]}], enums)
widget_cols = {c["name"]: c for c in inspect(engine).get_columns("widget")}
check("enum column reflected", widget_cols["size"]["type"].enums == ["small", "medium", "large"]
      and widget_cols["size"]["type"].name == "widget_size", widget_cols["size"])
with Session(engine) as s:
    s.add_all([Widget(name="a", kind="huge", size=Size.large), Widget(name="b", kind="tiny"),
               Widget(name="c", size=Size.small)])
    s.commit()
    by_size = s.execute(select(Widget.name, Widget.size).order_by(Widget.size)).all()
    check("enum sort order", by_size == [("c", Size.small), ("b", Size.medium), ("a", Size.large)],
          by_size)
    bigger = s.execute(select(Widget.name).where(Widget.size > Size.small)
                       .order_by(Widget.name)).scalars().all()
    check("enum comparison", bigger == ["a", "b"], bigger)
EnumBase.metadata.drop_all(engine)
check("enum types dropped", inspect(engine).get_enums() == [], inspect(engine).get_enums())
