#include "Order.h"

using namespace Qt::StringLiterals;

namespace ordo {

QString deliveryMethodCode(DeliveryMethod method)
{
    return method == DeliveryMethod::Pickup ? u"pickup"_s : u"ship"_s;
}

std::optional<DeliveryMethod> deliveryMethodFromCode(QStringView code)
{
    if (code.compare(u"ship", Qt::CaseInsensitive) == 0)
        return DeliveryMethod::Ship;
    if (code.compare(u"pickup", Qt::CaseInsensitive) == 0)
        return DeliveryMethod::Pickup;
    return std::nullopt;
}

} // namespace ordo
