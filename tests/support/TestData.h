#pragma once

#include <QString>

namespace ordo::test {

// Absolute path of a fixture under tests/data, e.g. testDataPath(u"shopify/orders.csv"_s).
QString testDataPath(const QString& relative);

} // namespace ordo::test
