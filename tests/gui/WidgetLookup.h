#pragma once

// Finding the console's widgets by object name in GUI tests, with a warning that names what is missing.

#include <QString>
#include <QWidget>

namespace ordo::test::gui {

template <typename T> T* findWidget(const QWidget* root, const QString& name) {
    T* child = root->findChild<T*>(name);
    if (!child)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return child;
}

} // namespace ordo::test::gui
