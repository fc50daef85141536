#include "ImportErrors.h"

#include "Error.h"

using namespace Qt::StringLiterals;

namespace ordo {

void throwIfBadRows(const QString& name, QStringList errors) {
    constexpr int maxListedErrors = 20;
    if (errors.isEmpty())
        return;
    const qsizetype total = errors.size();
    if (total > maxListedErrors) {
        errors = errors.mid(0, maxListedErrors);
        errors << u"... and %1 more"_s.arg(total - maxListedErrors);
    }
    throw Error::input(
        u"%1: %2 bad row(s), nothing was imported:\n  %3"_s.arg(name).arg(total).arg(errors.join(u"\n  "_s)));
}

} // namespace ordo
