#include "DecisionRepository.h"

#include "Error.h"
#include "sourcing/DecisionJson.h"
#include "storage/Database.h"
#include "storage/KeyLookup.h"
#include "storage/RowWriter.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

Decision decisionFrom(qint64 orderId, const QString& body) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toUtf8(), &error);
    try {
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            throw Error::input(u"not a JSON object"_s);
        Decision d = DecisionJson::fromJson(doc.object());
        d.orderId = orderId;
        return d;
    } catch (const Error& e) {
        throw Error::storage(
            u"a routing decision of order %1 cannot be read: %2"_s.arg(orderId).arg(e.message()));
    }
}

} // namespace

qint64 DecisionRepository::store(const Decision& decision, const QString& actor) {
    if (decision.orderId == 0)
        throw Error::usage(u"a decision is stored with its order: the order id is missing"_s);
    const qint64 at = decision.decidedAtMs != 0 ? decision.decidedAtMs : nowStoredTime();
    SqlQuery insert(
        m_db, u"INSERT INTO routing_decisions (order_id, rule_version, outcome, total_cost_minor, "
              "decided_at, actor, body) VALUES (:o, :v, :outcome, :cost, :at, :actor, :body) RETURNING id"_s);
    insert.bind(u":o"_s, decision.orderId).bind(u":v"_s, decision.ruleVersion);
    insert.bind(u":outcome"_s, routingOutcomeCode(decision.outcome))
        .bind(u":cost"_s, decision.totalCostMinor);
    insert.bind(u":at"_s, at).bind(u":actor"_s, actor);
    insert.bind(
        u":body"_s,
        QString::fromUtf8(QJsonDocument(DecisionJson::toJson(decision)).toJson(QJsonDocument::Compact)));
    const qint64 id = insert.scalar().toLongLong();
    if (!decision.shipments.isEmpty()) {
        SqlQuery location(m_db, u"SELECT id FROM locations WHERE code = :code"_s);
        SqlQuery shipment(m_db, u"INSERT INTO routing_shipments (decision_id, location_id, decided_at) "
                                "VALUES (:d, :l, :at)"_s);
        for (const Shipment& s : decision.shipments) {
            location.bind(u":code"_s, s.locationCode);
            const auto locationId = location.optionalScalar();
            if (!locationId)
                throw Error::input(u"the decision for order %1 ships from %2, which is not a location"_s.arg(
                    decision.orderNumber, s.locationCode));
            shipment.bind(u":d"_s, id).bind(u":l"_s, locationId->toLongLong()).bind(u":at"_s, at).exec();
        }
    }
    return id;
}

QList<QByteArray> DecisionRepository::storeMany(const QList<Decision>& decisions, const QString& actor) {
    QList<QByteArray> bodies;
    if (decisions.isEmpty())
        return bodies;
    bodies.reserve(decisions.size());
    const qint64 now = nowStoredTime();
    const QVariant by(actor);
    RowWriter rows(m_db, u"routing_decisions"_s,
                   {u"order_id"_s, u"rule_version"_s, u"outcome"_s, u"total_cost_minor"_s, u"decided_at"_s,
                    u"actor"_s, u"body"_s},
                   50);
    QList<qint64> orderIds;
    orderIds.reserve(decisions.size());
    bool anyShipment = false;
    for (const Decision& d : decisions) {
        if (d.orderId == 0)
            throw Error::usage(u"a decision is stored with its order: the order id is missing"_s);
        bodies << QJsonDocument(DecisionJson::toJson(d)).toJson(QJsonDocument::Compact);
        rows.add({d.orderId, d.ruleVersion, routingOutcomeCode(d.outcome), d.totalCostMinor,
                  d.decidedAtMs != 0 ? d.decidedAtMs : now, by, QString::fromUtf8(bodies.last())});
        orderIds << d.orderId;
        anyShipment = anyShipment || !d.shipments.isEmpty();
    }
    rows.flush();
    if (!anyShipment)
        return bodies;
    // Each order's newest decision is the one just written (one per order, inside the caller's unit of work).
    QHash<qint64, qint64> decisionOf;
    lookUpKeys(m_db, u"SELECT order_id, MAX(id) FROM routing_decisions WHERE order_id"_s, orderIds,
               u" GROUP BY order_id"_s, QVariant(),
               [&](auto& q) { decisionOf.insert(q.value(0).toLongLong(), q.value(1).toLongLong()); });
    QHash<QString, qint64> locations;
    SqlQuery all(m_db, u"SELECT code, id FROM locations"_s);
    all.exec();
    while (all.next())
        locations.insert(all.value(0).toString(), all.value(1).toLongLong());
    RowWriter shipments(m_db, u"routing_shipments"_s, {u"decision_id"_s, u"location_id"_s, u"decided_at"_s},
                        100);
    for (const Decision& d : decisions)
        for (const Shipment& s : d.shipments) {
            const auto location = locations.constFind(s.locationCode);
            if (location == locations.cend())
                throw Error::input(u"the decision for order %1 ships from %2, which is not a location"_s.arg(
                    d.orderNumber, s.locationCode));
            shipments.add({decisionOf.value(d.orderId), *location, d.decidedAtMs != 0 ? d.decidedAtMs : now});
        }
    shipments.flush();
    return bodies;
}

std::optional<Decision> DecisionRepository::latest(qint64 orderId) const {
    SqlQuery q(m_db, u"SELECT body FROM routing_decisions WHERE order_id = :o ORDER BY id DESC LIMIT 1"_s);
    q.bind(u":o"_s, orderId).exec();
    if (!q.next())
        return std::nullopt;
    return decisionFrom(orderId, q.value(0).toString());
}

QList<Decision> DecisionRepository::forOrder(qint64 orderId) const {
    SqlQuery q(m_db, u"SELECT body FROM routing_decisions WHERE order_id = :o ORDER BY id"_s);
    q.bind(u":o"_s, orderId).exec();
    QStringList bodies;
    while (q.next())
        bodies << q.value(0).toString();
    QList<Decision> decisions;
    for (const QString& body : std::as_const(bodies))
        decisions << decisionFrom(orderId, body);
    return decisions;
}

QHash<QString, int> DecisionRepository::shipmentsSince(qint64 sinceMs) const {
    SqlQuery q(m_db,
               u"SELECT l.code, COUNT(*) FROM routing_shipments s JOIN locations l ON l.id = s.location_id "
               "WHERE s.decided_at >= :since GROUP BY l.code"_s);
    q.bind(u":since"_s, sinceMs).exec();
    QHash<QString, int> counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toInt());
    return counts;
}

} // namespace ordo
