#include "InventoryFileReader.h"

#include "Error.h"
#include "formats/CsvFields.h"
#include "formats/CsvReader.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// Whole numbers accepted for quantities: far beyond any stock, far from overflow when added up.
constexpr qint64 mostUnits = 1'000'000'000'000LL;

const QString deltaHeader = u"event_id,location_id,sku,delta[,reason][,occurred_at]"_s;
const QString snapshotHeader = u"location_id,sku,on_hand[,safety_stock]"_s;

enum Field : int { EventId, LocationId, Sku, Delta, OnHand, SafetyStock, Reason, OccurredAt, FieldCount };

const QStringList& fieldNames() {
    static const QStringList names = {u"event_id"_s, u"location_id"_s,  u"sku"_s,    u"delta"_s,
                                      u"on_hand"_s,  u"safety_stock"_s, u"reason"_s, u"occurred_at"_s};
    return names;
}

// The text of each known field of one row; a null QString when the field is absent.
using RowFields = std::array<QString, FieldCount>;

QString required(const RowFields& row, Field field) {
    const QString& text = row[field];
    if (text.isEmpty())
        throw Error::input(u"%1 is empty"_s.arg(fieldNames().at(field)));
    return text;
}

// Builds one event from the text of its fields, or throws Error::input with the reason.
InventoryEvent eventFromFields(const RowFields& row, InventoryEventKind kind, int line) {
    InventoryEvent event;
    event.kind = kind;
    event.line = line;
    event.locationCode = required(row, LocationId);
    event.skuCode = required(row, Sku);
    event.eventId = row[EventId];
    if (kind == InventoryEventKind::Delta) {
        event.eventId = required(row, EventId);
        event.quantity = CsvFields::integer(required(row, Delta), u"delta"_s, -mostUnits, mostUnits);
    } else {
        event.quantity = CsvFields::integer(required(row, OnHand), u"on_hand"_s, 0, mostUnits);
        if (!row[SafetyStock].isEmpty())
            event.safetyStock = CsvFields::integer(row[SafetyStock], u"safety_stock"_s, 0, mostUnits);
    }
    if (event.eventId.size() > InventoryFileReader::maxEventIdLength)
        throw Error::input(
            u"event_id is longer than %1 characters"_s.arg(InventoryFileReader::maxEventIdLength));
    event.reason = row[Reason];
    if (!row[OccurredAt].isEmpty())
        event.occurredAt = CsvFields::timestamp(row[OccurredAt], u"occurred_at"_s);
    return event;
}

} // namespace

// Snapshot rows without an id get one from the file's content and the row's own figures.
void InventoryFileReader::assignSnapshotIds(QList<InventoryEvent>& events, const QByteArray& content) {
    const QByteArray fileHash = QCryptographicHash::hash(content, QCryptographicHash::Sha1);
    for (InventoryEvent& event : events) {
        if (event.kind != InventoryEventKind::Snapshot || !event.eventId.isEmpty())
            continue;
        QCryptographicHash hash(QCryptographicHash::Sha1);
        hash.addData(fileHash);
        const QString row = u"\x1f%1\x1f%2\x1f%3\x1f%4\x1f%5"_s.arg(
            event.locationCode, event.skuCode, QString::number(event.quantity),
            event.safetyStock ? QString::number(*event.safetyStock) : QString(),
            event.occurredAt.isValid() ? event.occurredAt.toString(Qt::ISODateWithMs) : QString());
        hash.addData(row.toUtf8());
        event.eventId = u"snap:"_s + QString::fromLatin1(hash.result().toHex());
    }
}

namespace {

void readCsv(InventoryFile& file, const QByteArray& content) {
    QBuffer buffer;
    buffer.setData(content);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, file.source);
    CsvRecord record;
    if (!reader.next(record))
        return; // an empty file: nothing to do
    std::array<int, FieldCount> index;
    index.fill(-1);
    QSet<QString> seen;
    for (int i = 0; i < record.fields.size(); ++i) {
        const QString name = record.fields.at(i).trimmed().toLower();
        if (seen.contains(name) && !name.isEmpty())
            throw Error::input(u"%1 line %2: the header row names column '%3' twice"_s.arg(
                file.source, QString::number(record.line), name));
        seen.insert(name);
        const qsizetype field = fieldNames().indexOf(name);
        if (field >= 0)
            index[size_t(field)] = i;
    }
    std::optional<InventoryEventKind> kind;
    if (index[Delta] >= 0)
        kind = InventoryEventKind::Delta;
    else if (index[OnHand] >= 0)
        kind = InventoryEventKind::Snapshot;
    if (!kind || index[LocationId] < 0 || index[Sku] < 0 ||
        (*kind == InventoryEventKind::Delta && index[EventId] < 0))
        throw Error::input(
            u"%1 line %2: the header row is neither a deltas file (%3) nor a snapshot file (%4); "
            "found: %5"_s.arg(file.source, QString::number(record.line), deltaHeader, snapshotHeader,
                              record.fields.join(u","_s).left(200)));
    const qsizetype width = record.fields.size();
    file.events.reserve(content.count('\n') + 1); // one event a line, give or take: no regrowth for big files
    RowFields row;
    while (reader.next(record)) {
        // A row may leave out trailing optional fields (reason, occurred_at), never add any.
        if (record.fields.size() > width) {
            file.errors << ImportIssue{
                file.source, record.line,
                u"the row has %1 fields where the header has %2"_s.arg(record.fields.size()).arg(width)};
            continue;
        }
        for (int f = 0; f < FieldCount; ++f) {
            const int at = index[size_t(f)];
            row[size_t(f)] =
                at >= 0 && at < record.fields.size() ? record.fields.at(at).trimmed() : QString();
        }
        try {
            file.events << eventFromFields(row, *kind, record.line);
        } catch (const Error& e) {
            file.errors << ImportIssue{file.source, record.line, e.message()};
        }
    }
}

// The text of a JSON member for the field parsers: strings as they are, whole numbers in decimal.
QString jsonText(const QJsonValue& value, const QString& name) {
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return {};
    case QJsonValue::String:
        return value.toString().trimmed();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::fabs(d) <= 9007199254740992.0)
            return QString::number(qint64(d));
        return QString::number(d);
    }
    default:
        throw Error::input(u"%1 must be text or a number"_s.arg(name));
    }
}

void readJsonLines(InventoryFile& file, const QByteArray& content) {
    int line = 0;
    bool first = true;
    qsizetype from = 0;
    RowFields row;
    while (from < content.size()) {
        qsizetype end = content.indexOf('\n', from);
        if (end < 0)
            end = content.size();
        QByteArray text = content.mid(from, end - from);
        from = end + 1;
        ++line;
        if (line == 1 && text.startsWith("\xEF\xBB\xBF"))
            text.remove(0, 3);
        if (text.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            if (first)
                throw Error::input(
                    u"%1 line %2: the file is neither inventory CSV nor JSON lines (the first line "
                    "is not a JSON object%3)"_s.arg(
                        file.source, QString::number(line),
                        error.error != QJsonParseError::NoError ? u": "_s + error.errorString() : QString()));
            file.errors << ImportIssue{
                file.source, line,
                error.error != QJsonParseError::NoError
                    ? u"not a JSON object: %1 at character %2"_s.arg(error.errorString())
                          .arg(error.offset + 1)
                    : u"not a JSON object"_s};
            continue;
        }
        first = false;
        const QJsonObject object = document.object();
        try {
            const QString type = object.value(u"type"_s).toString();
            InventoryEventKind kind;
            if (type == u"delta"_s)
                kind = InventoryEventKind::Delta;
            else if (type == u"snapshot"_s)
                kind = InventoryEventKind::Snapshot;
            else
                throw Error::input(u"type must be \"delta\" or \"snapshot\", not \"%1\""_s.arg(type));
            for (int f = 0; f < FieldCount; ++f)
                row[size_t(f)] = jsonText(object.value(fieldNames().at(f)), fieldNames().at(f));
            file.events << eventFromFields(row, kind, line);
        } catch (const Error& e) {
            file.errors << ImportIssue{file.source, line, e.message()};
        }
    }
}

// Refuses content that is not UTF-8 text, naming the line of the first bad byte.
void checkText(const QByteArray& content, const QString& source) {
    if (content.startsWith("\xFF\xFE") || content.startsWith("\xFE\xFF"))
        throw Error::input(u"%1 line 1: the file is UTF-16 text; save it as UTF-8"_s.arg(source));
    const qsizetype nul = content.indexOf('\0');
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(content); // decoding happens on conversion to QString
    if (nul < 0 && !decoder.hasError())
        return;
    // Find the first bad line for the message.
    qsizetype from = 0;
    int line = 1;
    while (from < content.size()) {
        qsizetype end = content.indexOf('\n', from);
        if (end < 0)
            end = content.size();
        const QByteArray text = content.mid(from, end - from);
        if (text.contains('\0'))
            throw Error::input(
                u"%1 line %2: the file contains a NUL byte: it is binary data or text in another "
                "encoding, not UTF-8"_s.arg(source)
                    .arg(line));
        QStringDecoder lineDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decodedLine = lineDecoder.decode(text); // decoding happens on conversion to QString
        if (lineDecoder.hasError())
            throw Error::input(
                u"%1 line %2: the file is not UTF-8 text; save it as UTF-8"_s.arg(source).arg(line));
        from = end + 1;
        ++line;
    }
    throw Error::input(u"%1: the file is not UTF-8 text; save it as UTF-8"_s.arg(source));
}

bool looksLikeJson(const QByteArray& content) {
    qsizetype i = content.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < content.size() &&
           (content.at(i) == ' ' || content.at(i) == '\t' || content.at(i) == '\r' || content.at(i) == '\n'))
        ++i;
    return i < content.size() && content.at(i) == '{';
}

} // namespace

InventoryFile InventoryFileReader::readBytes(const QByteArray& content, const QString& sourceName,
                                             InventoryFileFormat format) {
    InventoryFile file;
    file.source = sourceName;
    if (format == InventoryFileFormat::Auto)
        format = looksLikeJson(content) ? InventoryFileFormat::JsonLines : InventoryFileFormat::Csv;
    if (format == InventoryFileFormat::JsonLines) {
        checkText(content, sourceName);
        readJsonLines(file, content);
    } else {
        readCsv(file, content); // CsvReader checks the encoding as it goes
    }
    assignSnapshotIds(file.events, content);
    file.hasSnapshots = std::any_of(file.events.cbegin(), file.events.cend(), [](const InventoryEvent& e) {
        return e.kind == InventoryEventKind::Snapshot;
    });
    return file;
}

InventoryFile InventoryFileReader::read(QIODevice& device, const QString& sourceName,
                                        InventoryFileFormat format) {
    // The whole content is needed anyway: the events are applied together and snapshot ids hash the file.
    const QByteArray content = device.readAll();
    return readBytes(content, sourceName, format);
}

InventoryFile InventoryFileReader::readFile(const QString& path, InventoryFileFormat format) {
    QFile file;
    QString source = path;
    if (path == u"-"_s) {
        source = u"stdin"_s;
        if (!file.open(stdin, QIODevice::ReadOnly))
            throw Error::input(u"cannot read standard input: %1"_s.arg(file.errorString()));
    } else {
        file.setFileName(path);
        if (!file.open(QIODevice::ReadOnly))
            throw Error::input(u"%1: cannot open the file: %2"_s.arg(path, file.errorString()));
    }
    return read(file, source, format);
}

} // namespace ordo
