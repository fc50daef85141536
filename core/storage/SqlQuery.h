#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

namespace ordo {

class Database;

// A prepared statement that throws ordo::Error (Storage) with the statement and the driver's message instead
// of returning false, so that a failed write can never be ignored and the enclosing Transaction rolls back.
class SqlQuery {
public:
    SqlQuery(Database& db, const QString& sql);

    SqlQuery& bind(const QString& placeholder, const QVariant& value);
    // Binds a prefix for Dialect::prefixMatch(column, placeholder).
    SqlQuery& bindPrefix(const QString& placeholder, const QString& prefix);
    void exec();
    bool next() { return m_query.next(); }
    QVariant value(int index) const { return m_query.value(index); }
    QVariant value(const QString& name) const { return m_query.value(name); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    QSqlQuery& raw() { return m_query; }

    // Runs a statement that returns one value (e.g. RETURNING id, SELECT count(*)); throws if none.
    QVariant scalar();
    // The same for a statement that may return no row.
    std::optional<QVariant> optionalScalar();

    // Executes a statement without parameters (DDL, BEGIN, ...).
    static void run(Database& db, const QString& sql);

private:
    [[noreturn]] void fail(const QString& what) const;

    Database& m_db;
    QString m_sql;
    QSqlQuery m_query;
};

// Typed NULLs: PostgreSQL wants to know what a NULL parameter is.
QVariant nullString();
QVariant nullInt64();
QVariant nullDouble();

} // namespace ordo
