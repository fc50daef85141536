#include "X12AcknowledgementWriter.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QStringList productIds(const X12PurchaseOrder& po, int lineNo) {
    QStringList out;
    for (const PartNumber& p : po.imported.partNumbers.value(lineNo))
        out << p.qualifier << p.number;
    return out;
}

} // namespace

X12OutEnvelope X12AcknowledgementWriter::replyEnvelope(const X12Interchange& purchaseOrder,
                                                       const QString& functionalId, qint64 controlNumber,
                                                       const QDateTime& at) {
    X12OutEnvelope env;
    env.senderQualifier = purchaseOrder.receiverQualifier;
    env.senderId = purchaseOrder.receiverId;
    env.receiverQualifier = purchaseOrder.senderQualifier;
    env.receiverId = purchaseOrder.senderId;
    if (!purchaseOrder.groups.isEmpty()) {
        env.groupSender = purchaseOrder.groups.first().receiverCode;
        env.groupReceiver = purchaseOrder.groups.first().senderCode;
    }
    env.functionalId = functionalId;
    env.controlNumber = controlNumber;
    env.at = at;
    env.test = purchaseOrder.usage == u"T"_s;
    return env;
}

X12OutSet X12AcknowledgementWriter::build(const X12PurchaseOrder& po, const QHash<int, X12LineAck>& lines,
                                          const QDateTime& at) {
    const Order& order = po.imported.order;
    X12OutSet set{u"855"_s, {}};
    bool allAccepted = true, allRejected = true;
    QList<X12OutSegment> detail;
    for (const OrderLine& line : order.lines) {
        X12LineAck ack = lines.value(line.lineNo);
        if (ack.accepted == 0 && ack.backordered == 0 && ack.rejected == 0)
            ack.accepted = line.quantity;
        const QString unit = po.unitsOfMeasure.value(line.lineNo, u"EA"_s);
        detail.append({u"PO1"_s, QStringList{line.externalLineId, QString::number(line.quantity), unit,
                                             line.unitPrice.toDecimalString(), QString()} +
                                     productIds(po, line.lineNo)});
        const QDate when = at.toUTC().date();
        auto ackSegment = [&](const QString& code, int quantity) {
            detail.append(
                {u"ACK"_s, {code, QString::number(quantity), unit, u"068"_s, when.toString(u"yyyyMMdd"_s)}});
        };
        if (ack.accepted > 0)
            ackSegment(u"IA"_s, ack.accepted);
        if (ack.backordered > 0)
            ackSegment(u"IB"_s, ack.backordered);
        if (ack.rejected > 0)
            ackSegment(u"IR"_s, ack.rejected);
        if ((ack.backordered > 0 || ack.rejected > 0) && !ack.reason.isEmpty())
            detail.append({u"MSG"_s, {ack.reason.simplified().left(264)}});
        allAccepted =
            allAccepted && ack.accepted == line.quantity && ack.backordered == 0 && ack.rejected == 0;
        allRejected = allRejected && ack.accepted == 0 && ack.backordered == 0;
    }
    const QString type = allAccepted ? u"AD"_s : allRejected ? u"RD"_s : u"AC"_s;
    set.segments.append({u"BAK"_s,
                         {u"00"_s, type, order.externalId, po.poDate, QString(), QString(), QString(),
                          QString(), X12Writer::date(at)}});
    set.segments.append(detail);
    set.segments.append({u"CTT"_s, {QString::number(order.lines.size())}});
    return set;
}

} // namespace ordo
