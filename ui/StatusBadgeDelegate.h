#pragma once

#include <QStyledItemDelegate>

namespace ordo::ui {

// Paints an order or line state as a small rounded badge in its status colour. Reads the state from
// `statusRole` (an int OrderStatus) and the text from Qt::DisplayRole.
class StatusBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit StatusBadgeDelegate(int statusRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_statusRole;
};

} // namespace ordo::ui
