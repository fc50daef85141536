#include "Savepoint.h"

#include "Error.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace ordo {

Savepoint::Savepoint(Database& db, const QString& name)
    : m_db(db)
    , m_name(u'"' + name + u'"') // quoted, so that a name such as "left" is not read as a keyword
{
    static const QRegularExpression plain(u"^[a-z_][a-z0-9_]*$"_s);
    if (!plain.match(name).hasMatch())
        throw Error::usage(u"savepoint name '%1': use lower-case letters, digits and '_'"_s.arg(name));
    if (m_db.transactionDepth() == 0)
        throw Error::storage(u"savepoint %1 outside a transaction"_s.arg(name));
    SqlQuery::run(m_db, u"SAVEPOINT "_s + m_name);
}

Savepoint::~Savepoint() {
    if (m_done)
        return;
    // Destructors must not throw: if rolling back fails, the transaction around it fails too.
    QSqlQuery(m_db.connection()).exec(u"ROLLBACK TO SAVEPOINT "_s + m_name);
    QSqlQuery(m_db.connection()).exec(u"RELEASE SAVEPOINT "_s + m_name);
}

void Savepoint::release() {
    m_done = true;
    SqlQuery::run(m_db, u"RELEASE SAVEPOINT "_s + m_name);
}

void Savepoint::rollBack() {
    m_done = true;
    // ROLLBACK TO keeps the savepoint open on both engines; RELEASE then drops it.
    SqlQuery::run(m_db, u"ROLLBACK TO SAVEPOINT "_s + m_name);
    SqlQuery::run(m_db, u"RELEASE SAVEPOINT "_s + m_name);
}

} // namespace ordo
