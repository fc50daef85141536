#include "OrderStatus.h"

using namespace Qt::StringLiterals;

namespace ordo {

QString orderStatusCode(OrderStatus status) {
    switch (status) {
    case OrderStatus::Pending:
        return u"pending"_s;
    case OrderStatus::Validated:
        return u"validated"_s;
    case OrderStatus::Routed:
        return u"routed"_s;
    case OrderStatus::Released:
        return u"released"_s;
    case OrderStatus::Picking:
        return u"picking"_s;
    case OrderStatus::Packed:
        return u"packed"_s;
    case OrderStatus::Shipped:
        return u"shipped"_s;
    case OrderStatus::Delivered:
        return u"delivered"_s;
    case OrderStatus::Cancelled:
        return u"cancelled"_s;
    case OrderStatus::Exception:
        return u"exception"_s;
    }
    return {};
}

std::optional<OrderStatus> orderStatusFromCode(QStringView code) {
    for (OrderStatus s : allOrderStatuses)
        if (code.compare(orderStatusCode(s), Qt::CaseInsensitive) == 0)
            return s;
    return std::nullopt;
}

QStringList orderStatusCodes() {
    QStringList codes;
    for (OrderStatus s : allOrderStatuses)
        codes << orderStatusCode(s);
    return codes;
}

int progressRank(OrderStatus status) {
    switch (status) {
    case OrderStatus::Pending:
        return 0;
    case OrderStatus::Validated:
        return 1;
    case OrderStatus::Routed:
        return 2;
    case OrderStatus::Released:
        return 3;
    case OrderStatus::Picking:
        return 4;
    case OrderStatus::Packed:
        return 5;
    case OrderStatus::Shipped:
        return 6;
    case OrderStatus::Delivered:
        return 7;
    case OrderStatus::Cancelled:
    case OrderStatus::Exception:
        return -1;
    }
    return -1;
}

bool isTerminal(OrderStatus status) {
    return status == OrderStatus::Delivered || status == OrderStatus::Cancelled;
}

} // namespace ordo
