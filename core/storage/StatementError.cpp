#include "StatementError.h"

#include "Database.h"
#include "Error.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// SQLite's SUM() and integer arithmetic raise "integer overflow" rather than wrap; PostgreSQL says "bigint
// out of range". Either means a sum or product of amounts or quantities left 64 bits, which Ordo's ceilings
// on stored amounts (Money::maxMinor) make unlikely but not impossible over enough rows: it is said in words.
QString explained(const QString& message) {
    if (message.contains(u"integer overflow"_s, Qt::CaseInsensitive) ||
        message.contains(u"bigint out of range"_s, Qt::CaseInsensitive))
        return u"a sum or product of amounts or quantities is past what a 64-bit integer holds (%1)"_s.arg(
            message);
    return message;
}

} // namespace

Error statementError(const QString& engine, const QString& reason, const QString& sql, const QString& what,
                     const QString& code) {
    const QString statement = sql.simplified().left(300);
    const QString message = explained(reason);
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
