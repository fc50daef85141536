#include "SqlQuery.h"

#include "Database.h"
#include "Error.h"
#include "StatementCache.h"
#include "StatementError.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace ordo {

SqlQuery::SqlQuery(Database& db, const QString& sql)
    : m_db(db)
    , m_sql(sql)
    , m_cache(db.statementCache()) {
    StatementCache::Entry reused = db.statementCache()->take(sql);
    if (reused.query) {
        m_query = std::move(reused.query); // every named placeholder reset to NULL by take()
        m_placeholders = std::move(reused.placeholders);
        m_positional = reused.positional;
    } else {
        m_query = std::make_unique<QSqlQuery>(db.connection());
        m_query->setForwardOnly(true);
        if (!m_query->prepare(sql))
            fail(u"prepare"_s);
        m_placeholders = StatementCache::placeholdersOf(sql);
        m_positional = m_placeholders.isEmpty() ? StatementCache::positionalCountOf(sql) : 0;
    }
    m_boundAt.fill(false, m_positional);
    m_unbound = m_positional;
}

SqlQuery& SqlQuery::bindAt(int index, const QVariant& value) {
    if (index < 0 || index >= m_positional)
        throw Error::usage(
            u"the statement has no parameter %1: %2"_s.arg(index + 1).arg(m_sql.simplified().left(200)));
    m_query->bindValue(index, value);
    if (!m_boundAt.at(index)) {
        m_boundAt[index] = true;
        --m_unbound;
    }
    return *this;
}

SqlQuery::~SqlQuery() {
    if (const std::shared_ptr<StatementCache> cache = m_cache.lock())
        cache->giveBack(m_sql, {std::move(m_query), std::move(m_placeholders), m_positional});
}

SqlQuery& SqlQuery::bind(const QString& placeholder, const QVariant& value) {
    m_query->bindValue(placeholder, value);
    return *this;
}

SqlQuery& SqlQuery::bindPrefix(const QString& placeholder, const QString& prefix) {
    m_query->bindValue(placeholder, m_db.dialect().prefixBinding(prefix));
    if (m_db.engine() == Engine::Sqlite)
        m_query->bindValue(placeholder + u"_upper"_s, Dialect::prefixUpperBound(prefix));
    return *this;
}

void SqlQuery::exec() {
    if (m_unbound > 0)
        throw Error::usage(
            u"parameter %1 of a statement was not bound: %2"_s.arg(m_boundAt.indexOf(false) + 1)
                .arg(m_sql.simplified().left(200)));
    if (!m_query->exec())
        fail(u"execute"_s);
}

QVariant SqlQuery::scalar() {
    exec();
    if (!m_query->next())
        throw Error::storage(u"the statement returned no row: %1"_s.arg(m_sql.simplified()));
    const QVariant value = m_query->value(0);
    // A statement kept prepared for reuse must not stay active: SQLite refuses to commit while one is.
    m_query->finish();
    return value;
}

std::optional<QVariant> SqlQuery::optionalScalar() {
    exec();
    if (!m_query->next()) {
        m_query->finish();
        return std::nullopt;
    }
    const QVariant value = m_query->value(0);
    m_query->finish();
    return value;
}

void SqlQuery::run(Database& db, const QString& sql) {
    // A schema change may leave kept statements describing tables that are no longer there (PostgreSQL
    // refuses a cached plan whose result type changed): prepare them again.
    static const QStringList ddl{u"CREATE"_s, u"ALTER"_s, u"DROP"_s};
    const QString head = sql.trimmed().left(6).toUpper();
    for (const QString& word : ddl)
        if (head.startsWith(word))
            db.statementCache()->clear();
    QSqlQuery query(db.connection());
    if (!query.exec(sql))
        throw statementError(db, query, sql);
    // A script of several statements: on PostgreSQL exec() reports the first one's result only. The server
    // stops at the first statement that fails, and its error is one of the later results: read them all, or
    // that failure passes unseen (and the transaction, aborted, commits nothing).
    if (db.engine() == Engine::Postgres) {
        while (query.nextResult()) {
        }
        if (query.lastError().isValid())
            throw statementError(db, query, sql);
    }
}

QList<QVariantList> SqlQuery::rows(Database& db, const QString& sql) {
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        throw statementError(db, query, sql);
    return remainingRows(query);
}

QList<QVariantList> SqlQuery::remainingRows(QSqlQuery& query) {
    QList<QVariantList> result;
    const int columns = query.record().count();
    while (query.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row << query.value(i);
        result << row;
    }
    // PostgreSQL streams rows: an error met after the first of them ends the rows as if they were all.
    if (query.lastError().isValid()) {
        QString code = query.lastError().nativeErrorCode();
        if (!code.isEmpty() && query.driver() && query.driver()->dbmsType() == QSqlDriver::SQLite)
            code = sqliteErrorCode(code.toInt());
        throw Error::storage(
            u"a statement failed while its rows were read: %1"_s.arg(query.lastError().text().trimmed()),
            code);
    }
    return result;
}

void SqlQuery::fail(const QString& what) const {
    throw statementError(m_db, *m_query, m_sql, what);
}

QVariant nullString() {
    return QVariant(QMetaType::fromType<QString>());
}

QVariant nullInt64() {
    return QVariant(QMetaType::fromType<qlonglong>());
}

QVariant nullDouble() {
    return QVariant(QMetaType::fromType<double>());
}

} // namespace ordo
