#include "CliSupport.h"
#include "Commands.h"
#include "orders/OrderJson.h"
#include "orders/OrderQuery.h"
#include "storage/Database.h"

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

void printText(const OrderDetail& d) {
    const Order& o = d.order;
    QTextStream& s = out();
    s << u"Order %1 (%2, channel id %3)\n"_s.arg(o.orderNumber, channelCode(o.channel), o.externalId);
    s << u"  status     %1\n"_s.arg(orderStatusCode(o.status));
    for (const ExceptionReason& r : o.exceptionReasons)
        s << u"  held       %1: %2\n"_s.arg(r.code, r.detail);
    s << u"  placed     %1 UTC\n"_s.arg(o.orderedAt.toString(u"yyyy-MM-dd HH:mm:ss"_s));
    s << u"  customer   %1 <%2> %3\n"_s.arg(d.customerName, o.customerEmail, o.customerPhone);
    if (o.delivery == DeliveryMethod::Pickup)
        s << u"  pickup at  %1\n"_s.arg(o.pickupLocationCode);
    else
        s << u"  ship to    %1, %2, %3 %4, %5\n"_s.arg(o.shipTo.line1, o.shipTo.city, o.shipTo.region,
                                                       o.shipTo.postalCode, o.shipTo.country);
    if (!o.billTo.isEmpty())
        s << u"  bill to    %1, %2, %3, %4 %5, %6\n"_s.arg(o.billTo.name, o.billTo.line1, o.billTo.city,
                                                           o.billTo.region, o.billTo.postalCode,
                                                           o.billTo.country);
    if (!o.shipMethod.isEmpty())
        s << u"  ship via   %1\n"_s.arg(o.shipMethod);
    s << u"  payment    %1\n"_s.arg(paymentStatusCode(o.payment));
    s << u"  total      %1\n"_s.arg(Money{o.totalMinor(), o.currency}.toString());
    for (const OrderCharge& c : o.charges)
        s << u"  %1 %2  %3\n"_s.arg(orderChargeKindCode(c.kind).leftJustified(10),
                                    Money{c.amountMinor, o.currency}.toString(), c.label);
    s << u"Lines\n"_s;
    for (const OrderLine& l : o.lines) {
        s << u"  %1  %2 x %3 @ %4  %5 %6\n"_s.arg(l.lineNo)
                 .arg(l.skuCode.leftJustified(16))
                 .arg(l.quantity)
                 .arg(l.unitPrice.toString(), orderStatusCode(l.status), l.locationCode);
        if (!l.title.isEmpty() || l.taxMinor != 0 || l.discountMinor != 0)
            s << u"      %1  tax %2, discount %3\n"_s.arg(
                l.title, Money{l.taxMinor, o.currency}.toDecimalString(),
                Money{l.discountMinor, o.currency}.toDecimalString());
    }
    s << u"History\n"_s;
    for (const AuditEvent& e : d.events) {
        const QString move = e.fromState.isEmpty() ? e.toState : e.fromState + u" -> "_s + e.toState;
        s << u"  %1  %2  %3 %4 %5 %6\n"_s.arg(e.at.toString(u"yyyy-MM-dd HH:mm"_s), e.actor.leftJustified(10),
                                              e.action.leftJustified(10), move, e.reason, e.detail);
    }
    s.flush();
}

} // namespace

int runOrderCommand(const QStringList& arguments) {
    if (isOrderFixCommand(arguments.value(2)))
        return runOrderFixCommand(arguments);
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(u"order"_s, u"The order number (or the channel's order id)."_s);
    const QString description = u"Shows one order: its lines, customer, address and history.\nTo correct an "
                                "order not yet routed: ordo order fix-address|map-sku|revalidate --help"_s;
    if (auto exit = parse(parser, arguments, description))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        err() << u"ordo order: name exactly one order, e.g. 'ordo order W-100234'\n"_s;
        err().flush();
        return UsageError;
    }
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        OrderQuery query(db);
        const QString wanted = parser.positionalArguments().first();
        const auto id = query.findId(wanted);
        if (!id)
            throw Error::notFound(u"there is no order %1 in %2"_s.arg(wanted, db.displayName()));
        const auto detail = query.detail(*id);
        if (!detail)
            throw Error::notFound(u"order %1 disappeared while it was read"_s.arg(wanted));
        if (wantsJson(parser))
            printJson(orderDetailToJson(*detail));
        else
            printText(*detail);
        return int(Success);
    });
}

} // namespace ordo::cli
