#pragma once

#include <QString>

class QVariant;

namespace ordo {

enum class Engine { Sqlite, Postgres };

// Everything in Ordo's SQL that differs between SQLite and PostgreSQL. The rest of the SQL is shared:
// both engines take standard types, INSERT ... ON CONFLICT and RETURNING.
class Dialect {
public:
    explicit Dialect(Engine engine)
        : m_engine(engine) {}

    Engine engine() const { return m_engine; }
    QString name() const; // "SQLite" | "PostgreSQL"

    // Column definition of a generated 64-bit primary key.
    QString identityPrimaryKey() const;
    // Statement that starts a write transaction. SQLite takes the write lock at once (BEGIN IMMEDIATE) so two
    // writers never deadlock upgrading a read lock; PostgreSQL uses row locks and a plain BEGIN.
    QString beginWrite() const;
    // A statement that serialises schema migrations of concurrent processes inside the current transaction,
    // or empty where the write transaction already excludes other writers.
    QString migrationLock() const;
    // A condition "column starts with the bound prefix", using an index on both engines. Bind it with
    // SqlQuery::bindPrefix(placeholder, prefix), which binds what each engine needs.
    QString prefixMatch(const QString& column, const QString& placeholder) const;
    QString prefixBinding(const QString& prefix) const;
    // Upper bound used with prefixMatch on SQLite (column < upper), bound as placeholder + "_upper".
    static QString prefixUpperBound(const QString& prefix);
    // Operator class for an index that serves prefixMatch ("text_pattern_ops" on PostgreSQL).
    QString prefixIndexOps() const;
    // Whether a table exists, as a query returning a row when it does; binds :name.
    QString tableExistsQuery() const;

    // The SQL literal for a value, the ONE quoting function for statements that carry their values in their
    // text (multi-row inserts, PostgreSQL's one-round-trip scripts): NULL, 42, -1.5, 'O''Brien'. Text is
    // quoted with '' for a quote; on PostgreSQL text holding a backslash is written E'...' with the backslash
    // doubled, so that it means itself whatever standard_conforming_strings says. Throws Error::Usage for a
    // NUL character (neither engine keeps one in TEXT), text that is not valid UTF-16 (a lone surrogate) and
    // values of other types.
    QString literal(const QVariant& value) const;

private:
    Engine m_engine;
};

} // namespace ordo
