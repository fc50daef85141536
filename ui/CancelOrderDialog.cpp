#include "CancelOrderDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

QStringList CancelOrderDialog::reasonCodes() {
    return {u"CUSTOMER_REQUEST"_s,
            u"OUT_OF_STOCK"_s,
            u"FRAUD_SUSPECTED"_s,
            u"PAYMENT_FAILED"_s,
            u"ADDRESS_INVALID"_s,
            u"DUPLICATE_ORDER"_s,
            u"OTHER"_s};
}

CancelOrderDialog::CancelOrderDialog(const QString& orderNumber, QWidget* parent)
    : QDialog(parent)
    , m_reason(new QComboBox)
    , m_note(new QPlainTextEdit) {
    setObjectName(u"cancelOrderDialog"_s);
    setWindowTitle(tr("Cancel order %1").arg(orderNumber));
    const QStringList labels = {tr("Customer request"),
                                tr("Out of stock"),
                                tr("Fraud suspected"),
                                tr("Payment failed"),
                                tr("Address invalid"),
                                tr("Duplicate order"),
                                tr("Other")};
    const QStringList codes = reasonCodes();
    for (int i = 0; i < codes.size(); ++i)
        m_reason->addItem(u"%1 (%2)"_s.arg(labels.value(i), codes.at(i)), codes.at(i));
    m_note->setPlaceholderText(tr("What happened, and who asked for it"));
    m_note->setTabChangesFocus(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(tr("Note:"), m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Cancel order"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Keep order"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Cancelling releases any reserved stock. This cannot be undone.")));
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(480, 260);
}

QString CancelOrderDialog::reasonCode() const {
    return m_reason->currentData().toString();
}

QString CancelOrderDialog::note() const {
    return m_note->toPlainText().trimmed();
}

} // namespace ordo::ui
