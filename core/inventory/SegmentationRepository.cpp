#include "SegmentationRepository.h"

#include "Error.h"
#include "storage/AuditTrail.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QString exclusionText(const QString& channel, const QString& sku, const QString& location) {
    if (sku.isEmpty())
        return u"%1: location %2"_s.arg(channel, location);
    if (location.isEmpty())
        return u"%1: SKU %2"_s.arg(channel, sku);
    return u"%1: SKU %2 at %3"_s.arg(channel, sku, location);
}

QString policyText(const ChannelPolicy& p) {
    QString text = channelCode(p.channel) + u": buffer "_s;
    text += p.bufferPercent > 0 ? u"%1%"_s.arg(p.bufferPercent) : u"%1 units"_s.arg(p.bufferUnits);
    text += p.allowFutureSupply ? u", future supply within %1 days"_s.arg(p.horizonDays)
                                : u", no future supply"_s;
    return text;
}

} // namespace

Channel SegmentationRepository::channel(const QString& code) {
    if (const auto c = channelFromCode(code))
        return *c;
    throw Error::input(
        u"unknown channel code \"%1\" (expected one of %2)"_s.arg(code, channelCodes().join(u", "_s)));
}

DeliveryMethod SegmentationRepository::delivery(const QString& code) {
    if (const auto d = deliveryMethodFromCode(code))
        return *d;
    throw Error::input(u"unknown delivery method \"%1\" (expected ship or pickup)"_s.arg(code));
}

SegmentationRepository::SegmentationRepository(Database& db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
    , m_audit(std::make_unique<AuditTrail>(db)) {}

SegmentationRepository::~SegmentationRepository() = default;

void SegmentationRepository::require() const {
    if (!m_actor.may(Permission::ManageMasterData))
        throw Error::denied(
            u"%1 (%2) may not change the inventory segmentation"_s.arg(m_actor.user, roleCode(m_actor.role)));
}

void SegmentationRepository::audit(const QString& action, const QString& detail) {
    AuditEvent e;
    e.actor = m_actor.user;
    e.entity = u"segmentation"_s;
    e.entityId = 0;
    e.action = action;
    e.detail = detail;
    m_audit->record(e);
}

qint64 SegmentationRepository::locationId(const QString& code) {
    if (const auto it = m_locationIds.constFind(code); it != m_locationIds.cend())
        return *it;
    if (code.isEmpty())
        throw Error::input(u"location code is empty"_s);
    SqlQuery q(m_db, u"SELECT id FROM locations WHERE code = :code"_s);
    q.bind(u":code"_s, code);
    const auto id = q.optionalScalar();
    if (!id)
        throw Error::input(u"unknown location code \"%1\""_s.arg(code));
    return m_locationIds.insert(code, id->toLongLong()).value();
}

qint64 SegmentationRepository::skuId(const QString& code) {
    if (const auto it = m_skuIds.constFind(code); it != m_skuIds.cend())
        return *it;
    if (code.isEmpty())
        throw Error::input(u"SKU code is empty"_s);
    SqlQuery q(m_db, u"SELECT id FROM skus WHERE code = :code"_s);
    q.bind(u":code"_s, code);
    const auto id = q.optionalScalar();
    if (!id)
        throw Error::input(u"unknown SKU code \"%1\""_s.arg(code));
    return m_skuIds.insert(code, id->toLongLong()).value();
}

// --- groups -----------------------------------------------------------------------------------------------

void SegmentationRepository::saveGroup(const QString& code, const QString& name,
                                       const QStringList& locationCodes) {
    require();
    if (code.trimmed().isEmpty())
        throw Error::input(u"group code is empty"_s);
    runUnitOfWork(m_db, [&](Transaction&) {
        QList<qint64> ids;
        for (const QString& location : locationCodes)
            ids << locationId(location);
        SqlQuery upsert(m_db, u"INSERT INTO location_groups (code, name) VALUES (:code, :name) "
                              "ON CONFLICT (code) DO UPDATE SET name = excluded.name"_s);
        upsert.bind(u":code"_s, code).bind(u":name"_s, name.isEmpty() ? code : name).exec();
        SqlQuery clear(m_db, u"DELETE FROM location_group_members WHERE group_code = :code"_s);
        clear.bind(u":code"_s, code).exec();
        SqlQuery add(m_db,
                     u"INSERT INTO location_group_members (group_code, location_id) VALUES (:code, :loc) "
                     "ON CONFLICT DO NOTHING"_s);
        for (qint64 id : std::as_const(ids))
            add.bind(u":code"_s, code).bind(u":loc"_s, id).exec();
        QStringList sorted = locationCodes;
        sorted.sort();
        sorted.removeDuplicates();
        audit(u"group.save"_s,
              u"group %1 (%2): %3"_s.arg(code, name.isEmpty() ? code : name, sorted.join(u", "_s)));
    });
}

void SegmentationRepository::addGroupMembers(const QString& code, const QStringList& locationCodes) {
    require();
    runUnitOfWork(m_db, [&](Transaction&) {
        const QStringList current = groupMembers(code);
        SqlQuery add(m_db,
                     u"INSERT INTO location_group_members (group_code, location_id) VALUES (:code, :loc) "
                     "ON CONFLICT DO NOTHING"_s);
        QStringList added;
        for (const QString& location : locationCodes) {
            add.bind(u":code"_s, code).bind(u":loc"_s, locationId(location)).exec();
            if (add.rowsAffected() > 0)
                added << location;
        }
        if (!added.isEmpty())
            audit(u"group.add"_s,
                  u"group %1: added %2 (had %3)"_s.arg(code, added.join(u", "_s), current.join(u", "_s)));
    });
}

void SegmentationRepository::removeGroup(const QString& code) {
    require();
    runUnitOfWork(m_db, [&](Transaction&) {
        SqlQuery members(m_db, u"DELETE FROM location_group_members WHERE group_code = :code"_s);
        members.bind(u":code"_s, code).exec();
        SqlQuery q(m_db, u"DELETE FROM location_groups WHERE code = :code"_s);
        q.bind(u":code"_s, code).exec();
        if (q.rowsAffected() == 0)
            throw Error::notFound(u"no location group \"%1\""_s.arg(code));
        audit(u"group.remove"_s, u"group %1"_s.arg(code));
    });
}

// --- pools ------------------------------------------------------------------------------------------------

bool SegmentationRepository::addPoolLocation(Channel channel, DeliveryMethod delivery,
                                             const QString& locationCode) {
    require();
    return runUnitOfWork(m_db, [&](Transaction&) {
        SqlQuery q(
            m_db,
            u"INSERT INTO channel_pools (channel, delivery, location_id) VALUES (:channel, :delivery, :loc) "
            "ON CONFLICT DO NOTHING"_s);
        q.bind(u":channel"_s, channelCode(channel))
            .bind(u":delivery"_s, deliveryMethodCode(delivery))
            .bind(u":loc"_s, locationId(locationCode))
            .exec();
        const bool written = q.rowsAffected() > 0;
        if (written)
            audit(u"pool.add"_s,
                  u"%1 %2: %3"_s.arg(channelCode(channel), deliveryMethodCode(delivery), locationCode));
        return written;
    });
}

bool SegmentationRepository::removePoolLocation(Channel channel, DeliveryMethod delivery,
                                                const QString& locationCode) {
    require();
    return runUnitOfWork(m_db, [&](Transaction&) {
        SqlQuery q(m_db, u"DELETE FROM channel_pools WHERE channel = :channel AND delivery = :delivery "
                         "AND location_id = :loc"_s);
        q.bind(u":channel"_s, channelCode(channel))
            .bind(u":delivery"_s, deliveryMethodCode(delivery))
            .bind(u":loc"_s, locationId(locationCode))
            .exec();
        const bool written = q.rowsAffected() > 0;
        if (written)
            audit(u"pool.remove"_s,
                  u"%1 %2: %3"_s.arg(channelCode(channel), deliveryMethodCode(delivery), locationCode));
        return written;
    });
}

int SegmentationRepository::addPoolGroup(Channel channel, DeliveryMethod delivery, const QString& groupCode) {
    return runUnitOfWork(m_db, [&](Transaction&) {
        int written = 0;
        for (const QString& location : groupMembers(groupCode))
            written += addPoolLocation(channel, delivery, location) ? 1 : 0;
        return written;
    });
}

int SegmentationRepository::removePoolGroup(Channel channel, DeliveryMethod delivery,
                                            const QString& groupCode) {
    return runUnitOfWork(m_db, [&](Transaction&) {
        int written = 0;
        for (const QString& location : groupMembers(groupCode))
            written += removePoolLocation(channel, delivery, location) ? 1 : 0;
        return written;
    });
}

// --- policies ---------------------------------------------------------------------------------------------

void SegmentationRepository::setPolicy(const ChannelPolicy& policy) {
    require();
    if (policy.bufferUnits < 0)
        throw Error::input(u"buffer units must not be negative (got %1)"_s.arg(policy.bufferUnits));
    if (policy.bufferPercent < 0 || policy.bufferPercent > 100)
        throw Error::input(u"buffer percent must be between 0 and 100 (got %1)"_s.arg(policy.bufferPercent));
    if (policy.bufferUnits > 0 && policy.bufferPercent > 0)
        throw Error::input(u"give a buffer in units or in percent, not both"_s);
    if (policy.horizonDays < 0)
        throw Error::input(u"horizon days must not be negative (got %1)"_s.arg(policy.horizonDays));
    runUnitOfWork(m_db, [&](Transaction&) {
        SqlQuery q(m_db,
                   u"INSERT INTO channel_policies (channel, buffer_units, buffer_percent, allow_future, "
                   "horizon_days) VALUES (:channel, :units, :percent, :future, :horizon) "
                   "ON CONFLICT (channel) DO UPDATE SET buffer_units = excluded.buffer_units, "
                   "buffer_percent = excluded.buffer_percent, allow_future = excluded.allow_future, "
                   "horizon_days = excluded.horizon_days"_s);
        q.bind(u":channel"_s, channelCode(policy.channel))
            .bind(u":units"_s, policy.bufferUnits)
            .bind(u":percent"_s, policy.bufferPercent)
            .bind(u":future"_s, policy.allowFutureSupply ? 1 : 0)
            .bind(u":horizon"_s, policy.horizonDays)
            .exec();
        audit(u"policy.set"_s, policyText(policy));
    });
}

bool SegmentationRepository::removePolicy(Channel channel) {
    require();
    return runUnitOfWork(m_db, [&](Transaction&) {
        SqlQuery q(m_db, u"DELETE FROM channel_policies WHERE channel = :channel"_s);
        q.bind(u":channel"_s, channelCode(channel)).exec();
        const bool written = q.rowsAffected() > 0;
        if (written)
            audit(u"policy.remove"_s, channelCode(channel));
        return written;
    });
}

// --- exclusions -------------------------------------------------------------------------------------------

bool SegmentationRepository::addExclusion(Channel channel, const QString& skuCode,
                                          const QString& locationCode) {
    require();
    if (skuCode.isEmpty() && locationCode.isEmpty())
        throw Error::input(u"an exclusion names a SKU, a location or both"_s);
    return runUnitOfWork(m_db, [&](Transaction&) {
        const qint64 sku = skuCode.isEmpty() ? 0 : skuId(skuCode);
        const qint64 loc = locationCode.isEmpty() ? 0 : locationId(locationCode);
        SqlQuery exists(m_db, u"SELECT 1 FROM channel_exclusions WHERE channel = :channel "
                              "AND COALESCE(sku_id, 0) = :sku AND COALESCE(location_id, 0) = :loc"_s);
        exists.bind(u":channel"_s, channelCode(channel)).bind(u":sku"_s, sku).bind(u":loc"_s, loc);
        if (exists.optionalScalar())
            return false; // nothing written
        SqlQuery q(m_db, u"INSERT INTO channel_exclusions (channel, sku_id, location_id) "
                         "VALUES (:channel, :sku, :loc)"_s);
        q.bind(u":channel"_s, channelCode(channel))
            .bind(u":sku"_s, sku ? QVariant(sku) : nullInt64())
            .bind(u":loc"_s, loc ? QVariant(loc) : nullInt64())
            .exec();
        audit(u"exclusion.add"_s, exclusionText(channelCode(channel), skuCode, locationCode));
        return true;
    });
}

bool SegmentationRepository::removeExclusion(Channel channel, const QString& skuCode,
                                             const QString& locationCode) {
    require();
    if (skuCode.isEmpty() && locationCode.isEmpty())
        throw Error::input(u"an exclusion names a SKU, a location or both"_s);
    return runUnitOfWork(m_db, [&](Transaction&) {
        SqlQuery q(m_db, u"DELETE FROM channel_exclusions WHERE channel = :channel "
                         "AND COALESCE(sku_id, 0) = :sku AND COALESCE(location_id, 0) = :loc"_s);
        q.bind(u":channel"_s, channelCode(channel))
            .bind(u":sku"_s, skuCode.isEmpty() ? 0 : skuId(skuCode))
            .bind(u":loc"_s, locationCode.isEmpty() ? 0 : locationId(locationCode))
            .exec();
        const bool written = q.rowsAffected() > 0;
        if (written)
            audit(u"exclusion.remove"_s, exclusionText(channelCode(channel), skuCode, locationCode));
        return written;
    });
}

// --- future supply ----------------------------------------------------------------------------------------

void SegmentationRepository::addFutureSupply(const FutureSupplyLine& line) {
    require();
    if (line.reference.trimmed().isEmpty())
        throw Error::input(u"future supply reference is empty"_s);
    if (line.quantity <= 0)
        throw Error::input(u"future supply quantity must be greater than 0 (got %1)"_s.arg(line.quantity));
    if (!line.arrivesAt.isValid())
        throw Error::input(u"future supply needs an arrival time"_s);
    runUnitOfWork(m_db, [&](Transaction&) {
        SqlQuery q(m_db, u"INSERT INTO future_supply (reference, location_id, sku_id, quantity, arrives_at) "
                         "VALUES (:ref, :loc, :sku, :qty, :at) ON CONFLICT (reference, location_id, sku_id) "
                         "DO UPDATE SET quantity = excluded.quantity, arrives_at = excluded.arrives_at"_s);
        q.bind(u":ref"_s, line.reference)
            .bind(u":loc"_s, locationId(line.locationCode))
            .bind(u":sku"_s, skuId(line.skuCode))
            .bind(u":qty"_s, line.quantity)
            .bind(u":at"_s, toStoredTime(line.arrivesAt))
            .exec();
        audit(u"supply.add"_s,
              u"%1: %2 x %3 at %4 arriving %5"_s.arg(line.reference)
                  .arg(line.quantity)
                  .arg(line.skuCode, line.locationCode, line.arrivesAt.toUTC().toString(Qt::ISODate)));
    });
}

bool SegmentationRepository::removeFutureSupply(const QString& reference, const QString& locationCode,
                                                const QString& skuCode) {
    require();
    return runUnitOfWork(m_db, [&](Transaction&) {
        SqlQuery q(
            m_db,
            u"DELETE FROM future_supply WHERE reference = :ref AND location_id = :loc AND sku_id = :sku"_s);
        q.bind(u":ref"_s, reference)
            .bind(u":loc"_s, locationId(locationCode))
            .bind(u":sku"_s, skuId(skuCode))
            .exec();
        const bool written = q.rowsAffected() > 0;
        if (written)
            audit(u"supply.remove"_s, u"%1: %2 at %3"_s.arg(reference, skuCode, locationCode));
        return written;
    });
}

void SegmentationRepository::clear(Part part) {
    require();
    runUnitOfWork(m_db, [&](Transaction&) {
        QStringList statements;
        QString name;
        switch (part) {
        case Part::Groups:
            statements = {u"DELETE FROM location_group_members"_s, u"DELETE FROM location_groups"_s};
            name = u"groups"_s;
            break;
        case Part::Pools:
            statements = {u"DELETE FROM channel_pools"_s};
            name = u"pools"_s;
            break;
        case Part::Policies:
            statements = {u"DELETE FROM channel_policies"_s};
            name = u"policies"_s;
            break;
        case Part::Exclusions:
            statements = {u"DELETE FROM channel_exclusions"_s};
            name = u"exclusions"_s;
            break;
        case Part::FutureSupply:
            statements = {u"DELETE FROM future_supply"_s};
            name = u"future supply"_s;
            break;
        }
        for (const QString& sql : std::as_const(statements))
            SqlQuery::run(m_db, sql);
        audit(u"config.clear"_s, name);
    });
}

} // namespace ordo
