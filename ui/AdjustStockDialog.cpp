#include "AdjustStockDialog.h"

#include "Format.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

QStringList AdjustStockDialog::reasonCodes() {
    return {u"CYCLE_COUNT"_s, u"RECEIVED"_s, u"FOUND"_s, u"DAMAGED"_s,
            u"SHRINKAGE"_s,   u"RETURNED"_s, u"OTHER"_s};
}

AdjustStockDialog::AdjustStockDialog(const QString& skuCode, const QString& skuName,
                                     const QStringList& locationCodes,
                                     const QHash<QString, qint64>& onHandByLocation,
                                     const QString& currentLocation, QWidget* parent)
    : QDialog(parent)
    , m_skuCode(skuCode)
    , m_onHand(onHandByLocation)
    , m_location(new QComboBox)
    , m_delta(new QSpinBox)
    , m_reason(new QComboBox)
    , m_note(new QLineEdit)
    , m_preview(new QLabel) {
    setObjectName(u"adjustStockDialog"_s);
    setWindowTitle(tr("Adjust stock of %1").arg(skuCode));
    m_location->setObjectName(u"adjustLocation"_s);
    m_location->addItems(locationCodes);
    if (!currentLocation.isEmpty())
        m_location->setCurrentText(currentLocation);
    m_delta->setObjectName(u"adjustDelta"_s);
    m_delta->setRange(-1'000'000'000, 1'000'000'000);
    m_delta->setSingleStep(1);
    m_delta->setValue(0);
    m_delta->setToolTip(tr("Units to add (positive) or to take away (negative)"));
    m_reason->setObjectName(u"adjustReason"_s);
    const QStringList labels = {tr("Cycle count"), tr("Received"), tr("Found"), tr("Damaged"),
                                tr("Shrinkage"),   tr("Returned"), tr("Other")};
    const QStringList codes = reasonCodes();
    for (int i = 0; i < codes.size(); ++i)
        m_reason->addItem(u"%1 (%2)"_s.arg(labels.value(i), codes.at(i)), codes.at(i));
    m_note->setObjectName(u"adjustNote"_s);
    m_note->setPlaceholderText(tr("What was found, and where"));
    m_preview->setObjectName(u"adjustPreview"_s);

    auto* form = new QFormLayout;
    auto* sku = new QLabel(u"%1 — %2"_s.arg(skuCode, skuName));
    sku->setTextFormat(Qt::PlainText);
    form->addRow(tr("SKU:"), sku);
    form->addRow(tr("Location:"), m_location);
    form->addRow(tr("Change (+/−):"), m_delta);
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(tr("Note:"), m_note);
    form->addRow(QString(), m_preview);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Adjust stock"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_location, &QComboBox::currentTextChanged, this, &AdjustStockDialog::updatePreview);
    connect(m_delta, &QSpinBox::valueChanged, this, &AdjustStockDialog::updatePreview);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("The change is written to the stock ledger with your name and the reason.")));
    layout->addLayout(form);
    layout->addWidget(buttons);
    updatePreview();
    resize(460, 280);
}

StockAdjustment AdjustStockDialog::adjustment() const {
    return {m_location->currentText(), m_skuCode, m_delta->value(), m_reason->currentData().toString(),
            m_note->text().trimmed()};
}

void AdjustStockDialog::setLocation(const QString& locationCode) {
    m_location->setCurrentText(locationCode);
}

void AdjustStockDialog::setDelta(qint64 delta) {
    m_delta->setValue(int(delta));
}

void AdjustStockDialog::setReasonCode(const QString& code) {
    m_reason->setCurrentIndex(m_reason->findData(code));
}

void AdjustStockDialog::setNote(const QString& note) {
    m_note->setText(note);
}

bool AdjustStockDialog::canAccept() const {
    const qint64 onHand = m_onHand.value(m_location->currentText(), 0);
    return !m_location->currentText().isEmpty() && m_delta->value() != 0 && onHand + m_delta->value() >= 0 &&
           m_reason->currentIndex() >= 0;
}

void AdjustStockDialog::updatePreview() {
    const qint64 onHand = m_onHand.value(m_location->currentText(), 0);
    const qint64 after = onHand + m_delta->value();
    if (m_delta->value() == 0)
        m_preview->setText(tr("On hand at %1: %2").arg(m_location->currentText(), formatCount(onHand)));
    else if (after < 0)
        m_preview->setText(tr("On hand at %1 is %2: it cannot go below zero.")
                               .arg(m_location->currentText(), formatCount(onHand)));
    else
        m_preview->setText(tr("On hand at %1: %2 → %3")
                               .arg(m_location->currentText(), formatCount(onHand), formatCount(after)));
    m_preview->setProperty("role", after < 0 ? u"warning"_s : QString());
    if (m_ok)
        m_ok->setEnabled(canAccept());
}

} // namespace ordo::ui
