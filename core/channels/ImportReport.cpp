#include "ImportReport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QJsonArray issuesToJson(const QList<ImportIssue>& issues) {
    QJsonArray array;
    for (const ImportIssue& issue : issues)
        array.append(
            QJsonObject{{u"file"_s, issue.file}, {u"line"_s, issue.line}, {u"message"_s, issue.message}});
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
    for (const ImportFileSummary& f : files)
        fileArray.append(QJsonObject{{u"file"_s, f.file},
                                     {u"kind"_s, f.kind},
                                     {u"accepted"_s, f.accepted},
                                     {u"rejected"_s, f.rejected},
                                     {u"exceptions"_s, f.exceptions},
                                     {u"duplicates"_s, f.duplicates},
                                     {u"refused"_s, f.refused}});
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
