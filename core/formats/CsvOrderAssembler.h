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
class CsvOrderAssembler {
public:
    struct Assembled {
        Order order;
        int firstLine = 0;
        bool rejected = false;
        qint64 totalMinor = 0; // the lines' totals so far, checked against the ceiling as each line comes
    };

    CsvOrderAssembler(const CsvLayout& layout, QString file);

    void add(const CsvRecord& record);

    // Orders in the order of their first row, the rejected ones marked.
    QList<Assembled>& orders() { return m_orders; }
    const QList<ImportIssue>& errors() const { return m_errors; }
    // Rejected orders plus rows rejected without an order id.
    int rejectedCount() const;

private:
    struct Group {
        qsizetype index = 0; // into m_orders
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
    QList<ImportIssue> m_errors;
    int m_rejectedRows = 0;
};

} // namespace ordo
