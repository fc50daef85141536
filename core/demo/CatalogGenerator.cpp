#include "CatalogGenerator.h"

#include "CatalogData.h"
#include "DemoRandom.h"
#include "WeightedPicker.h"

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// Price and weight of a size relative to the family's base (a King sheet set costs more than a Twin).
double sizeFactor(catalog::Sizes sizes, qsizetype index) {
    using S = catalog::Sizes;
    switch (sizes) {
    case S::Bedding:
        return std::array{0.8, 0.9, 1.0, 1.15}.at(index);
    case S::Rug:
        return std::array{1.0, 1.8, 2.6}.at(index);
    case S::Volume:
        return std::array{0.7, 1.0, 1.6}.at(index);
    case S::Capacity:
        return std::array{0.8, 1.0, 1.4}.at(index);
    case S::Length:
        return std::array{0.9, 1.0, 1.25}.at(index);
    default:
        return 1.0;
    }
}

// Middle sizes sell best.
double sizePopularity(qsizetype index, qsizetype count) {
    const double mid = double(count - 1) / 2.0;
    return 1.0 / (1.0 + std::abs(double(index) - mid));
}

} // namespace

qint64 CatalogGenerator::shelfPrice(qint64 rawMinor) {
    const qint64 dollars = std::max<qint64>(0, rawMinor / 100);
    if (dollars < 20)
        return dollars * 100 + 99;
    if (dollars < 100)
        return ((dollars / 5) * 5 + 4) * 100 + 99;
    return ((dollars / 10) * 10 + 9) * 100;
}

QString CatalogGenerator::skuCode(const QString& categoryCode, int family, const QString& colourCode,
                                  const QString& size) {
    QString code = categoryCode + u'-' + QString::number(family).rightJustified(5, u'0') + u'-' + colourCode;
    if (!size.isEmpty())
        code += u'-' + QString(size).remove(u' ');
    return code.toUpper();
}

QList<DemoSku> CatalogGenerator::generate(DemoRandom& random, int count) {
    const QList<catalog::ProductType>& types = catalog::productTypes();
    QList<double> shares;
    for (const catalog::ProductType& t : types)
        shares << t.share;
    const WeightedPicker typePicker(shares);

    QList<DemoSku> skus;
    skus.reserve(count);
    int family = 0;
    while (skus.size() < count) {
        ++family;
        const catalog::ProductType& type = types.at(typePicker.pick(random));
        QString name = type.name;
        if (!type.materials.isEmpty() && random.chance(0.65))
            name = type.materials.at(random.between(0, type.materials.size() - 1)) + u' ' + name;
        if (!type.prefixes.isEmpty())
            name = type.prefixes.at(random.between(0, type.prefixes.size() - 1)) + u' ' + name;

        // A few colours of the palette, without repeats (partial Fisher-Yates).
        QList<catalog::Colour> colours = catalog::palette(type.palette);
        const qsizetype colourCount = random.between(1, std::min<qsizetype>(5, colours.size()));
        for (qsizetype i = 0; i < colourCount; ++i)
            colours.swapItemsAt(i, random.between(i, colours.size() - 1));
        colours.resize(colourCount);

        QStringList sizes = catalog::sizesOf(type.sizes);
        qsizetype first = 0, last = sizes.size() - 1;
        if (sizes.size() > 4) {
            first = random.chance(0.4) ? 1 : 0; // many styles skip the smallest and largest sizes
            last = random.chance(0.4) ? last - 1 : last;
        }
        const qint64 basePrice =
            random.between(qint64(type.minPriceUsd) * 100, qint64(type.maxPriceUsd) * 100);
        const double baseWeight = double(random.between(type.minWeightGrams, type.maxWeightGrams));
        const double familyPopularity = random.logUniform(0.02, 1.0);

        for (const catalog::Colour& colour : std::as_const(colours)) {
            const double colourPopularity = random.real(0.4, 1.0);
            for (qsizetype s = first; s <= last && skus.size() < count; ++s) {
                DemoSku sku;
                const QString& size = sizes.at(s);
                sku.code = skuCode(type.categoryCode, family, colour.code, size);
                sku.name = name + u", "_s + colour.name + (size.isEmpty() ? QString() : u", "_s + size);
                sku.category = type.category;
                sku.priceMinor = shelfPrice(qint64(double(basePrice) * sizeFactor(type.sizes, s)));
                sku.weightGrams = int(std::lround(baseWeight * sizeFactor(type.sizes, s)));
                sku.vendor = type.vendor;
                sku.bulky = type.bulky;
                sku.popularity =
                    familyPopularity * colourPopularity * sizePopularity(s - first, last - first + 1);
                skus.append(sku);
            }
            if (skus.size() >= count)
                break;
        }
    }
    return skus;
}

} // namespace ordo
