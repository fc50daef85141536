#include "StatementError.h"

#include "Database.h"
#include "Error.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace ordo {

Error statementError(const QString& engine, const QString& message, const QString& sql, const QString& what,
                     const QString& code) {
    const QString statement = sql.simplified().left(300);
    if (what.isEmpty())
        return Error::storage(u"%1 failed: %2 [%3]"_s.arg(engine, message, statement), code);
    return Error::storage(u"%1 could not %2 a statement: %3 [%4]"_s.arg(engine, what, message, statement),
                          code);
}

Error statementError(Database& db, const QSqlQuery& query, const QString& sql, const QString& what) {
    return statementError(db.dialect().name(), query.lastError().text().trimmed(), sql, what,
                          databaseErrorCode(db, query.lastError()));
}

QString sqliteErrorCode(int resultCode) {
    return u"sqlite:"_s + QString::number(resultCode);
}

QString databaseErrorCode(const Database& db, const QSqlError& error) {
    const QString code = error.nativeErrorCode().trimmed();
    if (code.isEmpty())
        return {};
    if (db.engine() == Engine::Sqlite) {
        bool ok = false;
        const int number = code.toInt(&ok);
        return ok ? sqliteErrorCode(number) : QString();
    }
    return code;
}

} // namespace ordo
