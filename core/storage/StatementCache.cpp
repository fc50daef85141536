#include "StatementCache.h"

#include "SqliteStatement.h"

#include <sqlite3.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

bool isNameChar(QChar c) {
    return c.isLetterOrNumber() || c == u'_';
}

// Sets every placeholder of a reused statement to NULL and tells whether that left no value bound: a
// placeholder the parser missed would keep its old value, so such a statement is not reused.
bool resetBindings(QSqlQuery& query, const QStringList& placeholders) {
    if (placeholders.isEmpty()) { // positional ("?") placeholders, or none
        const qsizetype count = query.boundValues().size();
        for (qsizetype i = 0; i < count; ++i)
            query.bindValue(int(i), QVariant());
    }
    for (const QString& name : placeholders)
        query.bindValue(name, QVariant());
    const QVariantList values = query.boundValues();
    for (const QVariant& v : values)
        if (!v.isNull())
            return false;
    return true;
}

} // namespace

QStringList StatementCache::placeholdersOf(const QString& sql) {
    QStringList names;
    QChar quote;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'\'' || c == u'"') {
            quote = c;
            continue;
        }
        if (c != u':')
            continue;
        if (i + 1 < sql.size() && sql.at(i + 1) == u':') {
            ++i; // a PostgreSQL cast
            continue;
        }
        qsizetype end = i + 1;
        while (end < sql.size() && isNameChar(sql.at(end)))
            ++end;
        if (end > i + 1) {
            const QString name = sql.mid(i, end - i);
            if (!names.contains(name))
                names << name;
        }
        i = end - 1;
    }
    return names;
}

int StatementCache::positionalCountOf(const QString& sql) {
    int count = 0;
    QChar quote;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'?') {
            ++count;
        }
    }
    return count;
}

StatementCache::Entry StatementCache::take(const QString& sql) {
    const auto it = m_idle.find(sql);
    if (it == m_idle.end())
        return {};
    Entry entry = std::move(it->second);
    m_idle.erase(it);
    // Positional placeholders are checked by SqlQuery::exec() instead (see the header).
    if (entry.positional == 0 && !resetBindings(*entry.query, entry.placeholders))
        return {};
    ++m_reuses;
    return entry;
}

void StatementCache::giveBack(const QString& sql, Entry entry) {
    if (m_closed || !entry.query || sql.size() > longestKept || m_idle.count(sql) != 0)
        return; // a second statement for the same SQL: the first one kept is enough
    entry.query->finish();
    if (qsizetype(m_idle.size()) >= capacity)
        m_idle.clear();
    m_idle.emplace(sql, std::move(entry));
}

sqlite3_stmt* StatementCache::takeNative(const QString& sql) {
    const auto it = m_native.find(sql);
    if (it == m_native.end())
        return nullptr;
    sqlite3_stmt* statement = it->second;
    m_native.erase(it);
    ++m_reuses;
    return statement;
}

void StatementCache::giveBackNative(const QString& sql, sqlite3_stmt* statement, SqliteStatement* user) {
    m_lent.erase(user);
    if (m_closed || sql.size() > longestKept || m_native.count(sql) != 0) {
        sqlite3_finalize(statement);
        return;
    }
    if (qsizetype(m_native.size()) >= capacity) {
        for (auto& [text, idle] : m_native)
            sqlite3_finalize(idle);
        m_native.clear();
    }
    m_native.emplace(sql, statement);
}

void StatementCache::clear() {
    m_idle.clear();
    for (auto& [sql, statement] : m_native)
        sqlite3_finalize(statement);
    m_native.clear();
}

void StatementCache::close() {
    clear();
    for (SqliteStatement* user : std::exchange(m_lent, {}))
        user->detach();
    m_closed = true;
}

} // namespace ordo
