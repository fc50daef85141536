#pragma once

#include <QDateTime>
#include <QString>

namespace ordo {

// One line of the audit trail: who did what to which thing, when, and why.
struct AuditEvent {
    qint64 id = 0;
    QDateTime at;   // UTC
    QString actor;  // user name, or "system" / "import" for automatic steps
    QString entity; // "order", "location", "sku", ...
    qint64 entityId = 0;
    QString action;    // "capture", "transition", "exception", "release", "cancel", ...
    QString fromState; // empty where not a state change
    QString toState;
    QString reason; // reason code, e.g. "UNKNOWN_SKU" or "CUSTOMER_REQUEST"
    QString detail; // free text for people
};

} // namespace ordo
