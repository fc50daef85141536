#pragma once

#include "model/Actor.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace ordo {

class Database;

// How a purchase order's lines that Ordo cannot fill (an item not in the catalogue) are answered in the X12
// 855: rejected (ACK IR), backordered (ACK IB), each with its reason, or the whole 855 waits until the
// order's exception is resolved (released: the lines are then known; cancelled: every line is rejected).
enum class UnfillableLines { Reject, Backorder, Wait };
QString unfillableLinesCode(UnfillableLines value); // "reject", "backorder", "wait"
std::optional<UnfillableLines> unfillableLinesFromCode(QStringView code);

struct TradingPartner {
    QString partner; // the partner's id (the X12 sender id), or "*" for every partner without its own row
    UnfillableLines unfillableLines = UnfillableLines::Reject;
    QDateTime updatedAt;
    QString updatedBy;
};

// The settings of trading partners (table trading_partners). A partner without a row takes the "*" row's
// settings, and without that the defaults (unfillable lines rejected).
class TradingPartners {
public:
    TradingPartners(Database& db, const Actor& actor);

    UnfillableLines unfillableLines(const QString& partner) const;
    QList<TradingPartner> all() const;
    // Sets a partner's answer to unfillable lines, in one unit of work with its audit event
    // (ManageMasterData; Error::denied otherwise, Error::input for an empty partner id).
    void setUnfillableLines(const QString& partner, UnfillableLines value);

private:
    Database& m_db;
    Actor m_actor;
};

} // namespace ordo
