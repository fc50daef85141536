#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace ordo::ui {

// Asks for the note that goes with releasing a held order.
class ReleaseOrderDialog : public QDialog {
    Q_OBJECT

public:
    explicit ReleaseOrderDialog(const QString& orderNumber, const QString& heldFor,
                                QWidget* parent = nullptr);
    QString note() const;

private:
    QPlainTextEdit* m_note;
};

} // namespace ordo::ui
