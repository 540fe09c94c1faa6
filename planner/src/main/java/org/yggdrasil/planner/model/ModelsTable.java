package org.yggdrasil.planner.model;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.planner.schema.SnapshotSchema;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * {@code ygg.models}: the models of the snapshot the statement reads (what SHOW MODELS lists),
 * as a table to query and join.
 */
public final class ModelsTable extends AbstractTable implements ScannableTable {
  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    RelDataType text = f.createSqlType(SqlTypeName.VARCHAR);
    return f.builder()
        .add("name", text).add("type", text).add("features", text).add("options", text)
        .add("training_rows", f.createSqlType(SqlTypeName.BIGINT))
        .add("threshold", f.createSqlType(SqlTypeName.DOUBLE))
        .add("trained_at_commit", text)
        .add("created", f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3))
        .build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    Snapshot snapshot = SnapshotSchema.live(root);
    List<Object[]> rows = new ArrayList<>();
    if (snapshot != null) {
      for (ModelDef m : ModelDef.all(snapshot.catalog())) {
        rows.add(new Object[] {m.name(), m.type(), String.join(", ", m.features()), m.options(),
            m.trainingRows(), m.threshold(), m.trainedAt().isEmpty() ? null : m.trainedAt(),
            java.time.Instant.parse(m.createdAt()).toEpochMilli()});
      }
    }
    return Linq4j.asEnumerable(rows);
  }
}
