#pragma once

#include <QString>

class QSqlError;
class QSqlQuery;

namespace ordo {

class Database;
class Error;

// The error of a statement the database refused, made here and nowhere else: "<engine> failed: <the
// database's message> [<the statement>]", or with `what` ("prepare", "execute", "run") "<engine> could not
// <what> a statement: <message> [<statement>]"; the statement on one line, at most 300 characters.
// `code` is the database's own code of the failure (Error::code()).
Error statementError(const QString& engine, const QString& message, const QString& sql,
                     const QString& what = {}, const QString& code = {});
// The same for a QtSql query that failed on `db`: its engine and its last error.
Error statementError(Database& db, const QSqlQuery& query, const QString& sql, const QString& what = {});
// The code Error::code() carries for a QtSql error on `db`: QPSQL's native code is the SQLSTATE; QSQLITE's is
// the SQLite result code, given as "sqlite:<number>".
QString databaseErrorCode(const Database& db, const QSqlError& error);
QString sqliteErrorCode(int resultCode); // "sqlite:<number>"

} // namespace ordo
