#include "OrderSource.h"

#include "Error.h"
#include "formats/OrderFormats.h"
#include "formats/x12/X12PurchaseOrderMapper.h"
#include "storage/SkuCrossReference.h"
#include "storage/SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo {

OrderSource OrderSource::read(Database& db, qint64 orderId, const QString& orderNumber) {
    OrderSource source;
    SqlQuery q(db, u"SELECT format, file_name, content FROM source_documents WHERE order_id = :order "
                   "ORDER BY id"_s);
    q.bind(u":order"_s, orderId);
    q.exec();
    if (!q.next())
        return source;
    source.found = true;
    source.format = q.value(0).toString();
    source.partner = source.format;
    const QByteArray content = q.value(2).toString().toUtf8();
    const QString name = q.value(1).toString();
    try {
        // An X12 order keeps its envelope headers and its own ST..SE set; other formats keep their order.
        if (source.format == u"x12"_s) {
            const X12StoredPurchaseOrder po = readX12SourceDocument(content, name);
            source.partner = SkuCrossReference::partnerFor(po.order.imported.partner, source.format);
            source.partNumbers = po.order.imported.partNumbers;
        } else if (const OrderFormat* format = OrderFormats::byName(source.format)) {
            const ParsedDocument parsed = format->read(content, name);
            for (const ImportedOrder& imported : parsed.orders) {
                if (imported.order.orderNumber != orderNumber && parsed.orders.size() != 1)
                    continue;
                source.partner = SkuCrossReference::partnerFor(imported.partner, source.format);
                source.partNumbers = imported.partNumbers;
                break;
            }
        }
    } catch (const Error& e) {
        // The document was read once, at import; if it no longer reads, the lines simply show no part
        // numbers.
        if (e.kind() != Error::Kind::Input)
            throw;
    }
    return source;
}

QList<UnknownLine> unknownLines(Database& db, qint64 orderId, const OrderSource& source) {
    SqlQuery q(db, u"SELECT l.line_no, l.sku_code, l.title, l.quantity FROM order_lines l "
                   "LEFT JOIN skus s ON s.code = l.sku_code WHERE l.order_id = :order AND s.id IS NULL "
                   "AND l.status <> 'cancelled' ORDER BY l.line_no"_s);
    q.bind(u":order"_s, orderId);
    q.exec();
    QList<UnknownLine> lines;
    while (q.next()) {
        UnknownLine line;
        line.lineNo = q.value(0).toInt();
        line.rawCode = q.value(1).toString();
        line.title = q.value(2).toString();
        line.quantity = q.value(3).toInt();
        line.partNumbers = source.partNumbers.value(line.lineNo);
        lines << line;
    }
    return lines;
}

} // namespace ordo
