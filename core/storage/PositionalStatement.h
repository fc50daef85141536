#pragma once

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqliteStatement.h"

#include <QVariant>

namespace ordo {

// Runs `sql`, whose parameters are all positional ("?"), with `values` bound in order, and calls `row(q)` for
// each row it returns, `q` offering value(int). Native where SqliteStatement::usable() (SQLite's binding
// without QtSql's cost), through SqlQuery otherwise, so that callers write their statement once for both
// engines.
template <typename Row>
void runPositional(Database& db, const QString& sql, const QVariant* values, qsizetype count, Row row) {
    if (SqliteStatement::usable(db)) {
        SqliteStatement q(db, sql);
        for (qsizetype i = 0; i < count; ++i)
            q.bind(int(i), values[i]);
        while (q.step())
            row(q);
        return;
    }
    SqlQuery q(db, sql);
    for (qsizetype i = 0; i < count; ++i)
        q.bindAt(int(i), values[i]);
    q.exec();
    while (q.next())
        row(q);
}

// The same for a statement that returns no rows.
inline void runPositional(Database& db, const QString& sql, const QVariant* values, qsizetype count) {
    runPositional(db, sql, values, count, [](auto&) {});
}

} // namespace ordo
