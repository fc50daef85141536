#include "Transaction.h"

#include "Database.h"
#include "Error.h"
#include "SqlQuery.h"
#include "StatementError.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace ordo {

Transaction::Transaction(Database& db)
    : m_db(db) {
    if (m_db.transactionDepth() == 0) {
        SqlQuery::run(m_db, m_db.dialect().beginWrite());
        m_db.rollbackOnly() = false;
        m_outermost = true;
    }
    ++m_db.transactionDepth();
}

Transaction::~Transaction() {
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

void Transaction::commit() {
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
        // A serialisation failure may surface here: keep the database's code for TransactionRunner.
        const QString message = commitQuery.lastError().text().trimmed();
        const QString code = databaseErrorCode(m_db, commitQuery.lastError());
        QSqlQuery(m_db.connection()).exec(u"ROLLBACK"_s);
        throw Error::storage(u"the database refused to commit: %1"_s.arg(message), code);
    }
}

void Transaction::rollback() {
    if (m_done)
        throw Error::storage(u"a transaction was ended twice"_s);
    m_done = true;
    --m_db.transactionDepth();
    if (!m_outermost) {
        m_db.rollbackOnly() = true;
        return;
    }
    QSqlQuery(m_db.connection()).exec(u"ROLLBACK"_s);
}

QList<QVariantList> Transaction::commitWith(const QStringList& statements) {
    if (m_done)
        throw Error::storage(u"a transaction was committed twice"_s);
    if (!m_outermost || m_db.rollbackOnly())
        throw Error::storage(
            u"only a whole unit of work that has not failed may commit with its last statements"_s);
    if (statements.isEmpty())
        throw Error::usage(u"commitWith needs at least one statement"_s);
    const auto failed = [&](const QSqlQuery& query, const QString& statement) {
        return statementError(m_db, query, statement);
    };
    QList<QVariantList> rows;
    if (m_db.engine() != Engine::Postgres) {
        // SQLite runs one statement per call, on this connection alone: nothing to save a round trip from.
        for (const QString& statement : statements) {
            QSqlQuery query(m_db.connection());
            query.setForwardOnly(true);
            if (!query.exec(statement))
                throw failed(query, statement);
            rows = SqlQuery::remainingRows(query);
        }
        commit();
        return rows;
    }
    // One query string: the server runs its statements in order and stops at the first that fails, so the
    // COMMIT at its end runs only when every statement before it succeeded. Each statement's result is read
    // in turn.
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    const bool sent = query.exec(statements.join(u";\n"_s) + u";\nCOMMIT"_s);
    for (qsizetype i = 0; i < statements.size(); ++i) {
        if (i == 0 ? !sent : !query.nextResult())
            throw failed(query, statements.at(i)); // the destructor rolls back
        if (i == statements.size() - 1)
            rows = SqlQuery::remainingRows(query);
    }
    // The COMMIT's own result comes last; without it the unit of work may not have been saved. A further
    // result would mean a "statement" held several, so that the one read as the COMMIT's was not.
    const bool committed = query.nextResult() && query.lastError().type() == QSqlError::NoError;
    QString message = query.lastError().text().trimmed();
    const QString code = databaseErrorCode(m_db, query.lastError());
    if (committed && query.nextResult()) {
        query.finish();
        m_done = true;
        --m_db.transactionDepth();
        throw Error::usage(
            u"commitWith was given a statement that holds several; whether it committed is unknown"_s);
    }
    query.finish();
    m_done = true;
    --m_db.transactionDepth();
    if (!committed) {
        QSqlQuery(m_db.connection()).exec(u"ROLLBACK"_s);
        throw Error::storage(u"the database refused to commit: %1"_s.arg(message), code);
    }
    return rows;
}

} // namespace ordo
