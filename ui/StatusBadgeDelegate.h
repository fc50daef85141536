#pragma once

#include <QStyledItemDelegate>

namespace ordo::ui {

// Paints an order or line state as a small rounded badge in its status colour. Reads the state from
// `statusRole` (an int OrderStatus) and the text from Qt::DisplayRole.
class StatusBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit StatusBadgeDelegate(int statusRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The width of a cell whose badge shows `text` whole, in `metrics` (the view's font).
    static int badgeCellWidth(const QFontMetrics& metrics, const QString& text);
    // The widest of every order state's name in the current language: a status column this wide never
    // elides a badge.
    static int statusColumnWidth(const QFontMetrics& metrics);

private:
    int m_statusRole;
};

} // namespace ordo::ui
