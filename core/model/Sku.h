#pragma once

#include "Money.h"

#include <QString>

namespace ordo {

// A stock-keeping unit.
struct Sku {
    qint64 id = 0; // database id, 0 until stored
    QString code;
    QString name;
    int weightGrams = 0;
    Money unitPrice;
    QString gtin = {}; // the item's barcode as a 14-digit GTIN (model/Gtin), empty when it has none
};

} // namespace ordo
