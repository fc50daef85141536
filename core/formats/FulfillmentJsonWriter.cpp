#include "FulfillmentJsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QString quoted(const QString& text) {
    // QJsonValue quotes and escapes a string exactly as JSON wants it.
    const QByteArray array = QJsonDocument(QJsonArray{QJsonValue(text)}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// Digits without a leading zero go out as a number token, verbatim; anything else as a string.
QString id(const QString& text) {
    bool digits = !text.isEmpty() && text.size() <= 19 && (text.size() == 1 || text.front() != u'0');
    for (QChar c : text)
        digits = digits && c >= u'0' && c <= u'9';
    return digits ? text : quoted(text);
}

} // namespace

QByteArray FulfillmentJsonWriter::write(const Order& order, const QString& trackingNumber,
                                        const QString& trackingCompany, const QList<int>& lineNos) {
    QStringList items;
    for (const OrderLine& line : order.lines) {
        if (line.status == OrderStatus::Cancelled || (!lineNos.isEmpty() && !lineNos.contains(line.lineNo)))
            continue;
        const QString key = line.externalLineId.isEmpty() ? u"\"sku\":"_s + quoted(line.skuCode)
                                                          : u"\"id\":"_s + id(line.externalLineId);
        items << u"{"_s + key + u",\"quantity\":"_s + QString::number(line.quantity) + u"}"_s;
    }
    const QString json = u"{\"fulfillment\":{\"order_id\":"_s + id(order.externalId) +
                         u",\"line_items\":["_s + items.join(u',') + u"],\"tracking_number\":"_s +
                         quoted(trackingNumber) + u",\"tracking_company\":"_s + quoted(trackingCompany) +
                         u"}}"_s;
    return json.toUtf8();
}

} // namespace ordo
