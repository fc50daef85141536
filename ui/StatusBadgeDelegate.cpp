#include "StatusBadgeDelegate.h"

#include "Format.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>

namespace ordo::ui {

namespace {
constexpr int horizontalPadding = 8;
constexpr int margin = 4;
} // namespace

StatusBadgeDelegate::StatusBadgeDelegate(int statusRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_statusRole(statusRole) {}

void StatusBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    const QVariant status = index.data(m_statusRole);
    if (!status.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell's own background and selection, without text.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const QString text = cell.text;
    cell.text.clear();
    const QStyle* style = cell.widget ? cell.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, cell.widget);

    const BadgeColors colors = statusColors(OrderStatus(status.toInt()));
    const QFontMetrics metrics(cell.font);
    const int height = qMin(cell.rect.height() - 2 * 2, metrics.height() + 4);
    // Integer advances round down; a little slack keeps elidedText from cutting words that fit.
    const int textWidth = metrics.horizontalAdvance(text) + 2;
    const int width = qMin(cell.rect.width() - 2 * margin, textWidth + 2 * horizontalPadding);
    const QRect badge(cell.rect.left() + margin, cell.rect.top() + (cell.rect.height() - height) / 2, width,
                      height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(colors.text.lighter(260));
    painter->setBrush(colors.fill);
    painter->drawRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    painter->setPen(colors.text);
    painter->setFont(cell.font);
    painter->drawText(badge.adjusted(horizontalPadding, 0, -horizontalPadding, 0), Qt::AlignCenter,
                      textWidth + 2 * horizontalPadding <= badge.width()
                          ? text
                          : metrics.elidedText(text, Qt::ElideRight, badge.width() - 2 * horizontalPadding));
    painter->restore();
}

int StatusBadgeDelegate::badgeCellWidth(const QFontMetrics& metrics, const QString& text) {
    // As paint() lays the badge out: text, its slack, padding inside the badge, margin around it.
    return metrics.horizontalAdvance(text) + 2 + 2 * horizontalPadding + 2 * margin;
}

int StatusBadgeDelegate::statusColumnWidth(const QFontMetrics& metrics) {
    int width = 0;
    for (OrderStatus status : allOrderStatuses)
        width = qMax(width, badgeCellWidth(metrics, statusName(status)));
    return width;
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    size.setWidth(badgeCellWidth(metrics, index.data().toString()));
    size.setHeight(qMax(size.height(), metrics.height() + 8));
    return size;
}

} // namespace ordo::ui
