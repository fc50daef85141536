#include "SegmentationConfigFile.h"

#include "Error.h"
#include "formats/CsvFields.h"
#include "formats/CsvReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
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
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allowed.contains(it.key()))
                fail(path + u'.' + it.key(), u"unknown field (expected %1)"_s.arg(allowed.join(u", "_s)));
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
        // The range is checked before the conversion: converting a double beyond 64 bits (1e300) is
        // undefined.
        const double d = v.toDouble();
        if (!v.isDouble() || !(std::abs(d) <= 9.0e15) || d != std::trunc(d))
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

    Channel channel(const QJsonObject& o, const QString& path) const {
        const QString code = text(o, u"channel"_s, path, true);
        if (const auto c = channelFromCode(code))
            return *c;
        fail(path + u".channel"_s,
             u"unknown channel code \"%1\" (expected one of %2)"_s.arg(code, channelCodes().join(u", "_s)));
    }

    DeliveryMethod delivery(const QJsonObject& o, const QString& path) const {
        const QString code = text(o, u"delivery"_s, path, true);
        if (const auto d = deliveryMethodFromCode(code))
            return *d;
        fail(path + u".delivery"_s, u"unknown delivery method \"%1\" (expected ship or pickup)"_s.arg(code));
    }

private:
    QString m_source;
};

QString indexed(const QString& section, qsizetype i) {
    return u"%1[%2]"_s.arg(section).arg(i);
}

// The entries of one section of the top-level object, nullopt when the file has no such section.
template <typename Entry, typename ReadEntry>
std::optional<QList<Entry>> section(const JsonWalker& w, const QJsonObject& root, const QString& name,
                                    ReadEntry readEntry) {
    if (!root.contains(name))
        return std::nullopt;
    const QJsonArray entries = w.array(root, name, u"(top level)"_s);
    QList<Entry> result;
    result.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i)
        result << readEntry(entries.at(i), indexed(name, i));
    return result;
}

} // namespace

SegmentationConfigFile SegmentationConfigJson::read(const QByteArray& json, const QString& sourceName) {
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

    using File = SegmentationConfigFile;
    File file;
    file.groups = section<File::Group>(w, root, u"groups"_s, [&](const QJsonValue& v, const QString& path) {
        const QJsonObject g = w.object(v, path, {u"code"_s, u"name"_s, u"locations"_s});
        return File::Group{path, w.text(g, u"code"_s, path, true), w.text(g, u"name"_s, path, false),
                           w.texts(g, u"locations"_s, path)};
    });
    file.pools = section<File::Pool>(w, root, u"pools"_s, [&](const QJsonValue& v, const QString& path) {
        const QJsonObject p = w.object(v, path, {u"channel"_s, u"delivery"_s, u"locations"_s, u"groups"_s});
        File::Pool pool{path, w.channel(p, path), w.delivery(p, path), w.texts(p, u"locations"_s, path),
                        w.texts(p, u"groups"_s, path)};
        if (pool.locations.isEmpty() && pool.groups.isEmpty())
            w.fail(path, u"names no locations and no groups"_s);
        return pool;
    });
    file.policies =
        section<File::Policy>(w, root, u"policies"_s, [&](const QJsonValue& v, const QString& path) {
            const QJsonObject p = w.object(
                v, path,
                {u"channel"_s, u"buffer_units"_s, u"buffer_percent"_s, u"allow_future"_s, u"horizon_days"_s});
            File::Policy policy;
            policy.path = path;
            policy.channel = w.channel(p, path);
            policy.bufferUnits = w.integer(p, u"buffer_units"_s, path, 0);
            const qint64 percent = w.integer(p, u"buffer_percent"_s, path, 0);
            if (percent < 0 || percent > 100)
                w.fail(path + u".buffer_percent"_s, u"must be between 0 and 100 (got %1)"_s.arg(percent));
            policy.bufferPercent = int(percent);
            policy.allowFuture = w.flag(p, u"allow_future"_s, path);
            const qint64 horizon = w.integer(p, u"horizon_days"_s, path, 0);
            if (horizon < 0 || horizon > 36500)
                w.fail(path + u".horizon_days"_s, u"must be between 0 and 36500 (got %1)"_s.arg(horizon));
            policy.horizonDays = int(horizon);
            return policy;
        });
    file.exclusions =
        section<File::Exclusion>(w, root, u"exclusions"_s, [&](const QJsonValue& v, const QString& path) {
            const QJsonObject e = w.object(v, path, {u"channel"_s, u"sku"_s, u"location"_s});
            return File::Exclusion{path, w.channel(e, path), w.text(e, u"sku"_s, path, false),
                                   w.text(e, u"location"_s, path, false)};
        });
    file.futureSupply =
        section<File::Supply>(w, root, u"future_supply"_s, [&](const QJsonValue& v, const QString& path) {
            const QJsonObject f =
                w.object(v, path, {u"reference"_s, u"location"_s, u"sku"_s, u"quantity"_s, u"arrives_at"_s});
            File::Supply supply;
            supply.path = path;
            supply.reference = w.text(f, u"reference"_s, path, true);
            supply.location = w.text(f, u"location"_s, path, true);
            supply.sku = w.text(f, u"sku"_s, path, true);
            if (!f.contains(u"quantity"_s))
                w.fail(path + u".quantity"_s, u"missing"_s);
            supply.quantity = w.integer(f, u"quantity"_s, path, 0);
            const QString arrives = w.text(f, u"arrives_at"_s, path, true);
            try {
                supply.arrivesAt = CsvFields::timestamp(arrives, u"arrives_at"_s);
            } catch (const Error& e) {
                w.fail(path, e.message());
            }
            return supply;
        });
    return file;
}

QList<SegmentationConfigFile::Supply> FutureSupplyCsv::read(QIODevice& device, const QString& sourceName) {
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

    QList<SegmentationConfigFile::Supply> lines;
    while (reader.next(record)) {
        try {
            if (record.fields.size() != header.size())
                throw Error::input(u"%1 fields; expected %2"_s.arg(record.fields.size()).arg(header.size()));
            SegmentationConfigFile::Supply line;
            line.path = u"line %1"_s.arg(record.line);
            line.line = record.line;
            line.reference = record.fields.at(0).trimmed();
            line.location = record.fields.at(1).trimmed();
            line.sku = record.fields.at(2).trimmed();
            line.quantity = CsvFields::integer(record.fields.at(3).trimmed(), u"quantity"_s, 1,
                                               std::numeric_limits<qint64>::max());
            line.arrivesAt = CsvFields::timestamp(record.fields.at(4).trimmed(), u"arrives_at"_s);
            lines << line;
        } catch (const Error& e) {
            if (e.kind() != Error::Kind::Input)
                throw;
            throw Error::input(u"%1 line %2: %3"_s.arg(sourceName).arg(record.line).arg(e.message()));
        }
    }
    return lines;
}

} // namespace ordo
