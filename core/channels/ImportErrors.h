#pragma once

#include <QString>
#include <QStringList>

namespace ordo {

// Refuses a whole file of master data when any of its rows is bad: Error::input "<name>: N bad row(s),
// nothing was imported:" with the first 20 of `errors` (one per line, in file order) and how many more there
// were. Does nothing when `errors` is empty.
void throwIfBadRows(const QString& name, QStringList errors);

} // namespace ordo
