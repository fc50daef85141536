#include "SegmentationConfigReader.h"

#include "Error.h"
#include "formats/SegmentationConfigFile.h"
#include "inventory/SegmentationRepository.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

#include <QFile>

#include <functional>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// Runs `body`, naming the source and the entry's path in an input error the repository throws (an unknown
// location, a negative buffer), so that it reads like the errors of the file itself.
void at(const QString& source, const QString& path, const std::function<void()>& body) {
    try {
        body();
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Input && e.kind() != Error::Kind::NotFound)
            throw;
        throw Error::input(u"%1: %2: %3"_s.arg(source, path, e.message()));
    }
}

FutureSupplyLine supplyLine(const SegmentationConfigFile::Supply& s) {
    FutureSupplyLine line;
    line.reference = s.reference;
    line.locationCode = s.location;
    line.skuCode = s.sku;
    line.quantity = s.quantity;
    line.arrivesAt = s.arrivesAt;
    return line;
}

} // namespace

SegmentationConfigReader::SegmentationConfigReader(Database& db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor)) {}

SegmentationConfigReader::Summary SegmentationConfigReader::importJsonFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::input(u"%1: cannot open: %2"_s.arg(path, file.errorString()));
    return importJson(file.readAll(), path);
}

SegmentationConfigReader::Summary SegmentationConfigReader::importJson(const QByteArray& json,
                                                                       const QString& sourceName) {
    const SegmentationConfigFile file = SegmentationConfigJson::read(json, sourceName);
    SegmentationRepository repo(m_db, m_actor);
    return runUnitOfWork(m_db, [&](Transaction&) {
        Summary summary; // counted afresh by every attempt

        // Groups first, so that pools may name groups of the same file.
        if (file.groups) {
            repo.clear(SegmentationRepository::Part::Groups);
            for (const SegmentationConfigFile::Group& g : *file.groups) {
                at(sourceName, g.path + u".locations"_s,
                   [&] { repo.saveGroup(g.code, g.name, g.locations); });
                ++summary.groups;
            }
        }
        if (file.pools) {
            repo.clear(SegmentationRepository::Part::Pools);
            for (const SegmentationConfigFile::Pool& p : *file.pools) {
                for (qsizetype j = 0; j < p.locations.size(); ++j)
                    at(sourceName, u"%1.locations[%2]"_s.arg(p.path).arg(j), [&] {
                        summary.pools +=
                            repo.addPoolLocation(p.channel, p.delivery, p.locations.at(j)) ? 1 : 0;
                    });
                for (qsizetype j = 0; j < p.groups.size(); ++j)
                    at(sourceName, u"%1.groups[%2]"_s.arg(p.path).arg(j),
                       [&] { summary.pools += repo.addPoolGroup(p.channel, p.delivery, p.groups.at(j)); });
            }
        }
        if (file.policies) {
            repo.clear(SegmentationRepository::Part::Policies);
            for (const SegmentationConfigFile::Policy& p : *file.policies) {
                ChannelPolicy policy;
                policy.channel = p.channel;
                policy.bufferUnits = p.bufferUnits;
                policy.bufferPercent = p.bufferPercent;
                policy.allowFutureSupply = p.allowFuture;
                policy.horizonDays = p.horizonDays;
                at(sourceName, p.path, [&] { repo.setPolicy(policy); });
                ++summary.policies;
            }
        }
        if (file.exclusions) {
            repo.clear(SegmentationRepository::Part::Exclusions);
            for (const SegmentationConfigFile::Exclusion& e : *file.exclusions)
                at(sourceName, e.path,
                   [&] { summary.exclusions += repo.addExclusion(e.channel, e.sku, e.location) ? 1 : 0; });
        }
        if (file.futureSupply) {
            repo.clear(SegmentationRepository::Part::FutureSupply);
            for (const SegmentationConfigFile::Supply& s : *file.futureSupply) {
                at(sourceName, s.path, [&] { repo.addFutureSupply(supplyLine(s)); });
                ++summary.futureSupply;
            }
        }

        return summary;
    });
}

int SegmentationConfigReader::importFutureSupplyCsvFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::input(u"%1: cannot open: %2"_s.arg(path, file.errorString()));
    return importFutureSupplyCsv(file, path);
}

int SegmentationConfigReader::importFutureSupplyCsv(QIODevice& device, const QString& sourceName) {
    const QList<SegmentationConfigFile::Supply> lines = FutureSupplyCsv::read(device, sourceName);
    SegmentationRepository repo(m_db, m_actor);
    return runUnitOfWork(m_db, [&](Transaction&) {
        for (const SegmentationConfigFile::Supply& s : lines) {
            try {
                repo.addFutureSupply(supplyLine(s));
            } catch (const Error& e) {
                if (e.kind() != Error::Kind::Input)
                    throw;
                throw Error::input(u"%1 line %2: %3"_s.arg(sourceName).arg(s.line).arg(e.message()));
            }
        }
        return int(lines.size());
    });
}

} // namespace ordo
