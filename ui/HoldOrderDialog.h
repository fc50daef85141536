#pragma once

#include <QDialog>

class QComboBox;
class QPlainTextEdit;

namespace ordo::ui {

// Asks why a person holds an order: a reason code from a fixed list and a note, which the Exceptions queue
// shows beside the order until somebody releases or cancels it.
class HoldOrderDialog : public QDialog {
    Q_OBJECT

public:
    explicit HoldOrderDialog(const QString& orderNumber, QWidget* parent = nullptr);

    QString reasonCode() const;
    QString note() const;

    // The codes offered, stable and shown in the queue and the audit trail.
    static QStringList reasonCodes();

private:
    QComboBox* m_reason;
    QPlainTextEdit* m_note;
};

} // namespace ordo::ui
