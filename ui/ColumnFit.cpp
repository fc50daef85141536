#include "ColumnFit.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QHeaderView>
#include <QStringList>
#include <QStyle>
#include <QStyleOptionHeader>

namespace ordo::ui {

namespace {
// A cell's margins and focus frame on either side of its text.
constexpr int cellPadding = 28;
} // namespace

int headerTitleWidth(const QHeaderView* header, int section) {
    if (!header->model())
        return 0;
    QStyleOptionHeader option;
    option.initFrom(header);
    option.section = section;
    option.orientation = header->orientation();
    option.text = header->model()->headerData(section, header->orientation(), Qt::DisplayRole).toString();
    // Room for the sort arrow whether or not the column is sorted now.
    option.sortIndicator = QStyleOptionHeader::SortDown;
    const QSize size = header->style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header);
    // Integer advances round down; two pixels of slack keep the style from eliding a title that fits.
    return size.width() + 2;
}

void fitSection(QHeaderView* header, int section, int contentWidth) {
    header->resizeSection(section, qMax(headerTitleWidth(header, section), contentWidth));
}

void fitSectionToSamples(QHeaderView* header, int section, const QStringList& samples) {
    const auto* view = qobject_cast<const QAbstractItemView*>(header->parentWidget());
    const QFontMetrics metrics = view ? view->fontMetrics() : header->fontMetrics();
    int width = 0;
    for (const QString& sample : samples)
        width = qMax(width, metrics.horizontalAdvance(sample) + cellPadding);
    fitSection(header, section, width);
}

} // namespace ordo::ui
