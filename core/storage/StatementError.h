#pragma once

#include <QString>

class QSqlQuery;

namespace ordo {

class Database;
class Error;

// The error of a statement the database refused, made here and nowhere else: "<engine> failed: <the
// database's message> [<the statement>]", or with `what` ("prepare", "execute", "run") "<engine> could not
// <what> a statement: <message> [<statement>]"; the statement on one line, at most 300 characters.
Error statementError(const QString& engine, const QString& message, const QString& sql,
                     const QString& what = {});
// The same for a QtSql query that failed on `db`: its engine and its last error.
Error statementError(Database& db, const QSqlQuery& query, const QString& sql, const QString& what = {});

} // namespace ordo
