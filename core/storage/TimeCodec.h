#pragma once

#include <QDateTime>
#include <QVariant>

namespace ordo {

// Times are stored as BIGINT milliseconds since the epoch, UTC.
inline qint64 toStoredTime(const QDateTime& t) {
    return t.toMSecsSinceEpoch();
}
inline QVariant toStoredTimeOrNull(const QDateTime& t) {
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qlonglong>());
}
inline QDateTime fromStoredTime(const QVariant& v) {
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}
inline qint64 nowStoredTime() {
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace ordo
