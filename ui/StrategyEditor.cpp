#include "StrategyEditor.h"

#include "CostModelModel.h"
#include "CriteriaWeightModel.h"
#include "Format.h"
#include "RoutingText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

QStringList splitList(const QString& text, bool upper = false) {
    QStringList items;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            items.append(upper ? item.toUpper() : item);
    }
    return items;
}

QLineEdit* listEdit(const QString& objectName, const QString& placeholder) {
    auto* edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

QLineEdit* moneyEdit(const QString& objectName) {
    auto* edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setPlaceholderText(StrategyEditor::tr("any"));
    edit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"^\\d{0,12}([.,]\\d{0,2})?$"_s), edit));
    edit->setMaximumWidth(140);
    return edit;
}

std::optional<qint64> moneyValue(const QLineEdit* edit) {
    if (edit->text().trimmed().isEmpty())
        return std::nullopt;
    return CostModelModel::parseScaled(QString(edit->text()).replace(u',', u'.'), 2);
}

QString moneyText(const std::optional<qint64>& minor) {
    return minor ? CostModelModel::formatScaled(*minor, 2, 2) : QString();
}

QWidget* padded(QLayout* layout) {
    auto* page = new QWidget;
    page->setLayout(layout);
    return page;
}

} // namespace

StrategyEditor::StrategyEditor(QWidget* parent)
    : QWidget(parent)
    , m_criteria(new CriteriaWeightModel(this)) {
    setObjectName(u"strategyEditor"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* nameRow = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(u"strategyName"_s);
    nameRow->addRow(tr("Strategy name:"), m_name);
    layout->addLayout(nameRow);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"strategyTabs"_s);
    m_tabs->addTab(buildConditions(), tr("When it applies"));
    m_tabs->addTab(buildFilters(), tr("Which locations"));
    m_tabs->addTab(buildRanking(), tr("Ranking"));
    m_tabs->addTab(buildSplit(), tr("Split and fallback"));
    layout->addWidget(m_tabs, 1);

    const auto changed = [this] {
        updateEnabled();
        if (!m_loading)
            emit edited();
    };
    connect(m_name, &QLineEdit::textEdited, this, changed);
    for (QLineEdit* edit : findChildren<QLineEdit*>())
        connect(edit, &QLineEdit::textEdited, this, changed);
    for (QCheckBox* box : findChildren<QCheckBox*>())
        connect(box, &QCheckBox::toggled, this, changed);
    for (QComboBox* box : findChildren<QComboBox*>())
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    for (QSpinBox* box : findChildren<QSpinBox*>())
        connect(box, &QSpinBox::valueChanged, this, changed);
    connect(m_maxDistance, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_criteria, &CriteriaWeightModel::edited, this, changed);
}

QWidget* StrategyEditor::buildConditions() {
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto* intro =
        new QLabel(tr("Every condition that is set must hold for the strategy to apply; an empty field "
                      "accepts any order."));
    intro->setWordWrap(true);
    form->addRow(intro);

    auto* channels = new QHBoxLayout;
    for (Channel channel : allChannels) {
        auto* box = new QCheckBox(channelName(channel));
        box->setObjectName(u"channel_"_s + channelCode(channel));
        m_channels.append(box);
        channels->addWidget(box);
    }
    channels->addStretch(1);
    form->addRow(tr("Channels:"), channels);

    m_delivery = new QComboBox;
    m_delivery->setObjectName(u"deliveryCondition"_s);
    m_delivery->addItem(tr("Any"), -1);
    m_delivery->addItem(deliveryName(DeliveryMethod::Ship), int(DeliveryMethod::Ship));
    m_delivery->addItem(deliveryName(DeliveryMethod::Pickup), int(DeliveryMethod::Pickup));
    form->addRow(tr("Delivery:"), m_delivery);

    m_minPriority = new QSpinBox;
    m_minPriority->setObjectName(u"minPriority"_s);
    m_minPriority->setRange(-1, 1000);
    m_minPriority->setSpecialValueText(tr("any"));
    form->addRow(tr("Priority at least:"), m_minPriority);

    auto* values = new QHBoxLayout;
    m_minValue = moneyEdit(u"minOrderValue"_s);
    m_maxValue = moneyEdit(u"maxOrderValue"_s);
    values->addWidget(new QLabel(tr("from")));
    values->addWidget(m_minValue);
    values->addWidget(new QLabel(tr("to")));
    values->addWidget(m_maxValue);
    values->addStretch(1);
    form->addRow(tr("Order value:"), values);

    m_countries = listEdit(u"countries"_s, tr("any country; e.g. US, CA"));
    m_regions = listEdit(u"regions"_s, tr("any region; e.g. NY, NJ, CT"));
    m_skuTags = listEdit(u"skuTags"_s, tr("any SKU; e.g. bulky, hazmat"));
    form->addRow(tr("Ship-to countries:"), m_countries);
    form->addRow(tr("Ship-to regions:"), m_regions);
    form->addRow(tr("SKU tags:"), m_skuTags);
    return padded(form);
}

QWidget* StrategyEditor::buildFilters() {
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto* types = new QHBoxLayout;
    for (LocationType type :
         {LocationType::Dc, LocationType::Store, LocationType::ThirdPartyLogistics, LocationType::Dropship}) {
        auto* box = new QCheckBox(locationTypeName(type));
        box->setObjectName(u"type_"_s + locationTypeCode(type));
        m_types.append(box);
        types->addWidget(box);
    }
    types->addStretch(1);
    form->addRow(tr("Location types:"), types);
    auto* typesHint = new QLabel(tr("None ticked: every type."));
    typesHint->setProperty("role", u"hint"_s);
    form->addRow(QString(), typesHint);

    m_groups = listEdit(u"locationGroups"_s, tr("any group; e.g. EAST, WEST"));
    form->addRow(tr("Location groups:"), m_groups);
    m_maxDistance = new QDoubleSpinBox;
    m_maxDistance->setObjectName(u"maxDistance"_s);
    m_maxDistance->setRange(0, 20000);
    m_maxDistance->setDecimals(0);
    m_maxDistance->setSingleStep(50);
    m_maxDistance->setSuffix(tr(" km"));
    m_maxDistance->setSpecialValueText(tr("no limit"));
    form->addRow(tr("Maximum distance:"), m_maxDistance);
    m_requireCapacity = new QCheckBox(tr("Capacity left today (locations with a daily limit)"));
    m_requireCapacity->setObjectName(u"requireCapacity"_s);
    m_requireShipping = new QCheckBox(tr("Ship orders: the location ships parcels"));
    m_requireShipping->setObjectName(u"requireShipping"_s);
    m_requirePickup = new QCheckBox(tr("Pickup orders: the location hands over pickups"));
    m_requirePickup->setObjectName(u"requirePickup"_s);
    form->addRow(tr("Require:"), m_requireCapacity);
    form->addRow(QString(), m_requireShipping);
    form->addRow(QString(), m_requirePickup);
    m_excluded = listEdit(u"excludedLocations"_s, tr("location codes never used; e.g. ST-0042"));
    form->addRow(tr("Excluded locations:"), m_excluded);
    m_minAtp = new QSpinBox;
    m_minAtp->setObjectName(u"minAtp"_s);
    m_minAtp->setRange(-1000000, 1000000);
    m_minAtp->setSuffix(tr(" units"));
    form->addRow(tr("ATP left after the line, at least:"), m_minAtp);
    return padded(form);
}

QWidget* StrategyEditor::buildRanking() {
    auto* layout = new QVBoxLayout;
    auto* intro =
        new QLabel(tr("Tick the criteria the router minimises and give each a weight. A shipment's "
                      "score is the sum of weight × value; the assignment with the lowest total wins."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_criteriaTable = new QTableView;
    m_criteriaTable->setObjectName(u"criteriaTable"_s);
    m_criteriaTable->setModel(m_criteria);
    m_criteriaTable->verticalHeader()->hide();
    m_criteriaTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_criteriaTable->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_criteriaTable->verticalHeader()->setDefaultSectionSize(m_criteriaTable->fontMetrics().height() + 12);
    m_criteriaTable->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics metrics = m_criteriaTable->fontMetrics();
    m_criteriaTable->horizontalHeader()->resizeSection(
        CriteriaWeightModel::Criterion, metrics.horizontalAdvance(tr("Inventory balance")) + 60);
    m_criteriaTable->horizontalHeader()->resizeSection(CriteriaWeightModel::Weight,
                                                       metrics.horizontalAdvance(u"0000.000"_s) + 40);
    layout->addWidget(m_criteriaTable, 1);
    return padded(layout);
}

QWidget* StrategyEditor::buildSplit() {
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_splitMode = new QComboBox;
    m_splitMode->setObjectName(u"splitMode"_s);
    m_splitMode->addItem(splitModeName(SplitPolicy::Mode::SingleLocation),
                         int(SplitPolicy::Mode::SingleLocation));
    m_splitMode->addItem(splitModeName(SplitPolicy::Mode::Split), int(SplitPolicy::Mode::Split));
    form->addRow(tr("Split:"), m_splitMode);
    m_maxShipments = new QSpinBox;
    m_maxShipments->setObjectName(u"maxShipments"_s);
    m_maxShipments->setRange(0, 50);
    m_maxShipments->setSpecialValueText(tr("as many as lines"));
    form->addRow(tr("At most shipments:"), m_maxShipments);
    m_shortage = new QComboBox;
    m_shortage->setObjectName(u"shortage"_s);
    m_shortage->addItem(shortageName(SplitPolicy::Shortage::ShipComplete),
                        int(SplitPolicy::Shortage::ShipComplete));
    m_shortage->addItem(shortageName(SplitPolicy::Shortage::ShipAvailable),
                        int(SplitPolicy::Shortage::ShipAvailable));
    form->addRow(tr("When stock is short:"), m_shortage);
    m_nearestPickup = new QCheckBox(tr("Pickup orders may go to the nearest pickup location with stock"));
    m_nearestPickup->setObjectName(u"nearestPickup"_s);
    form->addRow(QString(), m_nearestPickup);

    m_fallback = new QComboBox;
    m_fallback->setObjectName(u"fallbackAction"_s);
    for (Fallback::Action action : {Fallback::Action::NextStrategy, Fallback::Action::Hold,
                                    Fallback::Action::Backorder, Fallback::Action::Cancel})
        m_fallback->addItem(fallbackName(action), int(action));
    form->addRow(tr("When it cannot route:"), m_fallback);
    m_cancelDays = new QSpinBox;
    m_cancelDays->setObjectName(u"cancelAfterDays"_s);
    m_cancelDays->setRange(0, 365);
    m_cancelDays->setSuffix(tr(" days"));
    form->addRow(tr("Cancel after:"), m_cancelDays);
    return padded(form);
}

void StrategyEditor::updateEnabled() {
    const bool split = m_splitMode->currentData().toInt() == int(SplitPolicy::Mode::Split);
    m_maxShipments->setEnabled(split && !m_name->isReadOnly());
    m_cancelDays->setEnabled(m_fallback->currentData().toInt() == int(Fallback::Action::Cancel) &&
                             !m_name->isReadOnly());
}

void StrategyEditor::setReadOnly(bool readOnly) {
    m_name->setReadOnly(readOnly);
    for (QWidget* page : {m_tabs->widget(0), m_tabs->widget(1), m_tabs->widget(3)})
        page->setEnabled(!readOnly);
    m_criteriaTable->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                              : QAbstractItemView::AllEditTriggers);
    m_criteriaTable->setEnabled(!readOnly);
    updateEnabled();
}

void StrategyEditor::setStrategy(const Strategy& s) {
    m_loading = true;
    m_name->setText(s.name);
    for (int i = 0; i < m_channels.size(); ++i)
        m_channels.at(i)->setChecked(s.when.channels.contains(allChannels[i]));
    m_delivery->setCurrentIndex(m_delivery->findData(s.when.delivery ? int(*s.when.delivery) : -1));
    m_minPriority->setValue(s.when.minPriority.value_or(-1));
    m_minValue->setText(moneyText(s.when.minOrderValueMinor));
    m_maxValue->setText(moneyText(s.when.maxOrderValueMinor));
    m_countries->setText(s.when.countries.join(u", "_s));
    m_regions->setText(s.when.regions.join(u", "_s));
    m_skuTags->setText(s.when.skuTags.join(u", "_s));

    for (int i = 0; i < m_types.size(); ++i)
        m_types.at(i)->setChecked(s.filters.types.contains(LocationType(i)));
    m_groups->setText(s.filters.groups.join(u", "_s));
    m_maxDistance->setValue(s.filters.maxDistanceKm.value_or(0.0));
    m_requireCapacity->setChecked(s.filters.requireCapacity);
    m_requireShipping->setChecked(s.filters.requireShipping);
    m_requirePickup->setChecked(s.filters.requirePickup);
    m_excluded->setText(s.filters.excludedLocations.join(u", "_s));
    m_minAtp->setValue(int(s.filters.minAtpAfterSafety));

    m_criteria->setRanking(s.ranking);

    m_splitMode->setCurrentIndex(m_splitMode->findData(int(s.split.mode)));
    m_maxShipments->setValue(s.split.maxShipments);
    m_shortage->setCurrentIndex(m_shortage->findData(int(s.split.shortage)));
    m_nearestPickup->setChecked(s.nearestPickupAllowed);
    m_fallback->setCurrentIndex(m_fallback->findData(int(s.fallback.action)));
    m_cancelDays->setValue(s.fallback.cancelAfterDays);
    updateEnabled();
    m_loading = false;
}

Strategy StrategyEditor::strategy() const {
    Strategy s;
    s.name = m_name->text().trimmed();
    for (int i = 0; i < m_channels.size(); ++i)
        if (m_channels.at(i)->isChecked())
            s.when.channels.append(allChannels[i]);
    if (const int delivery = m_delivery->currentData().toInt(); delivery >= 0)
        s.when.delivery = DeliveryMethod(delivery);
    if (m_minPriority->value() >= 0)
        s.when.minPriority = m_minPriority->value();
    s.when.minOrderValueMinor = moneyValue(m_minValue);
    s.when.maxOrderValueMinor = moneyValue(m_maxValue);
    s.when.countries = splitList(m_countries->text(), true);
    s.when.regions = splitList(m_regions->text(), true);
    s.when.skuTags = splitList(m_skuTags->text());

    for (int i = 0; i < m_types.size(); ++i)
        if (m_types.at(i)->isChecked())
            s.filters.types.append(LocationType(i));
    s.filters.groups = splitList(m_groups->text());
    if (m_maxDistance->value() > 0.0)
        s.filters.maxDistanceKm = m_maxDistance->value();
    s.filters.requireCapacity = m_requireCapacity->isChecked();
    s.filters.requireShipping = m_requireShipping->isChecked();
    s.filters.requirePickup = m_requirePickup->isChecked();
    s.filters.excludedLocations = splitList(m_excluded->text());
    s.filters.minAtpAfterSafety = m_minAtp->value();

    s.ranking = m_criteria->ranking();

    s.split.mode = SplitPolicy::Mode(m_splitMode->currentData().toInt());
    s.split.maxShipments = m_maxShipments->value();
    s.split.shortage = SplitPolicy::Shortage(m_shortage->currentData().toInt());
    s.nearestPickupAllowed = m_nearestPickup->isChecked();
    s.fallback.action = Fallback::Action(m_fallback->currentData().toInt());
    s.fallback.cancelAfterDays = m_cancelDays->value();
    return s;
}

void StrategyEditor::revealField(const QString& field) {
    if (field.startsWith(u"when."_s))
        m_tabs->setCurrentIndex(0);
    else if (field.startsWith(u"filters."_s))
        m_tabs->setCurrentIndex(1);
    else if (field.startsWith(u"ranking"_s))
        m_tabs->setCurrentIndex(2);
    else if (field.startsWith(u"split."_s) || field.startsWith(u"fallback."_s))
        m_tabs->setCurrentIndex(3);
    else if (field == u"name"_s)
        m_name->setFocus();
}

} // namespace ordo::ui
