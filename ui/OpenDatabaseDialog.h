#pragma once

#include <QDialog>

class QLineEdit;

namespace ordo::ui {

// Asks which database to open: a file (standalone) or a postgresql:// URL (central server).
class OpenDatabaseDialog : public QDialog {
    Q_OBJECT

public:
    explicit OpenDatabaseDialog(const QString& currentUrl, QWidget* parent = nullptr);
    QString url() const;

private:
    void browse();

    QLineEdit* m_url;
};

} // namespace ordo::ui
