"""SQLAlchemy 1.4 (Debian's python3-sqlalchemy with psycopg2) against a Yggdrasil server.

Usage: python3 sqlalchemy_check.py PORT DATABASE. Prints one line per check, 'ok <name>', and
exits non-zero at the first failure (the assertion's message says what differed).
"""
import sys

from sqlalchemy import (Column, ForeignKey, Integer, Numeric, String, create_engine, inspect,
                        select, text)
from sqlalchemy.orm import Session, declarative_base, relationship

port, database = int(sys.argv[1]), sys.argv[2]
engine = create_engine(f"postgresql+psycopg2://ygg@127.0.0.1:{port}/{database}", future=True)
Base = declarative_base()


class Customer(Base):
    __tablename__ = "customer"
    id = Column(Integer, primary_key=True)
    name = Column(String(100), nullable=False, unique=True)
    orders = relationship("Order", back_populates="customer")


class Order(Base):
    __tablename__ = "purchase"
    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customer.id"), nullable=False, index=True)
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
check("columns", list(cols) == ["id", "customer_id", "amount"], list(cols))
check("column types", str(cols["amount"]["type"]) == "NUMERIC(10, 2)", cols["amount"]["type"])
check("primary key", insp.get_pk_constraint("purchase")["constrained_columns"] == ["id"],
      insp.get_pk_constraint("purchase"))
fks = insp.get_foreign_keys("purchase")
check("foreign keys", len(fks) == 1 and fks[0]["referred_table"] == "customer", fks)
check("indexes", any(i["column_names"] == ["customer_id"] for i in insp.get_indexes("purchase")),
      insp.get_indexes("purchase"))

with Session(engine) as s:
    ada = Customer(name="ada")
    s.add(ada)
    s.add_all([Order(customer=ada, amount=10), Order(customer=ada, amount="2.50")])
    s.commit()
    check("orm insert", ada.id is not None)
    total = s.execute(select(Order.amount).where(Order.customer_id == ada.id)).scalars().all()
    check("orm query", sorted(str(t) for t in total) == ["10.00", "2.50"], total)
    ada.name = "ada lovelace"
    s.commit()
    check("orm update", s.execute(select(Customer.name)).scalar_one() == "ada lovelace")

with Session(engine) as s:
    s.add(Customer(name="ghost"))
    s.flush()
    s.rollback()
    check("rollback", s.execute(select(Customer).where(Customer.name == "ghost")).first() is None)

with engine.connect() as conn:
    conn.execute(text("SELECT ygg.create_branch('sa_branch', 'main')"))
    conn.commit()
with Session(engine) as s:
    s.execute(text("SET LOCAL ygg.branch = 'sa_branch'"))
    s.add(Customer(name="only on the branch"))
    s.commit()
    on_branch = s.execute(select(Customer.name).order_by(Customer.name)).scalars().all()
with Session(engine) as s:
    on_main = s.execute(select(Customer.name).order_by(Customer.name)).scalars().all()
check("branch after BEGIN", "only on the branch" in on_branch and on_main == ["ada lovelace"],
      (on_branch, on_main))
