#pragma once

#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>

namespace ordo {

class Database;
class StatementCache;

// A prepared statement that throws ordo::Error (Storage) with the statement and the driver's message instead
// of returning false, so that a failed write can never be ignored and the enclosing Transaction rolls back.
// The statement comes from the connection's StatementCache when it was prepared before and goes back there
// when this object is destroyed, so constructing a SqlQuery for a hot statement costs no prepare. A reused
// statement starts with every placeholder NULL, like a fresh one: values bound by its previous user never
// leak into this one's exec().
class SqlQuery {
public:
    SqlQuery(Database& db, const QString& sql);
    ~SqlQuery();
    SqlQuery(const SqlQuery&) = delete;
    SqlQuery& operator=(const SqlQuery&) = delete;

    SqlQuery& bind(const QString& placeholder, const QVariant& value);
    // Binds the positional placeholder ("?") at `index`, from 0. A statement with positional placeholders
    // runs only once every one of them has been bound through this SqlQuery (see StatementCache).
    SqlQuery& bindAt(int index, const QVariant& value);
    // Binds a prefix for Dialect::prefixMatch(column, placeholder).
    SqlQuery& bindPrefix(const QString& placeholder, const QString& prefix);
    void exec();
    bool next() { return m_query->next(); }
    QVariant value(int index) const { return m_query->value(index); }
    QVariant value(const QString& name) const { return m_query->value(name); }
    int rowsAffected() const { return m_query->numRowsAffected(); }
    QSqlQuery& raw() { return *m_query; }

    // Runs a statement that returns one value (e.g. RETURNING id, SELECT count(*)); throws if none.
    QVariant scalar();
    // The same for a statement that may return no row.
    std::optional<QVariant> optionalScalar();

    // Executes a statement without parameters (DDL, BEGIN, ...).
    static void run(Database& db, const QString& sql);
    // Runs a statement with its values written in (no placeholders, never kept prepared) and returns its
    // rows. PostgreSQL plans it afresh on every call, on the tables' current sizes: for a hot statement over
    // tables that grow fast, where a plan kept since they were small (a sequential scan) would grow slower
    // with them.
    static QList<QVariantList> rows(Database& db, const QString& sql);
    // The rows of an executed query, from where it stands to its end, each as its columns' values. Throws
    // when the statement failed part way through its rows.
    static QList<QVariantList> remainingRows(QSqlQuery& query);

private:
    [[noreturn]] void fail(const QString& what) const;

    Database& m_db;
    QString m_sql;
    std::weak_ptr<StatementCache> m_cache; // expired once the Database is closed: the statement is dropped
    std::unique_ptr<QSqlQuery> m_query;
    QStringList m_placeholders;
    int m_positional = 0;
    QList<bool> m_boundAt; // per positional placeholder: bound by this SqlQuery
    int m_unbound = 0;     // how many of them are not
};

// Typed NULLs: PostgreSQL wants to know what a NULL parameter is.
QVariant nullString();
QVariant nullInt64();
QVariant nullDouble();

} // namespace ordo
