#include "ImportedOrder.h"

using namespace Qt::StringLiterals;

namespace ordo {

ParsedDocument collect(const std::function<void(const DocumentSink&)>& parse) {
    ParsedDocument doc;
    parse(DocumentSink{[&doc](ImportedOrder&& order) { doc.orders << std::move(order); },
                       [&doc](ParseProblem&& problem) { doc.problems << std::move(problem); }});
    return doc;
}

QString ParseProblem::toString() const {
    QStringList parts;
    for (const QString& part : {fileName, where, reason})
        if (!part.isEmpty())
            parts << part;
    return parts.join(u": "_s);
}

} // namespace ordo
