#include "TransactionRunner.h"

#include <QRandomGenerator>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

bool TransactionRunner::isTransient(const Error& e) {
    if (e.kind() != Error::Kind::Storage)
        return false;
    const QString& code = e.code();
    if (code == u"40P01"_s || code == u"40001"_s)
        return true;
    if (code.startsWith(u"sqlite:"_s)) {
        bool ok = false;
        const int primary = code.mid(7).toInt(&ok) & 0xff; // the extended code's low byte is the primary
        return ok && (primary == 5 /* SQLITE_BUSY */ || primary == 6 /* SQLITE_LOCKED */);
    }
    return false;
}

std::chrono::milliseconds TransactionRunner::backoff(int attempt, const RetryPolicy& policy) {
    const qint64 cap = std::max<qint64>(1, policy.maxDelay.count());
    qint64 delay = std::max<qint64>(1, policy.firstDelay.count());
    for (int i = 1; i < attempt && delay < cap; ++i)
        delay *= 2;
    delay = std::min(delay, cap);
    const qint64 half = delay / 2;
    return std::chrono::milliseconds(half +
                                     qint64(QRandomGenerator::global()->bounded(quint64(delay - half + 1))));
}

Error TransactionRunner::gaveUp(const Error& last, int attempts) const {
    const QString what = last.code().startsWith(u"sqlite:"_s)
                             ? u"the database stayed locked by another connection"_s
                             : u"the database kept failing it as a deadlock or a serialisation conflict"_s;
    return Error::storage(
        u"gave up after %1 attempts (%2, code %3): %4"_s.arg(attempts).arg(what, last.code(), last.message()),
        last.code());
}

void TransactionRunner::pause(int attempt) {
    m_attempts = attempt + 1;
    QThread::msleep(quint64(backoff(attempt, m_policy).count()));
}

} // namespace ordo
