#include "Error.h"
#include "ImportRunner.h"
#include "channels/CsvImporter.h"
#include "formats/CsvFileKind.h"
#include "formats/CsvReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

struct CsvImportText {
    Q_DECLARE_TR_FUNCTIONS(ordo::ui::CsvImportRunner)
};

constexpr int previewProblems = 3;

ImportProblem problemOf(const ImportIssue& issue, bool error) {
    ImportProblem problem;
    problem.file = issue.file;
    problem.line = issue.line;
    problem.where =
        issue.line > 0 ? CsvImportText::tr("line %1").arg(issue.line) : CsvImportText::tr("whole file");
    problem.message = issue.message;
    problem.error = error;
    return problem;
}

class CsvImportRunner : public ImportRunner {
public:
    ImportFilePreview preview(Database&, const QString& path) override {
        ImportFilePreview preview;
        preview.path = path;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            preview.problems.append(CsvImportText::tr("cannot open the file: %1").arg(file.errorString()));
            return preview;
        }
        CsvReader reader(file, QFileInfo(path).fileName());
        try {
            CsvRecord record;
            if (!reader.next(record)) {
                preview.problems.append(CsvImportText::tr("the file is empty"));
                return preview;
            }
            const CsvLayout layout = CsvFileKind::recognise(record.fields);
            preview.format = u"csv (%1)"_s.arg(CsvFileKind::name(layout.kind));
            for (const QString& column : layout.unknownColumns)
                if (preview.problems.size() < previewProblems)
                    preview.problems.append(
                        CsvImportText::tr("line %1: column '%2' is ignored").arg(record.line).arg(column));
            QSet<QString> orders;
            while (reader.next(record)) {
                ++preview.records;
                if (record.fields.size() != layout.width && preview.problems.size() < previewProblems)
                    preview.problems.append(CsvImportText::tr("line %1: %2 fields where the header has %3")
                                                .arg(record.line)
                                                .arg(record.fields.size())
                                                .arg(layout.width));
                if (layout.kind == CsvKind::Orders)
                    orders.insert(layout.value(record.fields, OrderColumn::OrderId));
            }
            preview.orders = int(orders.size());
        } catch (const Error& error) {
            if (preview.problems.size() < previewProblems)
                preview.problems.append(
                    reader.errorLine() > 0
                        ? CsvImportText::tr("line %1: %2").arg(reader.errorLine()).arg(reader.errorReason())
                        : error.message());
        }
        return preview;
    }

    QList<ImportFileOutcome> run(Database& db, const QStringList& paths, const Actor& actor,
                                 const std::function<bool(int, int, const QString&)>& progress) override {
        // Master data first, as `ordo import` does, so orders find the catalogue of the same run.
        QStringList ordered = paths;
        const auto rank = [](const QString& path) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return -1;
            try {
                CsvReader reader(file, path);
                CsvRecord header;
                if (!reader.next(header))
                    return -1;
                const std::optional<CsvKind> kind = CsvFileKind::guess(header.fields);
                return kind ? int(*kind) : -1;
            } catch (const Error&) {
                return -1;
            }
        };
        QHash<QString, int> ranks;
        for (const QString& path : paths)
            ranks.insert(path, rank(path));
        std::stable_sort(ordered.begin(), ordered.end(),
                         [&](const QString& a, const QString& b) { return ranks.value(a) < ranks.value(b); });

        QList<ImportFileOutcome> outcomes;
        CsvImporter importer(db, actor);
        for (int i = 0; i < ordered.size(); ++i) {
            const QString& path = ordered.at(i);
            if (!progress(i, int(ordered.size()), path))
                break;
            const ImportReport report = importer.importFile(path);
            ImportFileOutcome outcome;
            outcome.path = path;
            const ImportFileSummary summary = report.files.value(0);
            outcome.format = summary.kind.isEmpty() ? u"csv"_s : u"csv (%1)"_s.arg(summary.kind);
            outcome.accepted = summary.accepted;
            outcome.held = summary.exceptions;
            outcome.rejected = summary.rejected;
            outcome.duplicates = summary.duplicates;
            outcome.refused = summary.refused || report.refusedFiles > 0;
            for (const ImportIssue& issue : report.errors)
                outcome.problems.append(problemOf(issue, true));
            for (const ImportIssue& issue : report.warnings)
                outcome.problems.append(problemOf(issue, false));
            outcomes.append(outcome);
        }
        progress(int(ordered.size()), int(ordered.size()), {});
        return outcomes;
    }
};

} // namespace

std::shared_ptr<ImportRunner> makeCsvImportRunner() {
    return std::make_shared<CsvImportRunner>();
}

} // namespace ordo::ui
