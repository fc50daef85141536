#include "Error.h"
#include "ImportRunner.h"
#include "channels/ImportService.h"
#include "formats/OrderFormats.h"
#include "orders/OrderQuery.h"

#include <QCoreApplication>
#include <QFile>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

struct ChannelImportText {
    Q_DECLARE_TR_FUNCTIONS(ordo::ui::ChannelImportRunner)
};

constexpr int previewProblems = 3;

// Every channel the console can take orders from: Shopify, WooCommerce, Amazon and X12 files go through the
// same ImportService as `ordo import`; CSV files (master data and orders) through the CSV runner, which puts
// master data first.
class ChannelImportRunner : public ImportRunner {
public:
    ImportFilePreview preview(Database& db, const QString& path) override {
        // Recognised and read as `ordo import` does, within the same limits: a preview never takes more.
        ImportService service(db, Actor::system());
        const ImportService::Recognised recognised = service.recognise(path);
        if (!recognised.format && recognised.refusal.isEmpty())
            return m_csv->preview(db, path);
        ImportFilePreview preview;
        preview.path = path;
        if (!recognised.format) {
            preview.problems.append(recognised.refusal);
            return preview;
        }
        const OrderFormat* format = recognised.format;
        preview.format = format->name;
        try {
            const ParsedDocument parsed = format->read(service.readDocument(path, *format), path);
            preview.orders = int(parsed.orders.size());
            preview.records = preview.orders + int(parsed.problems.size());
            for (const ParseProblem& problem : parsed.problems) {
                if (preview.problems.size() == previewProblems)
                    break;
                preview.problems.append(problem.where.isEmpty() ? problem.reason
                                                                : problem.where + u": "_s + problem.reason);
            }
        } catch (const Error& error) {
            preview.problems.append(error.message());
        }
        return preview;
    }

    QList<ImportFileOutcome> run(Database& db, const QStringList& paths, const Actor& actor,
                                 const std::function<bool(int, int, const QString&)>& progress) override {
        QStringList csvPaths;
        QStringList channelPaths;
        {
            // A file refused before it is read (too large, JSON of no known kind) is reported by the service.
            const ImportService recogniser(db, actor);
            for (const QString& path : paths) {
                const ImportService::Recognised r = recogniser.recognise(path);
                (r.format || !r.refusal.isEmpty() ? channelPaths : csvPaths) << path;
            }
        }
        const int total = int(paths.size());
        QList<ImportFileOutcome> outcomes;
        bool stopped = false;
        if (!csvPaths.isEmpty()) {
            // The CSV runner counts its own files; the channel documents follow them.
            outcomes = m_csv->run(db, csvPaths, actor, [&](int done, int, const QString& file) {
                if (file.isEmpty())
                    return true; // its closing call: the run goes on with the channel documents
                stopped = !progress(done, total, file);
                return !stopped;
            });
        }
        ImportService service(db, actor);
        OrderQuery orders(db);
        for (int i = 0; i < channelPaths.size() && !stopped; ++i) {
            const QString& path = channelPaths.at(i);
            if (!progress(int(csvPaths.size()) + i, total, path))
                break;
            outcomes.append(outcomeOf(path, service.importFiles({path}), orders));
        }
        progress(total, total, {});
        return outcomes;
    }

private:
    static ImportFileOutcome outcomeOf(const QString& path, const ImportReport& report, OrderQuery& orders) {
        ImportFileOutcome outcome;
        outcome.path = path;
        const ImportFileSummary summary = report.files.value(0);
        outcome.format = summary.format;
        outcome.accepted = summary.accepted;
        outcome.held = summary.exceptions;
        outcome.rejected = summary.rejected;
        outcome.duplicates = summary.duplicates;
        outcome.refused = summary.refused || report.refusedFiles > 0;
        for (const ImportIssue& issue : report.errors)
            outcome.problems.append(problemOf(issue, true));
        // Held orders: one problem per order, with its reasons, opening the order when clicked.
        for (const ImportedOrderOutcome& order : summary.orders) {
            if (order.outcome != u"held"_s)
                continue;
            QStringList reasons;
            for (const auto& [code, detail] : order.reasons)
                reasons << code + u": "_s + detail;
            ImportProblem problem;
            problem.file = path;
            problem.where = order.reference;
            problem.message = ChannelImportText::tr("held in Exception (%1)").arg(reasons.join(u"; "_s));
            problem.error = false;
            problem.orderNumber = order.orderNumber;
            problem.heldOrderId = orders.findId(order.orderNumber).value_or(0);
            outcome.problems.append(problem);
        }
        return outcome;
    }

    static ImportProblem problemOf(const ImportIssue& issue, bool error) {
        ImportProblem problem;
        problem.file = issue.file;
        problem.line = issue.line;
        problem.where = !issue.where.isEmpty() ? issue.where
                        : issue.line > 0       ? ChannelImportText::tr("line %1").arg(issue.line)
                                               : ChannelImportText::tr("whole file");
        problem.message = issue.message;
        problem.error = error;
        return problem;
    }

    std::shared_ptr<ImportRunner> m_csv = makeCsvImportRunner();
};

} // namespace

std::shared_ptr<ImportRunner> makeChannelImportRunner() {
    return std::make_shared<ChannelImportRunner>();
}

} // namespace ordo::ui
