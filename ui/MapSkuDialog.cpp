#include "MapSkuDialog.h"

#include "AddressDialog.h"
#include "CorrectionBackend.h"
#include "OrderBackend.h"
#include "SkuMatchModel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

constexpr int searchLimit = 50;
enum LineColumn { LineNo, SentAs, PartNumbers, Title, Quantity, LineColumnCount };

QString partNumbersText(const QList<PartNumber>& parts) {
    QStringList texts;
    for (const PartNumber& p : parts)
        texts << p.qualifier + u' ' + p.number;
    return texts.join(u", "_s);
}

} // namespace

MapSkuDialog::MapSkuDialog(const CorrectionContext& context, CorrectionBackend* backend, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_backend(backend)
    , m_lines(new QTableWidget(int(context.unknownLines.size()), LineColumnCount))
    , m_search(new QLineEdit)
    , m_searchDelay(new QTimer(this))
    , m_matches(new SkuMatchModel(this))
    , m_matchesView(new QTableView)
    , m_chosen(new QLabel)
    , m_remember(new QCheckBox)
    , m_everywhere(new QCheckBox) {
    setObjectName(u"mapSkuDialog"_s);
    setWindowTitle(tr("Map SKU of order %1").arg(context.orderNumber));

    m_lines->setObjectName(u"unknownLines"_s);
    m_lines->setHorizontalHeaderLabels(
        {tr("Line"), tr("Sent as"), tr("Part numbers"), tr("Title"), tr("Qty")});
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lines->setSelectionMode(QAbstractItemView::SingleSelection);
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->verticalHeader()->hide();
    m_lines->horizontalHeader()->setSectionResizeMode(Title, QHeaderView::Stretch);
    for (int row = 0; row < context.unknownLines.size(); ++row) {
        const UnknownLine& line = context.unknownLines.at(row);
        const QStringList cells{QString::number(line.lineNo),
                                line.rawCode.isEmpty() ? tr("(no code)") : line.rawCode,
                                line.partNumbers.isEmpty() ? u"—"_s : partNumbersText(line.partNumbers),
                                line.title, QString::number(line.quantity)};
        for (int column = 0; column < LineColumnCount; ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (column == LineNo || column == Quantity)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_lines->setItem(row, column, item);
        }
    }
    m_lines->resizeColumnsToContents();
    for (int column : {LineNo, SentAs, PartNumbers, Quantity})
        m_lines->setColumnWidth(column, m_lines->columnWidth(column) + 16);
    m_lines->horizontalHeader()->setStretchLastSection(false);
    m_lines->setMaximumHeight(m_lines->horizontalHeader()->height() +
                              m_lines->verticalHeader()->defaultSectionSize() *
                                  int(qMin<qsizetype>(4, qMax<qsizetype>(1, context.unknownLines.size()))) +
                              4);
    if (!context.unknownLines.isEmpty())
        m_lines->selectRow(0);

    m_search->setObjectName(u"skuSearch"_s);
    m_search->setPlaceholderText(tr("Search the catalogue by SKU code or name"));
    m_search->setClearButtonEnabled(true);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    m_matchesView->setObjectName(u"skuMatches"_s);
    m_matchesView->setModel(m_matches);
    m_matchesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_matchesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matchesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matchesView->verticalHeader()->hide();
    m_matchesView->horizontalHeader()->setStretchLastSection(true);
    m_matchesView->verticalHeader()->setDefaultSectionSize(m_matchesView->fontMetrics().height() + 10);
    m_matchesView->setColumnWidth(SkuMatchModel::Code,
                                  m_matchesView->fontMetrics().horizontalAdvance(u"SKU-0000000"_s));
    m_matchesView->setMinimumHeight(140);
    m_chosen->setObjectName(u"chosenSku"_s);

    const bool hasPartner = !context.partner.isEmpty();
    m_remember->setObjectName(u"rememberBox"_s);
    m_remember->setText(
        hasPartner ? tr("Remember for partner %1: map it by itself on the next import").arg(context.partner)
                   : tr("Remember for this partner"));
    m_remember->setEnabled(hasPartner);
    if (!hasPartner)
        m_remember->setToolTip(tr("The order was not imported from a channel document: there is no partner "
                                  "to remember the code for"));
    m_everywhere->setObjectName(u"everywhereBox"_s);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_map = buttons->button(QDialogButtonBox::Ok);
    m_map->setText(tr("Map and validate"));
    m_map->setObjectName(u"mapButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heldReasonsLabel(context.reasons));
    layout->addWidget(new QLabel(tr("Lines the catalogue does not know:")));
    layout->addWidget(m_lines);
    layout->addWidget(new QLabel(tr("Catalogue SKU:")));
    layout->addWidget(m_search);
    layout->addWidget(m_matchesView, 1);
    layout->addWidget(m_chosen);
    layout->addWidget(m_remember);
    layout->addWidget(m_everywhere);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &MapSkuDialog::search);
    connect(m_backend, &CorrectionBackend::skusFound, this,
            [this](quint64 generation, const QString&, const QList<SkuMatch>& matches) {
                if (generation != m_generation)
                    return;
                m_matches->setMatches(matches);
                if (matches.size() == 1)
                    m_matchesView->selectRow(0);
                updateState();
            });
    connect(m_matchesView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MapSkuDialog::updateState);
    connect(m_lines, &QTableWidget::itemSelectionChanged, this, &MapSkuDialog::updateState);
    updateState();
    resize(640, 520);
}

void MapSkuDialog::search() {
    m_generation = OrderBackend::nextGeneration();
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        m_matches->setMatches({});
        updateState();
        return;
    }
    m_backend->findSkus(m_generation, text, searchLimit);
}

int MapSkuDialog::lineNo() const {
    const QList<QTableWidgetItem*> selected = m_lines->selectedItems();
    return selected.isEmpty() ? 0 : m_context.unknownLines.at(selected.first()->row()).lineNo;
}

QString MapSkuDialog::code() const {
    const QList<QTableWidgetItem*> selected = m_lines->selectedItems();
    if (selected.isEmpty())
        return {};
    const UnknownLine& line = m_context.unknownLines.at(selected.first()->row());
    if (!line.rawCode.isEmpty())
        return line.rawCode;
    return line.partNumbers.isEmpty() ? QString() : line.partNumbers.first().number;
}

QString MapSkuDialog::skuCode() const {
    const QModelIndexList rows = m_matchesView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_matches->match(rows.first().row()).code;
}

bool MapSkuDialog::remember() const {
    return m_remember->isEnabled() && m_remember->isChecked();
}

bool MapSkuDialog::everywhere() const {
    return m_everywhere->isEnabled() && m_everywhere->isChecked();
}

void MapSkuDialog::updateState() {
    const QString sent = code();
    m_everywhere->setEnabled(!sent.isEmpty());
    m_everywhere->setText(sent.isEmpty() ? tr("Apply to every held order with this code")
                                         : tr("Apply to every held order with '%1'").arg(sent));
    const QString sku = skuCode();
    if (sku.isEmpty()) {
        m_chosen->setText(tr("Choose the SKU the line is for."));
    } else {
        const QModelIndexList rows = m_matchesView->selectionModel()->selectedRows();
        m_chosen->setText(
            tr("Line %1 → %2 (%3)").arg(lineNo()).arg(sku, m_matches->match(rows.first().row()).name));
    }
    m_map->setEnabled(lineNo() != 0 && !sku.isEmpty());
}

} // namespace ordo::ui
