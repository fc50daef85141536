// libFuzzer target: OrderValidator on orders built from the input, in a small world set up once in memory
// (no database): five SKUs, a store that hands over pickups and a DC that does not. The input also switches
// rules on and off and sets their parameters as `ordo validation` would. Every reason must carry a code of
// the catalogue and a detail; nothing may crash or overflow, whatever amounts and quantities a channel sent.
#include "orders/OrderValidator.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>
#include <limits>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

const OrderValidator& world() {
    static const OrderValidator validator({u"SKU-1"_s, u"SKU-2"_s, u"SKU-3"_s, u"TEE-RED-M"_s, u"MUG-01"_s},
                                          {{u"ST-NYC"_s, OrderValidator::PickupPoint{true}},
                                           {u"DC-EAST"_s, OrderValidator::PickupPoint{false}}});
    return validator;
}

// One of a few texts that mean something to the rules, or any text.
QString pick(FuzzedDataProvider& in, std::initializer_list<const char16_t*> meaningful) {
    const auto choice = in.ConsumeIntegralInRange<std::size_t>(0, meaningful.size());
    if (choice < meaningful.size())
        return QString::fromUtf16(meaningful.begin()[choice]);
    return QString::fromUtf8(in.ConsumeRandomLengthString(64));
}

Address address(FuzzedDataProvider& in) {
    Address a;
    a.name = pick(in, {u"Ana Lima", u"", u" "});
    a.line1 = pick(in, {u"1 Main St", u""});
    a.city = pick(in, {u"New York", u"Toronto", u""});
    a.region = pick(in, {u"NY", u"ny", u"CA", u"ON", u"BC", u"New York", u""});
    a.postalCode =
        pick(in, {u"10001", u"10001-1234", u"90210", u"00000", u"M5V 2T6", u"V6B 1A1", u"2000", u""});
    a.country = pick(in, {u"US", u"us", u"CA", u"AU", u"DE", u""});
    if (in.ConsumeBool())
        a.position = GeoPoint{in.ConsumeFloatingPoint<double>(), in.ConsumeFloatingPoint<double>()};
    return a;
}

void settings(FuzzedDataProvider& in, OrderValidator& validator) {
    ValidationSettings s;
    for (const ValidationRuleInfo& rule : ValidationSettings::catalogue()) {
        if (!in.ConsumeBool())
            continue;
        QMap<QString, QString> params;
        for (auto it = rule.defaults.cbegin(); it != rule.defaults.cend(); ++it)
            if (in.ConsumeBool())
                params.insert(it.key(), QString::number(in.ConsumeIntegralInRange<qint64>(
                                            0, std::numeric_limits<qint64>::max())));
        s.set(rule.code, in.ConsumeBool(), params);
    }
    validator.setSettings(s);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    OrderValidator validator = world();
    settings(in, validator);
    const bool duplicates = in.ConsumeBool();
    validator.setDuplicateFinder([duplicates](const Order&, qint64 windowMs) {
        if (windowMs < 0)
            std::abort();
        return duplicates ? QStringList{u"WEB-1001"_s} : QStringList{};
    });

    Order order;
    order.orderNumber = u"FUZZ-1"_s;
    order.currency = pick(in, {u"USD", u"JPY", u"BHD", u""});
    order.customerEmail = pick(in, {u"ana@example.com", u""});
    order.customerPhone = pick(in, {u"+1 212 555 0100", u""});
    order.delivery = in.ConsumeBool() ? DeliveryMethod::Ship : DeliveryMethod::Pickup;
    order.pickupLocationCode = pick(in, {u"ST-NYC", u"DC-EAST", u"NOWHERE", u""});
    order.payment = PaymentStatus(in.ConsumeIntegralInRange<int>(0, int(PaymentStatus::Failed)));
    order.shipTo = address(in);
    if (in.ConsumeBool())
        order.billTo = address(in);
    const int charges = in.ConsumeIntegralInRange<int>(0, 4);
    for (int i = 0; i < charges; ++i)
        order.charges << OrderCharge{OrderCharge::Kind(in.ConsumeIntegralInRange<int>(0, 3)), u"charge"_s,
                                     in.ConsumeIntegral<qint64>()};
    const int lines = in.ConsumeIntegralInRange<int>(0, 20);
    for (int i = 0; i < lines && in.remaining_bytes() > 0; ++i) {
        OrderLine line;
        line.lineNo = i + 1;
        line.skuCode = pick(in, {u"SKU-1", u"SKU-2", u"MUG-01", u"UNKNOWN", u""});
        line.quantity = in.ConsumeIntegral<int>();
        line.unitPrice = Money{in.ConsumeIntegral<qint64>(), pick(in, {u"USD", u"EUR", u""})};
        line.taxMinor = in.ConsumeIntegral<qint64>();
        line.discountMinor = in.ConsumeIntegral<qint64>();
        order.lines << line;
    }

    const QList<ExceptionReason> reasons = validator.validate(order);
    for (const ExceptionReason& r : reasons) {
        if (!ValidationSettings::info(r.code) || r.detail.isEmpty()) {
            std::fprintf(stderr, "reason without a known code or a detail: %s\n", qPrintable(r.code));
            std::abort();
        }
    }
    return 0;
}
