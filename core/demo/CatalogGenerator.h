#pragma once

#include <QList>
#include <QString>

namespace ordo {

class DemoRandom;

// One SKU of the demo catalogue: a variant (colour, size) of a product family.
struct DemoSku {
    QString code;     // e.g. "AP-00042-NVY-M"
    QString name;     // e.g. "Men's Merino Crew Tee, Navy, M"
    QString category; // "Apparel", "Footwear", "Home", ...
    int weightGrams = 0;
    qint64 priceMinor = 0; // USD cents
    int vendor = -1;       // drop-ship vendor 0 or 1 that supplies it, -1 for own stock
    bool bulky = false;    // too big for store shelves
    double popularity = 1.0;
};

// Builds a realistic catalogue of product families in sizes and colours, across apparel, footwear, home,
// kitchen, electronics, beauty, sports, toys and two drop-shipped lines (furniture; appliances and fitness).
class CatalogGenerator {
public:
    static QList<DemoSku> generate(DemoRandom& random, int count);

    // Pure helpers, exposed for tests.
    // A shelf price from a raw amount in cents: x.99 below $20, else x9.99 / x4.99 / x9.00 style endings.
    static qint64 shelfPrice(qint64 rawMinor);
    // "AP-00042-NVY-M": category code, family number, colour code and size, upper case, no spaces.
    static QString skuCode(const QString& categoryCode, int family, const QString& colourCode,
                           const QString& size);
};

} // namespace ordo
