#include "HoldOrderDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

QStringList HoldOrderDialog::reasonCodes() {
    return {u"MANUAL_HOLD"_s, u"CUSTOMER_REQUEST"_s, u"ADDRESS_CHECK"_s, u"PAYMENT_REVIEW"_s,
            u"FRAUD_SUSPECTED"_s};
}

HoldOrderDialog::HoldOrderDialog(const QString& orderNumber, QWidget* parent)
    : QDialog(parent)
    , m_reason(new QComboBox)
    , m_note(new QPlainTextEdit) {
    setObjectName(u"holdOrderDialog"_s);
    setWindowTitle(tr("Hold order %1").arg(orderNumber));
    const QStringList labels = {tr("Held by hand"), tr("Customer request"), tr("Address to check"),
                                tr("Payment to review"), tr("Fraud suspected")};
    const QStringList codes = reasonCodes();
    for (int i = 0; i < codes.size(); ++i)
        m_reason->addItem(u"%1 (%2)"_s.arg(labels.value(i), codes.at(i)), codes.at(i));
    m_reason->setObjectName(u"holdReason"_s);
    m_note->setObjectName(u"holdNote"_s);
    m_note->setPlaceholderText(tr("What must be checked before the order goes on"));
    m_note->setTabChangesFocus(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(tr("Note:"), m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Hold order"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The order stops where it is and waits in the Exceptions queue.")));
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(480, 260);
}

QString HoldOrderDialog::reasonCode() const {
    return m_reason->currentData().toString();
}

QString HoldOrderDialog::note() const {
    return m_note->toPlainText().trimmed();
}

} // namespace ordo::ui
