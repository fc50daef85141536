#include "OrderFormats.h"

#include "formats/AmazonOrderReader.h"
#include "formats/ShopifyOrderReader.h"
#include "formats/WooCommerceOrderReader.h"
#include "formats/X12PurchaseOrderReader.h"

using namespace Qt::StringLiterals;

namespace ordo {

const QList<OrderFormat>& OrderFormats::all() {
    // Adding a format is one line here.
    // X12 first: an interchange is never JSON, and its sniff (an ISA segment) is the cheapest and surest.
    using Whole = ParsedDocument (*)(const QByteArray&, const QString&);
    using Each = void (*)(const QByteArray&, const QString&, const DocumentSink&);
    static const QList<OrderFormat> formats = {
        {u"x12"_s, &X12PurchaseOrderReader::sniff, Whole(&X12PurchaseOrderReader::read),
         Each(&X12PurchaseOrderReader::read)},
        {u"amazon"_s, &AmazonOrderReader::sniff, Whole(&AmazonOrderReader::read),
         Each(&AmazonOrderReader::read)},
        {u"shopify"_s, &ShopifyOrderReader::sniff, Whole(&ShopifyOrderReader::read),
         Each(&ShopifyOrderReader::read)},
        {u"woocommerce"_s, &WooCommerceOrderReader::sniff, Whole(&WooCommerceOrderReader::read),
         Each(&WooCommerceOrderReader::read)},
    };
    return formats;
}

const OrderFormat* OrderFormats::byName(const QString& name) {
    for (const OrderFormat& f : all())
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return &f;
    return nullptr;
}

const OrderFormat* OrderFormats::detect(QByteArrayView content) {
    for (const OrderFormat& f : all())
        if (f.sniff(content))
            return &f;
    return nullptr;
}

QStringList OrderFormats::choices() {
    QStringList names{u"auto"_s, u"csv"_s};
    for (const OrderFormat& f : all())
        names << f.name;
    return names;
}

} // namespace ordo
