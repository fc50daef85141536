#pragma once

#include "model/ImportedOrder.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace ordo {

// A channel document format that `ordo import` reads into ImportedOrders.
struct OrderFormat {
    QString name; // as given to --format and kept in source_documents.format
    bool (*sniff)(QByteArrayView content);
    ParsedDocument (*read)(const QByteArray& content, const QString& fileName);
    // The same, handing each order to the sink as it is read (a large document's orders one at a time).
    void (*readEach)(const QByteArray& content, const QString& fileName, const DocumentSink& sink);
};

namespace OrderFormats {

// Every channel format, in the order auto-detection tries them (the most specific first). The generic CSV is
// not in this table: a file no format recognises is read as CSV by CsvImporter.
const QList<OrderFormat>& all();
const OrderFormat* byName(const QString& name);
// The first format whose sniff() accepts the content, or null (CSV).
const OrderFormat* detect(QByteArrayView content);
// "auto", "csv" and every format's name, for --format.
QStringList choices();

} // namespace OrderFormats

} // namespace ordo
