#pragma once

#include "InventoryBackend.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ordo::ui {

// Asks for a stock correction of one SKU: the location, the change (+/-), a reason code and a note. Shows
// what on hand becomes and refuses a change of zero or one that would take on hand below zero.
class AdjustStockDialog : public QDialog {
    Q_OBJECT

public:
    AdjustStockDialog(const QString& skuCode, const QString& skuName, const QStringList& locationCodes,
                      const QHash<QString, qint64>& onHandByLocation, const QString& currentLocation,
                      QWidget* parent = nullptr);

    StockAdjustment adjustment() const;

    // For filling the dialog programmatically.
    void setLocation(const QString& locationCode);
    void setDelta(qint64 delta);
    void setReasonCode(const QString& code);
    void setNote(const QString& note);
    bool canAccept() const;

    // The codes offered, stable and stored with the ledger event.
    static QStringList reasonCodes();

private:
    void updatePreview();

    QString m_skuCode;
    QHash<QString, qint64> m_onHand;
    QComboBox* m_location;
    QSpinBox* m_delta;
    QComboBox* m_reason;
    QLineEdit* m_note;
    QLabel* m_preview;
    QPushButton* m_ok = nullptr;
};

} // namespace ordo::ui
