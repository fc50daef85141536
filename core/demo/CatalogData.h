#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ordo::catalog {

// Size runs and colour palettes a product type draws its variants from.
enum class Sizes { None, Apparel, Kids, Waist, Shoes, Bedding, Rug, Volume, Capacity, Length };
enum class Palette { Apparel, Neutral, Home, Tech, Scent, Outdoor, Toy, Wood };

struct ProductType {
    QString category;      // "Apparel"
    QString categoryCode;  // "AP"
    QString name;          // "Crew Tee"
    QStringList prefixes;  // one is put before the name, e.g. "Men's", "Women's"
    QStringList materials; // optional adjective, e.g. "Merino"
    Sizes sizes;
    Palette palette;
    int minPriceUsd;
    int maxPriceUsd;
    int minWeightGrams;
    int maxWeightGrams;
    int vendor; // -1 own stock, 0 or 1 drop-ship vendor
    bool bulky;
    double share; // relative share of the catalogue's families
};

struct Colour {
    QString name;
    QString code;
};

const QList<ProductType>& productTypes();
QStringList sizesOf(Sizes sizes);
const QList<Colour>& palette(Palette palette);

} // namespace ordo::catalog
