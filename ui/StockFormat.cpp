#include "StockFormat.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace ordo::ui {

// The translation context of the texts below.
struct StockFormat {
    Q_DECLARE_TR_FUNCTIONS(ordo::ui::StockFormat)
};

QString locationTypeName(LocationType type) {
    switch (type) {
    case LocationType::Dc:
        return StockFormat::tr("Distribution centre");
    case LocationType::Store:
        return StockFormat::tr("Store");
    case LocationType::ThirdPartyLogistics:
        return StockFormat::tr("3PL warehouse");
    case LocationType::Dropship:
        return StockFormat::tr("Drop-ship vendor");
    }
    return {};
}

QString ledgerKindName(const QString& kind) {
    if (kind == u"delta")
        return StockFormat::tr("Change");
    if (kind == u"snapshot")
        return StockFormat::tr("Count");
    if (kind == u"adjust")
        return StockFormat::tr("Adjustment");
    if (kind == u"reserve")
        return StockFormat::tr("Reserved");
    if (kind == u"release")
        return StockFormat::tr("Released");
    if (kind == u"ship")
        return StockFormat::tr("Shipped");
    return kind;
}

namespace {

bool clipped(const AtpLocationFigure& f) {
    return f.onHand - f.reserved - f.safetyStock - f.buffer < 0;
}

} // namespace

QString atpComputation(const AtpLocationFigure& f) {
    const QString stock = StockFormat::tr("on hand %1 − reserved %2 − safety %3 − buffer %4")
                              .arg(formatCount(f.onHand), formatCount(f.reserved), formatCount(f.safetyStock),
                                   formatCount(f.buffer));
    return StockFormat::tr("%1 + future %2 = %3")
        .arg(clipped(f) ? u"max(0, %1)"_s.arg(stock) : stock, formatCount(f.future), formatCount(f.atp));
}

QString atpComputationShort(const AtpLocationFigure& f) {
    const QString stock = u"%1 − %2 − %3 − %4"_s.arg(formatCount(f.onHand), formatCount(f.reserved),
                                                     formatCount(f.safetyStock), formatCount(f.buffer));
    return u"%1 + %2 = %3"_s.arg(clipped(f) ? u"max(0, %1)"_s.arg(stock) : stock, formatCount(f.future),
                                 formatCount(f.atp));
}

StockLevel stockLevel(qint64 atp, qint64 safetyStock) {
    if (atp <= 0)
        return StockLevel::Out;
    return atp <= safetyStock ? StockLevel::Low : StockLevel::Normal;
}

QString stockLevelReason(StockLevel level, qint64 atp, qint64 safetyStock) {
    switch (level) {
    case StockLevel::Out:
        return StockFormat::tr("Out of stock: nothing is available to promise here.");
    case StockLevel::Low:
        return StockFormat::tr("Low stock: %1 available to promise, no more than the safety stock of %2.")
            .arg(formatCount(atp), formatCount(safetyStock));
    case StockLevel::Normal:
        break;
    }
    return {};
}

BadgeColors stockLevelColors(StockLevel level) {
    switch (level) {
    case StockLevel::Out:
        return {QColor(0xfb, 0xe4, 0xe4), QColor(0x7a, 0x14, 0x14)};
    case StockLevel::Low:
        return {QColor(0xfd, 0xef, 0xd4), QColor(0x7a, 0x4a, 0x00)};
    case StockLevel::Normal:
        break;
    }
    return {};
}

} // namespace ordo::ui
