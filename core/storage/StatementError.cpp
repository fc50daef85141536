#include "StatementError.h"

#include "Database.h"
#include "Error.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace ordo {

Error statementError(const QString& engine, const QString& message, const QString& sql, const QString& what) {
    const QString statement = sql.simplified().left(300);
    if (what.isEmpty())
        return Error::storage(u"%1 failed: %2 [%3]"_s.arg(engine, message, statement));
    return Error::storage(u"%1 could not %2 a statement: %3 [%4]"_s.arg(engine, what, message, statement));
}

Error statementError(Database& db, const QSqlQuery& query, const QString& sql, const QString& what) {
    return statementError(db.dialect().name(), query.lastError().text().trimmed(), sql, what);
}

} // namespace ordo
