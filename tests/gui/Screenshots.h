#pragma once

// Where the GUI tests save their pictures of the console for people to look at: ORDO_SCREENSHOT_DIR when it
// is set (ORDO_SCREENSHOT_DIR=/tmp/ordo-shots), else a temporary folder removed when the test ends, so that
// the screenshot slots always run (grab, save, check the file) instead of skipping. (Header-only so that
// every tests/gui/tst_*.cpp can use it without a library of its own.)

#include <QDir>
#include <QImage>
#include <QString>
#include <QTemporaryDir>
#include <QWidget>

namespace ordo::test::gui {

inline QString screenshotDir() {
    QString dir = qEnvironmentVariable("ORDO_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        static QTemporaryDir temporary; // lives until the test program ends
        dir = temporary.path();
    }
    QDir().mkpath(dir);
    return dir;
}

// Grabs `widget` into `name` (a PNG) in the screenshot folder; false when the picture is not written whole.
inline bool saveScreenshot(QWidget* widget, const QString& name) {
    const QString path = screenshotDir() + u'/' + name;
    const QPixmap picture = widget->grab();
    if (picture.isNull() || !picture.save(path))
        return false;
    return QImage(path).size() == picture.size();
}

} // namespace ordo::test::gui
