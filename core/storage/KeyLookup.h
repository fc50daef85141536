#pragma once

#include "storage/PositionalStatement.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <algorithm>

namespace ordo {

// Looks many keys up with few statements: `head` + " IN (?, ..., ?)" + `tail`, run over `keys` in chunks of
// up to keyLookupChunk parameters (the last chunk padded with its last key, which an IN list ignores), after
// binding `first` (if valid) to the first parameter; `row(q)` is called for each result row, `q` offering
// value(int) (and int64(int), text(int) where native). Statements come in sizes 1, 2, 4, ... keyLookupChunk,
// so that a few keys bind a handful of parameters, not hundreds, and at most a few texts are kept prepared
// per connection: each chunk costs binding and running, never parsing SQL (runPositional). The chunks run in
// the order of `keys`, so an ORDER BY in `tail` over sorted keys reads (and on PostgreSQL, with FOR UPDATE,
// locks) rows in one global order.
inline constexpr qsizetype keyLookupChunk = 512; // a power of two

inline QString positionalParameters(qsizetype count) {
    QString text;
    text.reserve(count * 2);
    for (qsizetype i = 0; i < count; ++i)
        text += i == 0 ? QStringLiteral("?") : QStringLiteral(",?");
    return text;
}

template <typename Key, typename Row>
void lookUpKeys(Database& db, const QString& head, const QList<Key>& keys, const QString& tail,
                const QVariant& first, Row row) {
    if (keys.isEmpty())
        return;
    qsizetype size = 1;
    while (size < keys.size() && size < keyLookupChunk)
        size *= 2;
    const QString sql = head + QStringLiteral(" IN (") + positionalParameters(size) + u')' + tail;
    const int offset = first.isValid() ? 1 : 0;
    QList<QVariant> values(offset + size);
    if (offset)
        values[0] = first;
    for (qsizetype from = 0; from < keys.size(); from += size) {
        const qsizetype to = std::min(keys.size(), from + size);
        for (qsizetype i = 0; i < size; ++i)
            values[offset + i] = QVariant::fromValue(keys.at(std::min(from + i, to - 1)));
        runPositional(db, sql, values.constData(), values.size(), row);
    }
}

} // namespace ordo
