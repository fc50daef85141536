#include "ChannelDocument.h"

#include "model/Money.h"
#include "model/OrderAmounts.h"

using namespace Qt::StringLiterals;

namespace ordo::ChannelDocument {

namespace {

ParseProblem problemOf(const QString& fileName, const JsonFieldError& e) {
    return ParseProblem{fileName, e.where.isEmpty() ? u"(top level)"_s : e.where, e.reason};
}

} // namespace

void read(const QString& format, const QByteArray& content, const QString& fileName,
          const std::function<QList<JsonNode>(const JsonNode& root)>& ordersOf,
          const std::function<ImportedOrder(const JsonNode& order)>& readOrder, const DocumentSink& sink) {
    const JsonNode root(ChannelJson::parse(content, fileName), QString());
    QList<JsonNode> orders;
    try {
        orders = ordersOf(root);
    } catch (const JsonFieldError& e) {
        sink.problem(problemOf(fileName, e));
        return;
    }
    for (const JsonNode& node : std::as_const(orders)) {
        try {
            ImportedOrder imported = readOrder(node);
            // The readers name the field of a line or amount past the ceiling; what only the whole order
            // passes (its value with every charge) is named at the order.
            if (const QString problem = OrderAmounts::problem(imported.order); !problem.isEmpty())
                node.fail(problem);
            QByteArray kept = std::move(imported.source.content);
            if (kept.isEmpty())
                kept = ChannelJson::toText(node.value());
            imported.source = SourceDocument{
                format, fileName, node.path().isEmpty() ? u"order"_s : node.path(), std::move(kept)};
            sink.order(std::move(imported));
        } catch (const JsonFieldError& e) {
            sink.problem(problemOf(fileName, e));
        }
    }
}

QString currency(const QString& code, const JsonNode& field) {
    const QString upper = code.toUpper();
    if (!isCurrencyCode(upper))
        field.fail(u"'%1' is not an ISO 4217 currency code"_s.arg(upper));
    return upper;
}

} // namespace ordo::ChannelDocument
