#include "ChooseLocationDialog.h"

#include "CandidateModel.h"
#include "RoutingText.h"
#include "model/Money.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

QString money(qint64 minor, const QString& currency) {
    return Money{minor, currency.isEmpty() ? u"USD"_s : currency}.toString();
}

// Every line the decision is about, by number: the assigned ones and the unfilled ones.
QMap<int, ShipmentLine> decidedLines(const Decision& d) {
    QMap<int, ShipmentLine> lines;
    for (const Shipment& s : d.shipments)
        for (const ShipmentLine& l : s.lines)
            lines.insert(l.lineNo, l);
    for (const ShipmentLine& l : d.unfilled)
        lines.insert(l.lineNo, l);
    return lines;
}

QString routerLocationFor(const Decision& d, int lineNo) {
    for (const Shipment& s : d.shipments)
        for (const ShipmentLine& l : s.lines)
            if (l.lineNo == lineNo)
                return s.locationCode;
    return {};
}

} // namespace

QString proposalSentence(const Decision& d) {
    if (d.shipments.isEmpty())
        return ChooseLocationDialog::tr("The router cannot place this order: %1").arg(d.reason);
    QStringList parts;
    for (const Shipment& s : d.shipments)
        parts << u"%1 (%2)"_s.arg(s.locationCode, formatShipmentLines(s.lines));
    QString text = ChooseLocationDialog::tr("The router would ship from %1 for %2 in total.")
                       .arg(parts.join(u", "_s), money(d.totalCostMinor, d.currency));
    if (!d.unfilled.isEmpty())
        text +=
            u' ' + ChooseLocationDialog::tr("It leaves %1 unassigned.").arg(formatShipmentLines(d.unfilled));
    return text;
}

ChooseLocationDialog::ChooseLocationDialog(const QString& orderNumber, const Decision& proposal,
                                           QWidget* parent)
    : QDialog(parent)
    , m_candidates(new CandidateModel(this))
    , m_note(new QLineEdit) {
    setObjectName(u"chooseLocationDialog"_s);
    setWindowTitle(tr("Choose a location for %1").arg(orderNumber));
    m_candidates->setDecision(proposal);

    auto* layout = new QVBoxLayout(this);
    auto* sentence = new QLabel(proposalSentence(proposal));
    sentence->setObjectName(u"proposalLabel"_s);
    sentence->setWordWrap(true);
    layout->addWidget(sentence);

    auto* table = new QTableView;
    table->setObjectName(u"proposalCandidates"_s);
    table->setModel(m_candidates);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->setWordWrap(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(new QLabel(tr("What the router weighed (hover a cell for the value behind it):")));
    layout->addWidget(table, 1);

    auto* form = new QFormLayout;
    const QMap<int, ShipmentLine> lines = decidedLines(proposal);
    for (const ShipmentLine& line : lines) {
        auto* combo = new QComboBox;
        combo->setObjectName(u"lineLocation%1"_s.arg(line.lineNo));
        const QString routerChoice = routerLocationFor(proposal, line.lineNo);
        for (const CandidateLocation& c : proposal.candidates) {
            if (!c.coverableLines.contains(line.lineNo))
                continue;
            QString label = u"%1 — %2, %3"_s.arg(c.locationCode, money(c.costMinor, proposal.currency),
                                                 formatKm(c.distanceKm));
            if (c.locationCode == routerChoice)
                label += tr(" (the router's choice)");
            else if (!c.eligible) {
                QStringList failed;
                for (const FilterVerdict& v : c.filters)
                    if (!v.passed)
                        failed << filterName(v.filter);
                label += tr(" (fails %1)").arg(failed.join(u", "_s));
            }
            combo->addItem(label, c.locationCode);
        }
        if (combo->count() == 0)
            combo->addItem(tr("no location holds %1 × %2").arg(line.skuCode).arg(line.quantity), QString());
        const int routerIndex = combo->findData(routerChoice);
        combo->setCurrentIndex(routerIndex >= 0 ? routerIndex : 0);
        connect(combo, &QComboBox::currentIndexChanged, this, &ChooseLocationDialog::updateOk);
        form->addRow(tr("Line %1 · %2 × %3:").arg(line.lineNo).arg(line.skuCode).arg(line.quantity), combo);
        m_combos.insert(line.lineNo, combo);
    }
    m_note->setObjectName(u"handChoiceNote"_s);
    m_note->setPlaceholderText(tr("Why this location (kept in the audit trail)"));
    form->addRow(tr("Note:"), m_note);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Reserve there"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_note, &QLineEdit::textChanged, this, &ChooseLocationDialog::updateOk);
    layout->addWidget(buttons);
    resize(860, 520);
    updateOk();
}

void ChooseLocationDialog::updateOk() {
    bool complete = !m_combos.isEmpty() && !note().isEmpty();
    for (const QComboBox* combo : std::as_const(m_combos))
        complete = complete && !combo->currentData().toString().isEmpty();
    m_ok->setEnabled(complete);
}

QList<HandAssignment> ChooseLocationDialog::assignments() const {
    QList<HandAssignment> list;
    for (auto it = m_combos.cbegin(); it != m_combos.cend(); ++it)
        list << HandAssignment{it.key(), it.value()->currentData().toString()};
    std::sort(list.begin(), list.end(),
              [](const HandAssignment& a, const HandAssignment& b) { return a.lineNo < b.lineNo; });
    return list;
}

QString ChooseLocationDialog::note() const {
    return m_note->text().trimmed();
}

} // namespace ordo::ui
