#include "OrdoProcess.h"

#include <QProcess>

namespace ordo::test {

OrdoRun runOrdo(const QStringList& arguments, const QByteArray& input) {
    QProcess process;
    process.start(QStringLiteral(ORDO_EXECUTABLE), arguments);
    if (!process.waitForStarted(30000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(300000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace ordo::test
