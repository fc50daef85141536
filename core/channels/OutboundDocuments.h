#pragma once

#include "channels/TradingPartners.h"
#include "formats/X12AcknowledgementWriter.h"
#include "formats/X12ShipNoticeWriter.h"
#include "model/Actor.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace ordo {

class Database;

// A document Ordo sent (or will send) back to a channel, as stored in outbound_documents.
struct OutboundDocument {
    qint64 id = 0;
    qint64 orderId = 0;
    QString kind;          // "x12_855", "x12_856", "fulfillment_json"
    QString controlNumber; // ISA13 for X12, empty for JSON
    QString content;
    QDateTime createdAt;
};

// Builds and keeps the documents that answer a channel: the X12 855 acknowledgement of a captured 850, the
// X12 856 ship notice of a shipped B2B order, a Shopify-style fulfillment JSON for the other channels. X12
// documents are built from the stored order (line statuses, quantities) and its X12 source document
// (addresses, line ids, units, the buyer's product ids), and go back to the partner who sent the 850. Each
// call is one unit of work (it joins the caller's Transaction): the document, its control number and an audit
// event on the order.
class OutboundDocuments {
public:
    OutboundDocuments(Database& db, const Actor& actor);

    // The 855 for an order captured from an X12 850. Its lines are acknowledged as Ordo can fill them: a
    // cancelled line is rejected (IR); a line whose item is not in the catalogue is rejected (IR) or
    // backordered (IB) as its partner's setting says (TradingPartners), with the reason in an MSG; the others
    // are accepted (IA). `lines` overrides that per line number. Error::notFound without the order,
    // Error::state when it did not come from X12, or when it is held in exception and its partner's 855
    // waits for the exception to be resolved.
    OutboundDocument acknowledge(qint64 orderId, const QHash<int, X12LineAck>& lines = {});
    // What capture calls for an order it took from an 850: its 855, or nothing when the order is held and its
    // partner's 855 waits for the exception to be resolved (an audit event says so).
    std::optional<OutboundDocument> acknowledgeCaptured(qint64 orderId);
    // What the paths that settle an exception call once the order is released or cancelled (OrderLifecycle,
    // the corrections' callers): the 855 that waited for it, when the order came from X12, has no 855 yet
    // and is no longer held; nothing otherwise. A source document that can no longer be read goes to the
    // audit trail and does not undo the release.
    std::optional<OutboundDocument> acknowledgeWhenDue(qint64 orderId);
    // The 856 for an order captured from an X12 850 (Error::state otherwise), for a shipment that left: the
    // lines of shipment.lineNos, each of which must be shipped or delivered, or else every line that is.
    // Error::state when nothing has shipped (a held, validated or packed order) or a line asked for has not.
    OutboundDocument shipNotice(qint64 orderId, const ShipmentInfo& shipment);
    // The fulfillment JSON with tracking, for any order.
    OutboundDocument fulfillment(qint64 orderId, const ShipmentInfo& shipment);
    // What OrderLifecycle calls when an order (or some of its lines) moves to Shipped, inside its
    // transaction: the 856 for a B2B order that came from X12; nothing for the others. A source document that
    // can no longer be read does not stop the shipment: the problem goes to the audit trail.
    void orderShipped(qint64 orderId, const QList<int>& lineNos = {});

    QList<OutboundDocument> forOrder(qint64 orderId) const;
    std::optional<OutboundDocument> find(qint64 id) const;

private:
    QHash<int, X12LineAck> lineAcks(const Order& order, const X12PurchaseOrder& ordered,
                                    UnfillableLines unfillable) const;
    OutboundDocument store(qint64 orderId, const QString& kind, const QString& controlNumber,
                           const QString& content);

    Database& m_db;
    Actor m_actor;
};

} // namespace ordo
