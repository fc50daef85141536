#include "X12PurchaseOrderReader.h"

#include "formats/x12/X12Interchange.h"
#include "formats/x12/X12PurchaseOrderMapper.h"
#include "formats/x12/X12Tokenizer.h"

using namespace Qt::StringLiterals;

namespace ordo {

bool X12PurchaseOrderReader::sniff(QByteArrayView content) {
    return X12Tokenizer::looksLikeX12(content);
}

ParsedDocument X12PurchaseOrderReader::read(const QByteArray& content, const QString& fileName) {
    return collect([&](const DocumentSink& sink) { read(content, fileName, sink); });
}

void X12PurchaseOrderReader::read(const QByteArray& content, const QString& fileName,
                                  const DocumentSink& sink) {
    const X12Interchange ic = X12Interchange::parse(content, fileName);
    for (const X12FunctionalGroup& group : ic.groups) {
        for (const X12TransactionSet& set : group.sets) {
            QString problem;
            if (auto po = mapX12PurchaseOrder(ic, content, group, set, problem)) {
                sink.order(std::move(po->imported));
                continue;
            }
            // "segment 14 (PO1): element 02: ..." splits into where and reason at the first ": ".
            const qsizetype colon = problem.indexOf(u": "_s);
            sink.problem({fileName, problem.left(colon), problem.mid(colon + 2)});
        }
    }
}

} // namespace ordo
