#include "OrderDetailPanel.h"

#include "Format.h"
#include "OrderActions.h"
#include "RoutingPanel.h"
#include "StatusBadgeDelegate.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

QLabel* selectableLabel(const QString& objectName) {
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString stateName(const QString& code) {
    const std::optional<OrderStatus> status = orderStatusFromCode(code);
    return status ? statusName(*status) : code;
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

OrderDetailPanel::OrderDetailPanel(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"orderDetailPanel"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);

    // Header: number, status badge, close.
    auto* header = new QHBoxLayout;
    m_header = header;
    m_number = selectableLabel(u"orderNumberLabel"_s);
    QFont big = m_number->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_number->setFont(big);
    m_badge = new QLabel;
    m_badge->setObjectName(u"statusBadge"_s);
    m_message = new QLabel;
    m_message->setObjectName(u"detailMessage"_s);
    m_message->setWordWrap(true);
    auto* close = new QToolButton;
    close->setText(tr("Close"));
    close->setToolTip(tr("Close the order detail"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &OrderDetailPanel::closeRequested);
    header->addWidget(m_number);
    header->addSpacing(8);
    header->addWidget(m_badge);
    header->addSpacing(8);
    header->addWidget(m_message, 1);
    header->addWidget(close);
    layout->addLayout(header);

    // Facts: caption above value, in one row.
    m_factsBox = new QWidget;
    auto* facts = new QGridLayout(m_factsBox);
    facts->setContentsMargins(0, 0, 0, 0);
    facts->setHorizontalSpacing(28);
    facts->setVerticalSpacing(1);
    m_channel = addFact(0, tr("Channel"), u"channelValue"_s);
    m_placed = addFact(1, tr("Placed"), u"placedValue"_s);
    m_total = addFact(2, tr("Total"), u"totalValue"_s);
    m_delivery = addFact(3, tr("Delivery"), u"deliveryValue"_s);
    m_requested = addFact(4, tr("Requested for"), u"requestedValue"_s);
    m_external = addFact(5, tr("Channel order id"), u"externalIdValue"_s);
    facts->setColumnStretch(6, 1);
    layout->addWidget(m_factsBox);

    m_exceptions = new QLabel;
    m_exceptions->setObjectName(u"exceptionReasons"_s);
    m_exceptions->setWordWrap(true);
    m_exceptions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exceptions->setProperty("role", u"exceptionBox"_s);
    layout->addWidget(m_exceptions);

    // Body: lines above the timeline on the left, customer and ship-to on the right.
    m_body = new QSplitter(Qt::Horizontal);
    m_body->setObjectName(u"detailBodySplitter"_s);
    m_body->setChildrenCollapsible(false);
    auto* story = new QSplitter(Qt::Vertical);
    story->setChildrenCollapsible(false);

    auto* linesBox = new QGroupBox(tr("Lines"));
    auto* linesLayout = new QVBoxLayout(linesBox);
    m_lines = new QTableWidget(0, 7);
    m_lines->setObjectName(u"linesTable"_s);
    m_lines->setHorizontalHeaderLabels(
        {tr("#"), tr("SKU"), tr("Qty"), tr("Unit price"), tr("Amount"), tr("State"), tr("Location")});
    for (int column : {0, 2, 3, 4})
        m_lines->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_lines->verticalHeader()->hide();
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lines->setAlternatingRowColors(true);
    m_lines->setWordWrap(false);
    m_lines->setItemDelegateForColumn(5, new StatusBadgeDelegate(StatusRole, m_lines));
    m_lines->horizontalHeader()->setStretchLastSection(true);
    m_lines->horizontalHeader()->setHighlightSections(false);
    m_lines->verticalHeader()->setDefaultSectionSize(m_lines->fontMetrics().height() + 10);
    linesLayout->addWidget(m_lines);
    story->addWidget(linesBox);

    auto* timelineBox = new QGroupBox(tr("Timeline"));
    auto* timelineLayout = new QVBoxLayout(timelineBox);
    m_timeline = new QTreeWidget;
    m_timeline->setObjectName(u"timelineTree"_s);
    m_timeline->setRootIsDecorated(false);
    m_timeline->setAlternatingRowColors(true);
    m_timeline->setUniformRowHeights(true);
    m_timeline->setWordWrap(false);
    m_timeline->setHeaderLabels({tr("When"), tr("Who"), tr("Change"), tr("Reason"), tr("Detail")});
    m_timeline->header()->setStretchLastSection(true);
    timelineLayout->addWidget(m_timeline);
    story->addWidget(timelineBox);
    story->setStretchFactor(0, 2);
    story->setStretchFactor(1, 3);
    m_body->addWidget(story);

    auto* partiesBox = new QGroupBox(tr("Customer and ship-to"));
    m_customerForm = new QFormLayout(partiesBox);
    m_customerForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_customerName = selectableLabel(u"customerNameValue"_s);
    m_email = selectableLabel(u"emailValue"_s);
    m_phone = selectableLabel(u"phoneValue"_s);
    m_address = selectableLabel(u"addressValue"_s);
    m_address->setWordWrap(true);
    m_coordinates = selectableLabel(u"coordinatesValue"_s);
    m_customerForm->addRow(tr("Name:"), m_customerName);
    m_customerForm->addRow(tr("E-mail:"), m_email);
    m_customerForm->addRow(tr("Phone:"), m_phone);
    m_customerForm->addRow(tr("Ship to:"), m_address);
    m_customerForm->addRow(tr("Coordinates:"), m_coordinates);
    m_body->addWidget(partiesBox);

    m_body->setStretchFactor(0, 3);
    m_body->setStretchFactor(1, 1);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"detailTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_body, tr("Overview"));
    m_routing = new RoutingPanel;
    m_tabs->addTab(m_routing, tr("Routing"));
    layout->addWidget(m_tabs, 1);
}

QLabel* OrderDetailPanel::addFact(int column, const QString& caption, const QString& objectName) {
    auto* grid = static_cast<QGridLayout*>(m_factsBox->layout());
    auto* captionLabel = new QLabel(caption);
    captionLabel->setProperty("role", u"caption"_s);
    QPalette palette = captionLabel->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    captionLabel->setPalette(palette);
    auto* value = selectableLabel(objectName);
    grid->addWidget(captionLabel, 0, column);
    grid->addWidget(value, 1, column);
    return value;
}

void OrderDetailPanel::setActions(OrderActions* actions) {
    m_actions = actions;
    m_header->insertWidget(m_header->count() - 1, actions); // before Close
    if (m_orderId == 0)
        actions->clear();
}

void OrderDetailPanel::showLoading(const QString& orderNumber) {
    m_number->setText(orderNumber);
    m_message->setText(tr("Loading…"));
    if (m_actions)
        m_actions->clear(); // until the detail of the order asked for arrives
}

void OrderDetailPanel::showError(const QString& message) {
    m_message->setText(message);
}

void OrderDetailPanel::showDetail(const OrderDetail& detail) {
    const Order& order = detail.order;
    m_orderId = order.id;
    m_number->setText(order.orderNumber);
    m_message->clear();

    const BadgeColors colors = statusColors(order.status);
    m_badge->setText(statusName(order.status));
    m_badge->setStyleSheet(u"QLabel { background: %1; color: %2; border: 1px solid %3; border-radius: 9px; "
                           "padding: 1px 10px; }"_s.arg(colors.fill.name(), colors.text.name(),
                                                        colors.text.lighter(260).name()));

    m_channel->setText(channelName(order.channel));
    m_placed->setText(formatDateTime(order.orderedAt));
    m_total->setText(formatMoney(order.totalMinor(), order.currency));
    m_delivery->setText(order.delivery == DeliveryMethod::Pickup
                            ? tr("Pickup at %1").arg(order.pickupLocationCode)
                            : deliveryName(order.delivery));
    m_requested->setText(order.requestedAt.isValid() ? formatDateTime(order.requestedAt) : tr("—"));
    m_external->setText(order.externalId.isEmpty() ? tr("—") : order.externalId);

    QStringList reasons;
    for (const ExceptionReason& reason : order.exceptionReasons)
        reasons.append(u"<b>%1</b> %2"_s.arg(reason.code.toHtmlEscaped(), reason.detail.toHtmlEscaped()));
    m_exceptions->setText(tr("Held: %1").arg(reasons.join(u"<br>"_s)));
    m_exceptions->setVisible(order.status == OrderStatus::Exception && !reasons.isEmpty());

    if (m_actions)
        m_actions->setOrder(order);
    fillLines(order);
    fillParties(detail);
    fillTimeline(detail.events);
    if (m_decisionOrderId != order.id)
        m_routing->showDecision(std::nullopt); // until the decision of this order arrives (after the detail)
}

void OrderDetailPanel::showDecision(qint64 orderId, const std::optional<Decision>& decision) {
    m_decisionOrderId = orderId;
    m_routing->showDecision(decision);
}

void OrderDetailPanel::fillLines(const Order& order) {
    m_lines->setRowCount(int(order.lines.size()));
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    for (int row = 0; row < order.lines.size(); ++row) {
        const OrderLine& line = order.lines.at(row);
        m_lines->setItem(row, 0, cell(QString::number(line.lineNo), right));
        m_lines->setItem(row, 1, cell(line.skuCode));
        m_lines->setItem(row, 2, cell(formatCount(line.quantity), right));
        m_lines->setItem(row, 3, cell(formatMoney(line.unitPrice.minor, line.unitPrice.currency), right));
        m_lines->setItem(row, 4, cell(formatMoney(line.totalMinor(), line.unitPrice.currency), right));
        QTableWidgetItem* state = cell(statusName(line.status));
        state->setData(StatusRole, int(line.status));
        m_lines->setItem(row, 5, state);
        m_lines->setItem(row, 6, cell(line.locationCode.isEmpty() ? tr("not routed") : line.locationCode));
    }
    m_lines->resizeColumnsToContents();
    for (int column = 0; column < m_lines->columnCount() - 1; ++column)
        m_lines->setColumnWidth(column, m_lines->columnWidth(column) + 12);
}

void OrderDetailPanel::fillParties(const OrderDetail& detail) {
    const Order& order = detail.order;
    const Address& to = order.shipTo;
    m_customerName->setText(detail.customerName.isEmpty() ? to.name : detail.customerName);
    m_email->setText(order.customerEmail);
    m_phone->setText(order.customerPhone);

    QStringList address;
    if (!to.name.isEmpty())
        address.append(to.name);
    if (!to.line1.isEmpty())
        address.append(to.line1);
    const QString cityLine = QStringList{to.postalCode, to.city}.join(u' ').trimmed();
    if (!cityLine.isEmpty())
        address.append(cityLine);
    const QString regionLine = QStringList{to.region, to.country}.join(u' ').trimmed();
    if (!regionLine.isEmpty())
        address.append(regionLine);
    m_address->setText(to.isEmpty() ? tr("(none)") : address.join(u'\n'));
    m_coordinates->setText(to.position ? formatCoordinates(to.position->latitude, to.position->longitude)
                                       : tr("unknown"));
}

void OrderDetailPanel::fillTimeline(const QList<AuditEvent>& events) {
    m_timeline->clear();
    // Newest first: what happened last is what people look for.
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        const AuditEvent& event = *it;
        QString change;
        if (!event.fromState.isEmpty() || !event.toState.isEmpty())
            change = u"%1 → %2"_s.arg(event.fromState.isEmpty() ? tr("(new)") : stateName(event.fromState),
                                      stateName(event.toState));
        else
            change = event.action;
        auto* item = new QTreeWidgetItem(
            m_timeline, {formatDateTime(event.at), event.actor, change, event.reason, event.detail});
        item->setToolTip(4, event.detail);
        for (int column = 0; column < m_timeline->columnCount(); ++column)
            item->setSizeHint(column, QSize(-1, m_timeline->fontMetrics().height() + 10));
        item->setToolTip(2, event.action);
    }
    for (int column = 0; column < 4; ++column)
        m_timeline->resizeColumnToContents(column);
    for (int column = 0; column < 4; ++column)
        m_timeline->setColumnWidth(column, m_timeline->columnWidth(column) + 16);
}

} // namespace ordo::ui
