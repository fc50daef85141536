#pragma once

#include <QDialog>

class QComboBox;
class QPlainTextEdit;

namespace ordo::ui {

// Asks why an order is cancelled: a reason code from a fixed list and a note for the audit trail.
class CancelOrderDialog : public QDialog {
    Q_OBJECT

public:
    explicit CancelOrderDialog(const QString& orderNumber, QWidget* parent = nullptr);

    QString reasonCode() const;
    QString note() const;

    // The codes offered, stable and shown in the audit trail.
    static QStringList reasonCodes();

private:
    QComboBox* m_reason;
    QPlainTextEdit* m_note;
};

} // namespace ordo::ui
