#pragma once

// Orders for the console tests: a few hundred orders over the sample world, some held in Exception.
// (Header-only so that every tests/gui/tst_*.cpp can use it without a library of its own.)

#include "SampleWorld.h"
#include "lifecycle/OrderLifecycle.h"
#include "model/Actor.h"
#include "orders/OrderCapture.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QStringList>

namespace ordo::test::gui {

inline constexpr int orderCount = 450;
inline const QString uniqueCustomer = QStringLiteral("Zelda Quarterman");
inline const QString uniqueOrder = QStringLiteral("SO-10007");
inline const QString addressCheck = QStringLiteral("ADDRESS_CHECK");

inline QString orderNumber(int i) {
    return QStringLiteral("SO-%1").arg(10000 + i);
}

// Which orders the fixture holds, and why.
inline bool heldForUnknownSku(int i) {
    return i % 40 == 5;
}
inline bool heldForAddressCheck(int i) {
    return i % 40 == 25;
}
inline bool isPickup(int i) {
    return i % 9 == 4;
}
inline int heldCount() {
    int held = 0;
    for (int i = 0; i < orderCount; ++i)
        held += heldForUnknownSku(i) || heldForAddressCheck(i);
    return held;
}

// Orders SO-10000 ... SO-10449, one an hour back from 2026-11-02 14:30 UTC, channels in turn.
inline void populate(Database& db) {
    createSampleWorld(db);
    const QStringList first = {QStringLiteral("Ana"), QStringLiteral("Ben"), QStringLiteral("Chloe"),
                               QStringLiteral("Dev"), QStringLiteral("Eva"), QStringLiteral("Farid")};
    const QStringList last = {QStringLiteral("Lopez"), QStringLiteral("Nguyen"), QStringLiteral("Okafor"),
                              QStringLiteral("Schmidt"), QStringLiteral("Tanaka")};
    const QDateTime start(QDate(2026, 11, 2), QTime(14, 30), Qt::UTC);
    QList<qint64> addressChecks;
    {
        Transaction tx(db);
        OrderCapture capture(db, Actor::system());
        for (int i = 0; i < orderCount; ++i) {
            QList<QPair<QString, int>> lines = {{QStringLiteral("SKU-%1").arg(i % 5 + 1), 1 + i % 3}};
            if (i % 3 == 0)
                lines.append({QStringLiteral("SKU-%1").arg((i + 2) % 5 + 1), 2});
            if (heldForUnknownSku(i))
                lines.append({QStringLiteral("SKU-404"), 1});
            Order order = sampleOrder(orderNumber(i), lines, start.addSecs(-3600LL * i));
            order.channel = allChannels[i % 6];
            const QString name =
                i == 7 ? uniqueCustomer : first.at(i % first.size()) + u' ' + last.at(i % last.size());
            order.shipTo.name = name;
            order.customerEmail = QString(name).replace(u' ', u'.').toLower() + QString::number(i) +
                                  QStringLiteral("@example.com");
            order.customerPhone = QStringLiteral("+1 212 555 %1").arg(1000 + i);
            if (isPickup(i)) {
                order.delivery = DeliveryMethod::Pickup;
                order.pickupLocationCode = QStringLiteral("ST-NYC");
            }
            const OrderCapture::Result result = capture.capture(order);
            if (heldForAddressCheck(i))
                addressChecks.append(result.orderId);
        }
        tx.commit();
    }
    OrderLifecycle lifecycle(db);
    for (qint64 id : std::as_const(addressChecks))
        lifecycle.raiseException(id, {{addressCheck, QStringLiteral("the carrier flagged the address")}},
                                 Actor{QStringLiteral("ops"), Role::Manager});
}

} // namespace ordo::test::gui
