#include "Transaction.h"

#include "Database.h"
#include "Error.h"
#include "SqlQuery.h"

#include <QSqlError>
#include <QSqlRecord>

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

QList<QVariantList> Transaction::commitWith(const QString& statement)
{
    if (m_done)
        throw Error::storage(u"a transaction was committed twice"_s);
    if (!m_outermost || m_db.rollbackOnly())
        throw Error::storage(u"only a whole unit of work that has not failed may commit with its last statement"_s);
    const bool oneTrip = m_db.engine() == Engine::Postgres;
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.exec(oneTrip ? statement + u";COMMIT"_s : statement))
        throw Error::storage(u"%1 failed: %2 [%3]"_s.arg(m_db.dialect().name(), query.lastError().text().trimmed(),
                                                           statement.simplified().left(300)));
    QList<QVariantList> rows;
    const int columns = query.record().count();
    while (query.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row << query.value(i);
        rows << row;
    }
    if (!oneTrip) {
        query.finish();
        commit();
        return rows;
    }
    // The COMMIT's own result follows the statement's; without it the unit of work may not have been saved.
    const bool committed = query.nextResult() && query.lastError().type() == QSqlError::NoError;
    const QString message = query.lastError().text().trimmed();
    query.finish();
    m_done = true;
    --m_db.transactionDepth();
    if (!committed) {
        QSqlQuery(m_db.connection()).exec(u"ROLLBACK"_s);
        throw Error::storage(u"the database refused to commit: %1"_s.arg(message));
    }
    return rows;
}

} // namespace ordo
