#pragma once

#include "formats/CsvFileKind.h"
#include "formats/CsvReader.h"
#include "formats/ImportReport.h"
#include "model/Order.h"

#include <QHash>
#include <QList>

namespace ordo {

// Turns the rows of an orders file (one row per order line) into orders. Rows with the same order_id form
// one order wherever they are in the file; its lines are numbered in file order. Everything that cannot be
// represented is caught here and rejects the whole order with the file, line and reason: a malformed number,
// date or amount, a missing order_id or SKU, an unknown channel or delivery method, order fields (channel,
// customer, address, ...) that differ between the rows of one order, or amounts past the ceiling of
// OrderAmounts (a quantity, a unit price, a line's total or the order's lines together). Business rules
// (unknown SKU, quantity, ship-to, pickup location) are left to OrderCapture, which holds such orders in
// Exception.
//
// Orders can be taken as soon as they are complete, so that a large file is not held in memory whole: a first
// pass over the file tells the line of each order's last row, finish() marks the order complete once that row
// is added, and take() hands over the complete orders at the front, still in the order of their first row.
class CsvOrderAssembler {
public:
    struct Assembled {
        Order order;
        int firstLine = 0;
        bool rejected = false;
        bool complete = false; // its last row was added (finish())
        qint64 totalMinor = 0; // the lines' totals so far, checked against the ceiling as each line comes
    };

    CsvOrderAssembler(const CsvLayout& layout, QString file);

    void add(const CsvRecord& record);
    // The order's last row has been added.
    void finish(const QString& orderId);
    // Takes the complete orders at the front (every order left when `all`), in the order of their first row,
    // the rejected ones marked.
    QList<Assembled> take(bool all = false);

    // The orders not yet taken.
    const QList<Assembled>& orders() const { return m_orders; }
    const QList<ImportIssue>& errors() const { return m_errors; }
    // Rows rejected without an order id (rejected orders are marked among the orders).
    int rejectedRows() const { return m_rejectedRows; }

private:
    struct Group {
        qsizetype index = 0; // the order's place among every order assembled: m_orders[index - m_taken]
        QString orderFields; // the order's own fields on its first complete row, joined
        int fieldsLine = 0;  // that row's line
    };

    void readOrderFields(Order& order, const QStringList& fields) const;
    OrderLine readLine(const QStringList& fields, int lineNo) const;
    QString orderFieldsOf(const QStringList& fields) const;
    QString describeDifference(const QString& first, const QString& here, int firstLine) const;

    CsvLayout m_layout;
    QString m_file;
    QHash<QString, Group> m_groups;
    QList<Assembled> m_orders;
    qsizetype m_taken = 0; // orders taken from the front of m_orders so far
    QList<ImportIssue> m_errors;
    int m_rejectedRows = 0;
};

} // namespace ordo
