#pragma once

#include "orders/OrderCorrections.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace ordo::ui {

// Edits a held order's ship-to: the fields prefilled from the order, the reasons it is held for at the top,
// the postal code checked against its country's format as it is typed (PostalCodes). Coordinates are not
// edited here: the service keeps them while the postal code and country stay, and drops them otherwise.
class AddressDialog : public QDialog {
    Q_OBJECT

public:
    explicit AddressDialog(const CorrectionContext& context, QWidget* parent = nullptr);

    Address address() const; // without coordinates (see the class comment)
    QString note() const;

    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* line1Edit() const { return m_line1; }
    QLineEdit* cityEdit() const { return m_city; }
    QLineEdit* regionEdit() const { return m_region; }
    QLineEdit* postalCodeEdit() const { return m_postalCode; }
    QLineEdit* countryEdit() const { return m_country; }
    QLabel* postalCheck() const { return m_postalCheck; }
    QPushButton* saveButton() const { return m_save; }

private:
    void checkPostalCode();
    void updateCoordinatesNote();

    Address m_before;
    QLineEdit* m_name;
    QLineEdit* m_line1;
    QLineEdit* m_city;
    QLineEdit* m_region;
    QLineEdit* m_postalCode;
    QLineEdit* m_country;
    QLabel* m_postalCheck;
    QLabel* m_coordinates;
    QPlainTextEdit* m_note;
    QPushButton* m_save = nullptr;
};

// The reasons an order is held for, one per line, for the top of the correction dialogs.
QLabel* heldReasonsLabel(const QList<ExceptionReason>& reasons);

} // namespace ordo::ui
