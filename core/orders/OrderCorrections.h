#pragma once

#include "model/Actor.h"
#include "model/ImportedOrder.h"
#include "model/Order.h"

#include <QList>
#include <QString>

#include <optional>

namespace ordo {

class Database;

// What a correction left the order as. `released`: it was held at capture and now passes every enabled rule,
// so it moved on to Validated. `held`: it was not held and now fails, so it is held. `remaining`: the order's
// open hold reasons afterwards (what a person still has to settle; empty when released).
struct CorrectionOutcome {
    qint64 orderId = 0;
    QString orderNumber;
    OrderStatus before = OrderStatus::Pending;
    OrderStatus after = OrderStatus::Pending;
    bool released = false;
    bool held = false;
    QList<ExceptionReason> remaining;
};

// A line whose SKU is not in the catalogue, with what the channel sent for it.
struct UnknownLine {
    int lineNo = 0;
    QString rawCode; // the code as the channel sent it; empty when it sent part numbers only
    QString title;
    int quantity = 0;
    QList<PartNumber> partNumbers; // from the order's source document
};

// What the correction dialogs show of one order.
struct CorrectionContext {
    qint64 orderId = 0;
    QString orderNumber;
    OrderStatus status = OrderStatus::Pending;
    std::optional<OrderStatus> heldFrom;
    Address shipTo;
    QList<ExceptionReason> reasons; // open holds
    QList<UnknownLine> unknownLines;
    // Whom a remembered code is filed under (SkuCrossReference::partnerFor); empty when the order came from
    // no channel document (CSV, API), whose next import could not use a cross-reference row.
    QString partner;
    bool correctable = false; // not yet routed: the ship-to and lines may still change
};

// One order of a bulk mapping: the lines mapped and the outcome, or why the order was left as it was.
struct BulkMapResult {
    qint64 orderId = 0;
    QString orderNumber;
    QList<int> lineNos;
    std::optional<CorrectionOutcome> outcome;
    QString error;
};

// Corrections a person makes to an order that is not yet routed (Pending, Validated, or held in Exception
// from one of those): its ship-to, the SKU of a line the catalogue did not know. Each is a unit of work (it
// joins the caller's Transaction): permission (ResolveExceptions: csr, manager, admin), state check, change,
// audit event with old -> new value, then the order is validated again:
//   - held at capture and now passing every enabled rule: released to Validated, as OrderLifecycle::release;
//   - held at capture and still failing: stays held, its open holds replaced by the reasons that still apply;
//   - not held and now failing: held (from Pending) with the failing reasons;
//   - held after validation (a manual hold...): its holds stay; new failures are added to them.
// Bad input throws Error::input naming the field; the database is left as it was.
class OrderCorrections {
public:
    explicit OrderCorrections(Database& db)
        : m_db(db) {}

    // Replaces the ship-to. Coordinates: those given, else the old ones while the postal code and country
    // stay the same, else none (stale coordinates would mislead routing and the postal-code check).
    CorrectionOutcome correctShipTo(qint64 orderId, const Address& address, const Actor& actor,
                                    const QString& note = {});
    // Sets the line's SKU to `skuCode`, which must be in the catalogue. With `remember`, also files the
    // line's first part number (else the code the channel sent, qualifier SKU) under the order's partner in
    // the cross-reference, so that the partner's next document maps it by itself.
    CorrectionOutcome mapUnknownSku(qint64 orderId, int lineNo, const QString& skuCode, const Actor& actor,
                                    bool remember);
    // The same on every held order with an unknown line whose code (or one of whose part numbers) is
    // `rawCode`; each order is its own unit of work, so one refused order does not stop the others. Call it
    // outside any Transaction.
    QList<BulkMapResult> mapUnknownSkuEverywhere(const QString& rawCode, const QString& skuCode,
                                                 const Actor& actor, bool remember);
    // Validates again with no change (after a rule was switched off or master data was added).
    CorrectionOutcome revalidate(qint64 orderId, const Actor& actor);

    // What the dialogs need: the ship-to, the open reasons, the unknown lines with their part numbers.
    CorrectionContext context(qint64 orderId) const;

private:
    Database& m_db;
};

} // namespace ordo
