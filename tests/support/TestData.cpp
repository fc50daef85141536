#include "TestData.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace ordo::test {

QString testDataPath(const QString& relative) {
    return QDir(QStringLiteral(ORDO_TEST_DATA_DIR)).filePath(relative);
}

} // namespace ordo::test
