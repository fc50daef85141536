#include "Transaction.h"

#include "Database.h"
#include "Error.h"
#include "SqlQuery.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace ordo {

Transaction::Transaction(Database& db)
    : m_db(db)
{
    if (m_db.transactionDepth() == 0) {
        SqlQuery::run(m_db, m_db.dialect().beginWrite());
        m_db.rollbackOnly() = false;
        m_outermost = true;
    }
    ++m_db.transactionDepth();
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    --m_db.transactionDepth();
    if (!m_outermost) {
        m_db.rollbackOnly() = true;
        return;
    }
    // Destructors must not throw: a failed rollback leaves nothing to undo anyway.
    QSqlQuery(m_db.connection()).exec(u"ROLLBACK"_s);
}

void Transaction::commit()
{
    if (m_done)
        throw Error::storage(u"a transaction was committed twice"_s);
    m_done = true;
    --m_db.transactionDepth();
    if (!m_outermost)
        return;
    if (m_db.rollbackOnly()) {
        QSqlQuery(m_db.connection()).exec(u"ROLLBACK"_s);
        throw Error::storage(u"a step inside this unit of work failed; nothing was saved"_s);
    }
    QSqlQuery commitQuery(m_db.connection());
    if (!commitQuery.exec(u"COMMIT"_s)) {
        const QString message = commitQuery.lastError().text().trimmed();
        QSqlQuery(m_db.connection()).exec(u"ROLLBACK"_s);
        throw Error::storage(u"the database refused to commit: %1"_s.arg(message));
    }
}

} // namespace ordo
