#include "RoutingText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace ordo::ui {

// The translation context of the texts below.
struct RoutingText {
    Q_DECLARE_TR_FUNCTIONS(ordo::ui::RoutingText)
};

QString criterionName(Criterion criterion) {
    switch (criterion) {
    case Criterion::TotalCost:
        return RoutingText::tr("Total cost");
    case Criterion::Distance:
        return RoutingText::tr("Distance");
    case Criterion::TransitDays:
        return RoutingText::tr("Transit days");
    case Criterion::FewestShipments:
        return RoutingText::tr("Fewest shipments");
    case Criterion::InventoryBalance:
        return RoutingText::tr("Inventory balance");
    case Criterion::LocationPriority:
        return RoutingText::tr("Location priority");
    }
    return {};
}

QString criterionUnit(Criterion criterion) {
    switch (criterion) {
    case Criterion::TotalCost:
        return RoutingText::tr("currency units per shipment");
    case Criterion::Distance:
        return RoutingText::tr("100 km");
    case Criterion::TransitDays:
        return RoutingText::tr("days in transit");
    case Criterion::FewestShipments:
        return RoutingText::tr("1 per shipment");
    case Criterion::InventoryBalance:
        return RoutingText::tr("days of cover left, negated");
    case Criterion::LocationPriority:
        return RoutingText::tr("rank, 0 best");
    }
    return {};
}

QString filterName(const QString& code) {
    if (code == "type"_L1)
        return RoutingText::tr("Type");
    if (code == "group"_L1)
        return RoutingText::tr("Group");
    if (code == "max_distance"_L1)
        return RoutingText::tr("Max distance");
    if (code == "capacity"_L1)
        return RoutingText::tr("Capacity");
    if (code == "ships"_L1)
        return RoutingText::tr("Ships");
    if (code == "pickup"_L1)
        return RoutingText::tr("Pickup");
    if (code == "excluded"_L1)
        return RoutingText::tr("Excluded");
    if (code == "min_atp"_L1)
        return RoutingText::tr("Min ATP");
    if (code == "stock"_L1)
        return RoutingText::tr("Stock");
    if (code == "rejected"_L1)
        return RoutingText::tr("Rejected");
    return code;
}

QString outcomeName(RoutingOutcome outcome) {
    switch (outcome) {
    case RoutingOutcome::Routed:
        return RoutingText::tr("Routed");
    case RoutingOutcome::Partial:
        return RoutingText::tr("Partly routed");
    case RoutingOutcome::Backordered:
        return RoutingText::tr("Backordered");
    case RoutingOutcome::Held:
        return RoutingText::tr("Held");
    case RoutingOutcome::Unfillable:
        return RoutingText::tr("Unfillable");
    case RoutingOutcome::Cancelled:
        return RoutingText::tr("Cancelled");
    }
    return {};
}

QString fallbackName(Fallback::Action action) {
    switch (action) {
    case Fallback::Action::NextStrategy:
        return RoutingText::tr("Try the next strategy");
    case Fallback::Action::Hold:
        return RoutingText::tr("Hold in the exceptions queue");
    case Fallback::Action::Backorder:
        return RoutingText::tr("Backorder");
    case Fallback::Action::Cancel:
        return RoutingText::tr("Cancel after a number of days");
    }
    return {};
}

QString splitModeName(SplitPolicy::Mode mode) {
    switch (mode) {
    case SplitPolicy::Mode::SingleLocation:
        return RoutingText::tr("One location only");
    case SplitPolicy::Mode::Split:
        return RoutingText::tr("Split into several shipments");
    }
    return {};
}

QString shortageName(SplitPolicy::Shortage shortage) {
    switch (shortage) {
    case SplitPolicy::Shortage::ShipComplete:
        return RoutingText::tr("Ship complete");
    case SplitPolicy::Shortage::ShipAvailable:
        return RoutingText::tr("Ship what is available, backorder the rest");
    }
    return {};
}

QString ruleSetStateName(RuleSetState state) {
    switch (state) {
    case RuleSetState::Draft:
        return RoutingText::tr("Draft");
    case RuleSetState::Active:
        return RoutingText::tr("Active");
    case RuleSetState::Archived:
        return RoutingText::tr("Archived");
    }
    return {};
}

QString formatKm(double km) {
    return RoutingText::tr("%1 km").arg(QLocale().toString(km, 'f', km < 10.0 ? 1 : 0));
}

QString formatScore(double value) {
    return QLocale().toString(value, 'f', 2);
}

QString formatShipmentLines(const QList<ShipmentLine>& lines) {
    QStringList parts;
    for (const ShipmentLine& line : lines)
        parts.append(u"#%1 %2 × %3"_s.arg(line.lineNo).arg(line.skuCode, QLocale().toString(line.quantity)));
    return parts.join(u", "_s);
}

} // namespace ordo::ui
