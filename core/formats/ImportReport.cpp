#include "ImportReport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QJsonArray issuesToJson(const QList<ImportIssue>& issues) {
    QJsonArray array;
    for (const ImportIssue& issue : issues) {
        QJsonObject o{{u"file"_s, issue.file}, {u"line"_s, issue.line}, {u"message"_s, issue.message}};
        if (!issue.where.isEmpty())
            o.insert(u"where"_s, issue.where);
        array.append(o);
    }
    return array;
}

} // namespace

void ImportReport::add(const ImportFileSummary& file) {
    accepted += file.accepted;
    rejected += file.rejected;
    exceptions += file.exceptions;
    duplicates += file.duplicates;
    refusedFiles += file.refused ? 1 : 0;
    files << file;
}

void ImportReport::merge(const ImportReport& other) {
    accepted += other.accepted;
    rejected += other.rejected;
    exceptions += other.exceptions;
    duplicates += other.duplicates;
    refusedFiles += other.refusedFiles;
    errors << other.errors;
    warnings << other.warnings;
    files << other.files;
}

QJsonObject ImportReport::toJson() const {
    QJsonArray fileArray;
    for (const ImportFileSummary& f : files) {
        QJsonObject file{{u"file"_s, f.file},
                         {u"kind"_s, f.kind},
                         {u"format"_s, f.format.isEmpty() ? QJsonValue() : QJsonValue(f.format)},
                         {u"accepted"_s, f.accepted},
                         {u"rejected"_s, f.rejected},
                         {u"exceptions"_s, f.exceptions},
                         {u"duplicates"_s, f.duplicates},
                         {u"refused"_s, f.refused}};
        if (!f.orders.isEmpty()) {
            QJsonArray orders;
            for (const ImportedOrderOutcome& o : f.orders) {
                QJsonArray reasons;
                for (const auto& [code, detail] : o.reasons)
                    reasons.append(QJsonObject{{u"code"_s, code.isEmpty() ? QJsonValue() : QJsonValue(code)},
                                               {u"detail"_s, detail}});
                orders.append(QJsonObject{
                    {u"reference"_s, o.reference},
                    {u"order_id"_s, o.orderNumber.isEmpty() ? QJsonValue() : QJsonValue(o.orderNumber)},
                    {u"external_id"_s, o.externalId.isEmpty() ? QJsonValue() : QJsonValue(o.externalId)},
                    {u"outcome"_s, o.outcome},
                    {u"reasons"_s, reasons}});
            }
            file.insert(u"orders"_s, orders);
        }
        fileArray.append(file);
    }
    return QJsonObject{{u"accepted"_s, accepted},
                       {u"rejected"_s, rejected},
                       {u"exceptions"_s, exceptions},
                       {u"duplicates"_s, duplicates},
                       {u"refused"_s, refusedFiles},
                       {u"errors"_s, issuesToJson(errors)},
                       {u"warnings"_s, issuesToJson(warnings)},
                       {u"files"_s, fileArray}};
}

} // namespace ordo
