#include "SqliteStatement.h"

#include "Database.h"
#include "Error.h"
#include "SqlQuery.h"
#include "StatementCache.h"
#include "StatementError.h"

#include <QDateTime>
#include <QSqlDriver>
#include <QUuid>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// The value a QVariant holds, whose type was checked.
template <typename T> const T& as(const QVariant& value) {
    return *static_cast<const T*>(value.constData());
}

// What QtSql's drivers bind as NULL: a null variant, and the null or invalid value of the types that have
// one.
bool boundAsNull(const QVariant& value) {
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return as<QString>(value).isNull();
    case QMetaType::QByteArray:
        return as<QByteArray>(value).isNull();
    case QMetaType::QDateTime:
        return !as<QDateTime>(value).isValid();
    case QMetaType::QDate:
        return !as<QDate>(value).isValid();
    case QMetaType::QTime:
        return !as<QTime>(value).isValid();
    case QMetaType::QUuid:
        return as<QUuid>(value).isNull();
    default:
        return false;
    }
}

QString closedMessage(const QString& sql) {
    return u"the connection of a statement was closed: %1"_s.arg(sql.simplified().left(200));
}

} // namespace

sqlite3* sqliteHandle(Database& db) {
    if (db.engine() != Engine::Sqlite)
        return nullptr;
    // QtSql documents this: the driver's handle of a QSQLITE connection is a QVariant holding its sqlite3*.
    const QVariant handle = db.connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

bool SqliteStatement::usable(Database& db) {
    if (db.engine() != Engine::Sqlite)
        return false;
    StatementCache& cache = *db.statementCache();
    if (const std::optional<bool> known = cache.nativeUsable())
        return *known;
    bool same = false;
    if (sqliteHandle(db)) {
        SqlQuery q(db, u"SELECT sqlite_source_id()"_s);
        same = q.scalar().toString() == QString::fromUtf8(sqlite3_sourceid());
    }
    cache.setNativeUsable(same);
    return same;
}

SqliteStatement::SqliteStatement(Database& db, const QString& sql)
    : m_sql(sql)
    , m_handle(sqliteHandle(db))
    , m_cache(db.statementCache()) {
    if (!m_handle || !usable(db))
        throw Error::usage(
            u"native SQLite statements need a SQLite database opened through the SQLite library "
            "Ordo links: %1"_s.arg(sql.left(200)));
    m_statement = db.statementCache()->takeNative(sql);
    if (!m_statement) {
        const QByteArray text = sql.toUtf8();
        const int code = sqlite3_prepare_v3(m_handle, text.constData(), int(text.size()),
                                            SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
        if (code != SQLITE_OK) {
            const QString message = QString::fromUtf8(sqlite3_errmsg(m_handle));
            sqlite3_finalize(m_statement);
            m_statement = nullptr;
            fail(code, message);
        }
    }
    db.statementCache()->lend(this);
    m_parameters = sqlite3_bind_parameter_count(m_statement);
    m_unbound = m_parameters;
    m_bound = std::make_unique<bool[]>(size_t(m_parameters) + 1);
}

SqliteStatement::~SqliteStatement() {
    if (!m_statement)
        return; // detached: the connection closed and finalised it
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    if (const std::shared_ptr<StatementCache> cache = m_cache.lock())
        cache->giveBackNative(m_sql, m_statement, this);
    else
        sqlite3_finalize(m_statement); // not reached: a cache detaches its users before it goes
}

void SqliteStatement::detach() {
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
}

void SqliteStatement::check(int code) const {
    if (code != SQLITE_OK)
        fail(code, QString::fromUtf8(sqlite3_errmsg(m_handle)));
}

void SqliteStatement::markBound(int index) {
    if (!m_statement)
        throw Error::storage(closedMessage(m_sql));
    if (index < 0 || index >= m_parameters)
        throw Error::usage(
            u"the statement has no parameter %1: %2"_s.arg(index + 1).arg(m_sql.simplified().left(200)));
    if (m_started) { // binding again after a run: start over
        sqlite3_reset(m_statement);
        m_started = false;
    }
    if (!m_bound[size_t(index)]) {
        m_bound[size_t(index)] = true;
        --m_unbound;
    }
}

void SqliteStatement::bind(int index, qint64 value) {
    markBound(index);
    check(sqlite3_bind_int64(m_statement, index + 1, value));
}

void SqliteStatement::bind(int index, const QString& value) {
    markBound(index);
    if (value.isNull()) // as QtSql binds it
        check(sqlite3_bind_null(m_statement, index + 1));
    else // as UTF-8, the database's encoding: Qt converts faster than SQLite's own UTF-16 translation
        bindUtf8(index, value.toUtf8());
}

void SqliteStatement::bindUtf8(int index, const QByteArray& utf8) {
    check(sqlite3_bind_text(m_statement, index + 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT));
}

void SqliteStatement::bind(int index, const QVariant& value) {
    if (boundAsNull(value)) {
        markBound(index);
        check(sqlite3_bind_null(m_statement, index + 1));
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Bool:
        bind(index, value.toLongLong());
        return;
    case QMetaType::Double:
    case QMetaType::Float:
        markBound(index);
        check(sqlite3_bind_double(m_statement, index + 1, value.toDouble()));
        return;
    case QMetaType::QByteArray: {
        markBound(index);
        const QByteArray bytes = value.toByteArray();
        check(sqlite3_bind_blob(m_statement, index + 1, bytes.constData(), int(bytes.size()),
                                SQLITE_TRANSIENT));
        return;
    }
    default:
        bind(index, value.toString());
        return;
    }
}

bool SqliteStatement::step() {
    if (!m_statement)
        throw Error::storage(closedMessage(m_sql));
    if (m_unbound > 0) {
        int missing = 0;
        while (missing < m_parameters && m_bound[size_t(missing)])
            ++missing;
        throw Error::usage(u"parameter %1 of a statement was not bound: %2"_s.arg(missing + 1)
                               .arg(m_sql.simplified().left(200)));
    }
    m_started = true;
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_handle));
    sqlite3_reset(m_statement); // leaves the statement ready; a failed write was rolled back to its start
    m_started = false;
    fail(code, message);
}

qint64 SqliteStatement::int64(int column) const {
    return sqlite3_column_int64(m_statement, column);
}

QString SqliteStatement::text(int column) const {
    // UTF-8 as stored: read without SQLite translating it, converted by Qt.
    const unsigned char* text = sqlite3_column_text(m_statement, column);
    const int bytes = sqlite3_column_bytes(m_statement, column);
    return text ? QString::fromUtf8(reinterpret_cast<const char*>(text), bytes) : QString();
}

QVariant SqliteStatement::value(int column) const {
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return int64(column);
    case SQLITE_FLOAT:
        return sqlite3_column_double(m_statement, column);
    case SQLITE_TEXT:
        return text(column);
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char*>(sqlite3_column_blob(m_statement, column)),
                          sqlite3_column_bytes(m_statement, column));
    default:
        return QVariant();
    }
}

void SqliteStatement::fail(int code, const QString& message) const {
    throw statementError(u"SQLite"_s, u"%1 (%2)"_s.arg(message, QString::fromUtf8(sqlite3_errstr(code))),
                         m_sql, u"run"_s, sqliteErrorCode(code));
}

} // namespace ordo
