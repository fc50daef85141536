#include "SegmentationConfigReader.h"

#include "Error.h"
#include "formats/CsvFields.h"
#include "formats/CsvReader.h"
#include "inventory/SegmentationRepository.h"
#include "storage/Transaction.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <functional>
#include <limits>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// Walks one JSON document, naming every problem by its path ("pools[2].delivery").
class JsonWalker {
public:
    explicit JsonWalker(QString source)
        : m_source(std::move(source)) {}

    [[noreturn]] void fail(const QString& path, const QString& reason) const {
        throw Error::input(u"%1: %2: %3"_s.arg(m_source, path, reason));
    }

    // Runs `body`, prefixing an input error thrown by the repository with the path of the entry.
    void at(const QString& path, const std::function<void()>& body) const {
        try {
            body();
        } catch (const Error& e) {
            if (e.kind() != Error::Kind::Input && e.kind() != Error::Kind::NotFound)
                throw;
            if (e.message().startsWith(m_source + u": "_s))
                throw;
            fail(path, e.message());
        }
    }

    QJsonArray array(const QJsonObject& o, const QString& key, const QString& path) const {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            fail(path + u'.' + key, u"expected an array"_s);
        return v.toArray();
    }

    QJsonObject object(const QJsonValue& v, const QString& path, const QStringList& allowed) const {
        if (!v.isObject())
            fail(path, u"expected an object"_s);
        const QJsonObject o = v.toObject();
        for (const QString& key : o.keys())
            if (!allowed.contains(key))
                fail(path + u'.' + key, u"unknown field (expected %1)"_s.arg(allowed.join(u", "_s)));
        return o;
    }

    QString text(const QJsonObject& o, const QString& key, const QString& path, bool required) const {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(path + u'.' + key, u"missing"_s);
            return {};
        }
        if (!v.isString())
            fail(path + u'.' + key, u"expected a string"_s);
        const QString s = v.toString().trimmed();
        if (required && s.isEmpty())
            fail(path + u'.' + key, u"is empty"_s);
        return s;
    }

    QStringList texts(const QJsonObject& o, const QString& key, const QString& path) const {
        QStringList result;
        const QJsonArray a = array(o, key, path);
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString() || a.at(i).toString().trimmed().isEmpty())
                fail(u"%1.%2[%3]"_s.arg(path, key).arg(i), u"expected a code"_s);
            result << a.at(i).toString().trimmed();
        }
        return result;
    }

    qint64 integer(const QJsonObject& o, const QString& key, const QString& path, qint64 fallback) const {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return fallback;
        const double d = v.toDouble();
        if (!v.isDouble() || d != double(qint64(d)) || std::abs(d) > 9.0e15)
            fail(path + u'.' + key, u"expected a whole number"_s);
        return qint64(d);
    }

    bool flag(const QJsonObject& o, const QString& key, const QString& path) const {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isBool())
            fail(path + u'.' + key, u"expected true or false"_s);
        return v.toBool();
    }

private:
    QString m_source;
};

QString indexed(const QString& section, qsizetype i) {
    return u"%1[%2]"_s.arg(section).arg(i);
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
    const JsonWalker w(sourceName);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw Error::input(u"%1: not JSON at offset %2: %3"_s.arg(sourceName)
                               .arg(parseError.offset)
                               .arg(parseError.errorString()));
    if (!doc.isObject())
        w.fail(u"(top level)"_s, u"expected an object"_s);
    const QJsonObject root =
        w.object(QJsonValue(doc.object()), u"(top level)"_s,
                 {u"groups"_s, u"pools"_s, u"policies"_s, u"exclusions"_s, u"future_supply"_s});

    SegmentationRepository repo(m_db, m_actor);
    Summary summary;
    Transaction tx(m_db);

    if (root.contains(u"groups"_s)) {
        const QJsonArray groups = w.array(root, u"groups"_s, u"(top level)"_s);
        repo.clear(SegmentationRepository::Part::Groups);
        for (qsizetype i = 0; i < groups.size(); ++i) {
            const QString path = indexed(u"groups"_s, i);
            const QJsonObject g = w.object(groups.at(i), path, {u"code"_s, u"name"_s, u"locations"_s});
            const QString code = w.text(g, u"code"_s, path, true);
            const QString name = w.text(g, u"name"_s, path, false);
            const QStringList locations = w.texts(g, u"locations"_s, path);
            w.at(path + u".locations"_s, [&] { repo.saveGroup(code, name, locations); });
            ++summary.groups;
        }
    }

    if (root.contains(u"pools"_s)) {
        const QJsonArray pools = w.array(root, u"pools"_s, u"(top level)"_s);
        repo.clear(SegmentationRepository::Part::Pools);
        for (qsizetype i = 0; i < pools.size(); ++i) {
            const QString path = indexed(u"pools"_s, i);
            const QJsonObject p =
                w.object(pools.at(i), path, {u"channel"_s, u"delivery"_s, u"locations"_s, u"groups"_s});
            Channel channel{};
            DeliveryMethod delivery{};
            w.at(path + u".channel"_s,
                 [&] { channel = SegmentationRepository::channel(w.text(p, u"channel"_s, path, true)); });
            w.at(path + u".delivery"_s,
                 [&] { delivery = SegmentationRepository::delivery(w.text(p, u"delivery"_s, path, true)); });
            const QStringList locations = w.texts(p, u"locations"_s, path);
            const QStringList groups = w.texts(p, u"groups"_s, path);
            if (locations.isEmpty() && groups.isEmpty())
                w.fail(path, u"names no locations and no groups"_s);
            for (qsizetype j = 0; j < locations.size(); ++j)
                w.at(u"%1.locations[%2]"_s.arg(path).arg(j), [&] {
                    summary.pools += repo.addPoolLocation(channel, delivery, locations.at(j)) ? 1 : 0;
                });
            for (qsizetype j = 0; j < groups.size(); ++j)
                w.at(u"%1.groups[%2]"_s.arg(path).arg(j),
                     [&] { summary.pools += repo.addPoolGroup(channel, delivery, groups.at(j)); });
        }
    }

    if (root.contains(u"policies"_s)) {
        const QJsonArray policies = w.array(root, u"policies"_s, u"(top level)"_s);
        repo.clear(SegmentationRepository::Part::Policies);
        for (qsizetype i = 0; i < policies.size(); ++i) {
            const QString path = indexed(u"policies"_s, i);
            const QJsonObject p = w.object(
                policies.at(i), path,
                {u"channel"_s, u"buffer_units"_s, u"buffer_percent"_s, u"allow_future"_s, u"horizon_days"_s});
            ChannelPolicy policy;
            w.at(path + u".channel"_s, [&] {
                policy.channel = SegmentationRepository::channel(w.text(p, u"channel"_s, path, true));
            });
            policy.bufferUnits = w.integer(p, u"buffer_units"_s, path, 0);
            const qint64 percent = w.integer(p, u"buffer_percent"_s, path, 0);
            if (percent < 0 || percent > 100)
                w.fail(path + u".buffer_percent"_s, u"must be between 0 and 100 (got %1)"_s.arg(percent));
            policy.bufferPercent = int(percent);
            policy.allowFutureSupply = w.flag(p, u"allow_future"_s, path);
            const qint64 horizon = w.integer(p, u"horizon_days"_s, path, 0);
            if (horizon < 0 || horizon > 36500)
                w.fail(path + u".horizon_days"_s, u"must be between 0 and 36500 (got %1)"_s.arg(horizon));
            policy.horizonDays = int(horizon);
            w.at(path, [&] { repo.setPolicy(policy); });
            ++summary.policies;
        }
    }

    if (root.contains(u"exclusions"_s)) {
        const QJsonArray exclusions = w.array(root, u"exclusions"_s, u"(top level)"_s);
        repo.clear(SegmentationRepository::Part::Exclusions);
        for (qsizetype i = 0; i < exclusions.size(); ++i) {
            const QString path = indexed(u"exclusions"_s, i);
            const QJsonObject e = w.object(exclusions.at(i), path, {u"channel"_s, u"sku"_s, u"location"_s});
            Channel channel{};
            w.at(path + u".channel"_s,
                 [&] { channel = SegmentationRepository::channel(w.text(e, u"channel"_s, path, true)); });
            const QString sku = w.text(e, u"sku"_s, path, false);
            const QString location = w.text(e, u"location"_s, path, false);
            w.at(path, [&] { summary.exclusions += repo.addExclusion(channel, sku, location) ? 1 : 0; });
        }
    }

    if (root.contains(u"future_supply"_s)) {
        const QJsonArray lines = w.array(root, u"future_supply"_s, u"(top level)"_s);
        repo.clear(SegmentationRepository::Part::FutureSupply);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString path = indexed(u"future_supply"_s, i);
            const QJsonObject f = w.object(
                lines.at(i), path, {u"reference"_s, u"location"_s, u"sku"_s, u"quantity"_s, u"arrives_at"_s});
            FutureSupplyLine line;
            line.reference = w.text(f, u"reference"_s, path, true);
            line.locationCode = w.text(f, u"location"_s, path, true);
            line.skuCode = w.text(f, u"sku"_s, path, true);
            if (!f.contains(u"quantity"_s))
                w.fail(path + u".quantity"_s, u"missing"_s);
            line.quantity = w.integer(f, u"quantity"_s, path, 0);
            const QString arrives = w.text(f, u"arrives_at"_s, path, true);
            w.at(path, [&] {
                line.arrivesAt = CsvFields::timestamp(arrives, u"arrives_at"_s);
                repo.addFutureSupply(line);
            });
            ++summary.futureSupply;
        }
    }

    tx.commit();
    return summary;
}

int SegmentationConfigReader::importFutureSupplyCsvFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::input(u"%1: cannot open: %2"_s.arg(path, file.errorString()));
    return importFutureSupplyCsv(file, path);
}

int SegmentationConfigReader::importFutureSupplyCsv(QIODevice& device, const QString& sourceName) {
    static const QStringList header = {u"reference"_s, u"location_id"_s, u"sku"_s, u"quantity"_s,
                                       u"arrives_at"_s};
    CsvReader reader(device, sourceName);
    CsvRecord record;
    if (!reader.next(record))
        throw Error::input(u"%1: empty file; expected the header %2"_s.arg(sourceName, header.join(u',')));
    QStringList names;
    for (const QString& f : std::as_const(record.fields))
        names << f.trimmed().toLower();
    if (names != header)
        throw Error::input(u"%1 line %2: header is \"%3\"; expected %4"_s.arg(sourceName)
                               .arg(record.line)
                               .arg(record.fields.join(u','), header.join(u',')));

    SegmentationRepository repo(m_db, m_actor);
    Transaction tx(m_db);
    int lines = 0;
    while (reader.next(record)) {
        try {
            if (record.fields.size() != header.size())
                throw Error::input(u"%1 fields; expected %2"_s.arg(record.fields.size()).arg(header.size()));
            FutureSupplyLine line;
            line.reference = record.fields.at(0).trimmed();
            line.locationCode = record.fields.at(1).trimmed();
            line.skuCode = record.fields.at(2).trimmed();
            line.quantity = CsvFields::integer(record.fields.at(3).trimmed(), u"quantity"_s, 1,
                                               std::numeric_limits<qint64>::max());
            line.arrivesAt = CsvFields::timestamp(record.fields.at(4).trimmed(), u"arrives_at"_s);
            repo.addFutureSupply(line);
            ++lines;
        } catch (const Error& e) {
            if (e.kind() != Error::Kind::Input)
                throw;
            throw Error::input(u"%1 line %2: %3"_s.arg(sourceName).arg(record.line).arg(e.message()));
        }
    }
    tx.commit();
    return lines;
}

} // namespace ordo
