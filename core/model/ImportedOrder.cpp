#include "ImportedOrder.h"

using namespace Qt::StringLiterals;

namespace ordo {

QString ParseProblem::toString() const {
    QStringList parts;
    for (const QString& part : {fileName, where, reason})
        if (!part.isEmpty())
            parts << part;
    return parts.join(u": "_s);
}

} // namespace ordo
