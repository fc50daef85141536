#pragma once

#include "inventory/Segmentation.h"
#include "model/Actor.h"
#include "model/Order.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace ordo {

class AuditTrail;
class Database;

// A named set of locations, e.g. "NE-STORES".
struct LocationGroup {
    QString code;
    QString name;
    QStringList locationCodes; // sorted
};

// One row of a channel pool: the location serves the channel for the delivery method.
struct PoolEntry {
    Channel channel = Channel::Web;
    DeliveryMethod delivery = DeliveryMethod::Ship;
    QString locationCode;
};

// The stored segmentation: location groups, channel pools, channel policies (buffer, future supply),
// exclusions and inbound future supply. Reads are plain queries; every write runs in its own Transaction
// (joining the caller's when there is one), checks that the actor may manage master data and records an
// audit event (entity "segmentation", id 0, action such as "pool.add", detail naming what changed).
// Codes are validated: an unknown location, SKU or group is refused with Error::input naming it.
class SegmentationRepository {
public:
    SegmentationRepository(Database& db, Actor actor);
    ~SegmentationRepository();

    // Codes as written in files and on the command line; an unknown one is refused with Error::input.
    static Channel channel(const QString& code);
    static DeliveryMethod delivery(const QString& code);

    // Groups. saveGroup creates or renames the group and sets its members to exactly `locationCodes`.
    void saveGroup(const QString& code, const QString& name, const QStringList& locationCodes);
    void addGroupMembers(const QString& code, const QStringList& locationCodes);
    void removeGroup(const QString& code); // Error::notFound if there is none
    QList<LocationGroup> groups() const;
    QStringList groupMembers(const QString& code) const; // Error::input if the group does not exist

    // Pools. Adding a row that exists, or removing one that does not, changes nothing and is not audited.
    // Returns whether a row was written.
    bool addPoolLocation(Channel channel, DeliveryMethod delivery, const QString& locationCode);
    bool removePoolLocation(Channel channel, DeliveryMethod delivery, const QString& locationCode);
    // The group's current members are added (or removed) one by one; later changes of the group do not
    // change the pool. Returns the number of rows written.
    int addPoolGroup(Channel channel, DeliveryMethod delivery, const QString& groupCode);
    int removePoolGroup(Channel channel, DeliveryMethod delivery, const QString& groupCode);
    QList<PoolEntry> pools(std::optional<Channel> channel = std::nullopt) const;

    // Policies: setPolicy replaces the channel's policy; removePolicy restores the default (no buffer, no
    // future supply). Refused: negative units, a percent outside 0..100, units and percent together, a
    // negative horizon.
    void setPolicy(const ChannelPolicy& policy);
    bool removePolicy(Channel channel);
    QList<ChannelPolicy> policies() const;

    // Exclusions: a SKU, a location or a SKU at a location kept from a channel (at least one of the two).
    bool addExclusion(Channel channel, const QString& skuCode, const QString& locationCode);
    bool removeExclusion(Channel channel, const QString& skuCode, const QString& locationCode);
    QList<Segmentation::Exclusion> exclusions(std::optional<Channel> channel = std::nullopt) const;

    // Future supply, one line per (reference, location, SKU); adding an existing line replaces its quantity
    // and arrival. Refused: empty reference, quantity <= 0, no arrival time.
    void addFutureSupply(const FutureSupplyLine& line);
    bool removeFutureSupply(const QString& reference, const QString& locationCode, const QString& skuCode);
    QList<FutureSupplyLine> futureSupply(const QString& skuCode = {}) const;

    // Empties one part of the configuration (used by a config import that replaces it).
    enum class Part { Groups, Pools, Policies, Exclusions, FutureSupply };
    void clear(Part part);

    // The whole configuration in memory, for AtpService and InventoryIndex.
    Segmentation load() const;

private:
    void require() const;
    void audit(const QString& action, const QString& detail);
    qint64 locationId(const QString& code);
    qint64 skuId(const QString& code);

    Database& m_db;
    Actor m_actor;
    std::unique_ptr<AuditTrail> m_audit;
    QHash<QString, qint64> m_locationIds; // looked-up codes, valid for this instance's lifetime
    QHash<QString, qint64> m_skuIds;
};

} // namespace ordo
