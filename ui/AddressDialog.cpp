#include "AddressDialog.h"

#include "orders/PostalCodes.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

// Examples of the formats PostalCodes checks, to say what is expected.
QString formatHint(const QString& country) {
    static const QHash<QString, QString> hints = {{u"US"_s, u"12345 or 12345-6789"_s},
                                                  {u"CA"_s, u"A1A 1A1"_s},
                                                  {u"GB"_s, u"SW1A 1AA"_s},
                                                  {u"DE"_s, u"12345"_s},
                                                  {u"FR"_s, u"75001"_s},
                                                  {u"NL"_s, u"1234 AB"_s},
                                                  {u"AU"_s, u"2000"_s}};
    return hints.value(country);
}

QString placeKey(const QString& country, const QString& postalCode) {
    return country.trimmed().toUpper() + u'|' + postalCode.simplified().remove(u' ').toUpper();
}

} // namespace

QLabel* heldReasonsLabel(const QList<ExceptionReason>& reasons) {
    QStringList lines;
    for (const ExceptionReason& r : reasons)
        lines << u"<b>%1</b> %2"_s.arg(r.code.toHtmlEscaped(), r.detail.toHtmlEscaped());
    auto* label =
        new QLabel(reasons.isEmpty() ? QObject::tr("The order is not held.")
                                     : QObject::tr("Held for:") + u"<br>"_s + lines.join(u"<br>"_s));
    label->setObjectName(u"heldReasons"_s);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setStyleSheet(u"QLabel#heldReasons { background: #fdf1e6; border: 1px solid #e3b27a; "
                         "border-radius: 4px; padding: 6px; color: #5a3300; }"_s);
    return label;
}

AddressDialog::AddressDialog(const CorrectionContext& context, QWidget* parent)
    : QDialog(parent)
    , m_before(context.shipTo)
    , m_name(new QLineEdit(context.shipTo.name))
    , m_line1(new QLineEdit(context.shipTo.line1))
    , m_city(new QLineEdit(context.shipTo.city))
    , m_region(new QLineEdit(context.shipTo.region))
    , m_postalCode(new QLineEdit(context.shipTo.postalCode))
    , m_country(new QLineEdit(context.shipTo.country))
    , m_postalCheck(new QLabel)
    , m_coordinates(new QLabel)
    , m_note(new QPlainTextEdit) {
    setObjectName(u"addressDialog"_s);
    setWindowTitle(tr("Ship-to of order %1").arg(context.orderNumber));
    m_name->setObjectName(u"nameEdit"_s);
    m_line1->setObjectName(u"line1Edit"_s);
    m_city->setObjectName(u"cityEdit"_s);
    m_region->setObjectName(u"regionEdit"_s);
    m_postalCode->setObjectName(u"postalCodeEdit"_s);
    m_country->setObjectName(u"countryEdit"_s);
    m_postalCheck->setObjectName(u"postalCheck"_s);
    m_coordinates->setObjectName(u"coordinatesNote"_s);
    m_country->setMaxLength(2);
    m_country->setMaximumWidth(m_country->fontMetrics().horizontalAdvance(u"MMMM"_s) + 16);
    m_country->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[A-Za-z]{0,2}"_s), m_country));
    m_country->setToolTip(tr("ISO 3166 two-letter code: US, CA, GB, DE..."));
    m_region->setToolTip(tr("State or province code, e.g. NY or ON"));
    m_coordinates->setWordWrap(true);
    m_coordinates->setStyleSheet(u"color: palette(mid);"_s);
    m_note->setObjectName(u"noteEdit"_s);
    m_note->setPlaceholderText(tr("What was checked, e.g. confirmed with the customer by phone"));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(m_note->fontMetrics().height() * 3 + 12);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Street:"), m_line1);
    form->addRow(tr("City:"), m_city);
    form->addRow(tr("State / region:"), m_region);
    auto* postalRow = new QHBoxLayout;
    postalRow->addWidget(m_postalCode, 1);
    postalRow->addWidget(m_postalCheck, 2);
    form->addRow(tr("Postal code:"), postalRow);
    form->addRow(tr("Country:"), m_country);
    form->addRow(QString(), m_coordinates);
    form->addRow(tr("Note:"), m_note);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_save = buttons->button(QDialogButtonBox::Ok);
    m_save->setText(tr("Save and validate"));
    m_save->setObjectName(u"saveAddressButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heldReasonsLabel(context.reasons));
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addWidget(buttons);

    for (QLineEdit* edit : {m_postalCode, m_country}) {
        connect(edit, &QLineEdit::textChanged, this, &AddressDialog::checkPostalCode);
        connect(edit, &QLineEdit::textChanged, this, &AddressDialog::updateCoordinatesNote);
    }
    checkPostalCode();
    updateCoordinatesNote();
    resize(560, sizeHint().height());
}

void AddressDialog::checkPostalCode() {
    const QString country = m_country->text().trimmed().toUpper();
    const QString postal = m_postalCode->text().trimmed();
    QString text;
    QString colour = u"#2e7d32"_s;
    if (postal.isEmpty()) {
        text = tr("A postal code is needed");
        colour = u"#b3261e"_s;
    } else if (const std::optional<bool> valid = PostalCodes::hasValidFormat(country, postal); !valid) {
        text = country.size() == 2 ? tr("Not checked for %1").arg(country) : tr("Give the country");
        colour = u"#6b6b6b"_s;
    } else if (*valid) {
        text = tr("✓ A postal code of %1").arg(country);
    } else {
        text = tr("✗ Not a postal code of %1 (%2)").arg(country, formatHint(country));
        colour = u"#b3261e"_s;
    }
    m_postalCheck->setText(text);
    m_postalCheck->setStyleSheet(u"color: %1;"_s.arg(colour));
    m_postalCheck->setProperty("valid", colour == u"#2e7d32"_s);
}

void AddressDialog::updateCoordinatesNote() {
    if (!m_before.position) {
        m_coordinates->setText(tr("The order has no coordinates."));
        return;
    }
    const QString where =
        u"%1, %2"_s.arg(m_before.position->latitude, 0, 'f', 4).arg(m_before.position->longitude, 0, 'f', 4);
    const bool samePlace =
        placeKey(m_country->text(), m_postalCode->text()) == placeKey(m_before.country, m_before.postalCode);
    m_coordinates->setText(samePlace
                               ? tr("Coordinates %1 are kept.").arg(where)
                               : tr("Coordinates %1 will be dropped: the postal code changed.").arg(where));
}

Address AddressDialog::address() const {
    return Address{m_name->text(),       m_line1->text(),   m_city->text(), m_region->text(),
                   m_postalCode->text(), m_country->text(), std::nullopt};
}

QString AddressDialog::note() const {
    return m_note->toPlainText().trimmed();
}

} // namespace ordo::ui
