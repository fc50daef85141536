#include "OrderCorrections.h"

#include "Error.h"
#include "orders/OrderRepository.h"
#include "orders/OrderSource.h"
#include "orders/OrderTransitions.h"
#include "orders/SearchKeys.h"
#include "orders/ValidationStore.h"
#include "storage/Database.h"
#include "storage/SkuCrossReference.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

constexpr qsizetype maxFieldLength = 200;

void require(const Actor& actor, const QString& what) {
    if (!actor.may(Permission::ResolveExceptions))
        throw Error::denied(u"%1 (%2) may not %3"_s.arg(actor.user, roleCode(actor.role), what));
}

// Before routing: a routed order's ship-to and lines are what its decision and reservations were made for.
bool correctable(const LockedOrder& s) {
    if (s.status == OrderStatus::Pending || s.status == OrderStatus::Validated)
        return true;
    if (s.status != OrderStatus::Exception)
        return false;
    const OrderStatus from = s.heldFrom.value_or(OrderStatus::Pending);
    return from == OrderStatus::Pending || from == OrderStatus::Validated;
}

LockedOrder lockCorrectable(OrderTransitions& transitions, qint64 orderId, const QString& what) {
    const auto state = transitions.lock(orderId);
    if (!state)
        throw Error::notFound(u"there is no order with id %1"_s.arg(orderId));
    if (!correctable(*state)) {
        const QString where =
            state->status == OrderStatus::Exception
                ? u"held in exception after it was %1"_s.arg(orderStatusCode(*state->heldFrom))
                : orderStatusCode(state->status);
        throw Error::state(
            u"order %1 is %2; %3 can change only before the order is routed"_s.arg(orderId).arg(where, what));
    }
    return *state;
}

QString describe(const Address& a) {
    QStringList parts;
    for (const QString& p :
         {a.name, a.line1, a.city, QString(a.region + u' ' + a.postalCode).trimmed(), a.country})
        if (!p.isEmpty())
            parts << p;
    QString text = parts.isEmpty() ? u"(empty)"_s : parts.join(u", "_s);
    if (a.position)
        text += u" (%1, %2)"_s.arg(a.position->latitude, 0, 'f', 4).arg(a.position->longitude, 0, 'f', 4);
    return text;
}

QString codesOf(const QList<ExceptionReason>& reasons) {
    QStringList codes;
    for (const ExceptionReason& r : reasons)
        codes << r.code;
    codes.removeDuplicates();
    return codes.isEmpty() ? u"none"_s : codes.join(u',');
}

QString detailsOf(const QList<ExceptionReason>& reasons) {
    QStringList details;
    for (const ExceptionReason& r : reasons)
        details << r.code + u": "_s + r.detail;
    return details.join(u"; "_s);
}

bool sameReasons(const QList<ExceptionReason>& a, const QList<ExceptionReason>& b) {
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i].code != b[i].code || a[i].detail != b[i].detail)
            return false;
    return true;
}

bool isValidationCode(const QString& code) {
    return ValidationSettings::info(code) != nullptr;
}

// The address as it will be stored: fields trimmed, the country in upper case; bad fields refused.
Address cleaned(const Address& in) {
    Address a{in.name.trimmed(),   in.line1.trimmed(),      in.city.trimmed(),
              in.region.trimmed(), in.postalCode.trimmed(), in.country.trimmed().toUpper(),
              in.position};
    const std::pair<QString, const QString*> fields[] = {{u"name"_s, &a.name},
                                                         {u"line1"_s, &a.line1},
                                                         {u"city"_s, &a.city},
                                                         {u"region"_s, &a.region},
                                                         {u"postal_code"_s, &a.postalCode}};
    for (const auto& [field, value] : fields)
        if (value->size() > maxFieldLength)
            throw Error::input(u"%1: longer than %2 characters"_s.arg(field).arg(maxFieldLength));
    static const QRegularExpression alpha2(u"^[A-Z]{2}$"_s);
    if (!a.country.isEmpty() && !alpha2.match(a.country).hasMatch())
        throw Error::input(
            u"country: '%1' is not a two-letter ISO 3166 country code"_s.arg(in.country.trimmed()));
    if (a.position && !a.position->isValid())
        throw Error::input(u"latitude/longitude: %1, %2 is not a place on Earth"_s.arg(a.position->latitude)
                               .arg(a.position->longitude));
    if (a.isEmpty() && a.name.isEmpty() && a.country.isEmpty())
        throw Error::input(u"address: every field is empty"_s);
    return a;
}

QString samePlaceKey(const Address& a) {
    return a.country.trimmed().toUpper() + u'|' + a.postalCode.simplified().remove(u' ').toUpper();
}

struct Settled {
    CorrectionOutcome outcome;
    bool changed = false; // the state or the holds changed (and an audit event says so)
};

// Validates the order again after a correction (or none) and moves it as the class comment says.
Settled settle(Database& db, OrderTransitions& transitions, qint64 id, const LockedOrder& state,
               const Actor& actor, const QString& note) {
    OrderRepository orders(db);
    const Order order = *orders.load(id);
    Settled s;
    CorrectionOutcome& out = s.outcome;
    out.orderId = id;
    out.orderNumber = order.orderNumber;
    out.before = state.status;
    out.after = state.status;
    const QList<ExceptionReason> failures = ValidationStore::validator(db).validate(order);
    const qint64 now = nowStoredTime();
    const QString exception = orderStatusCode(OrderStatus::Exception);

    if (state.status != OrderStatus::Exception) {
        if (failures.isEmpty())
            return s;
        transitions.addHolds(id, failures, actor, now);
        transitions.apply({id, state.status, OrderStatus::Exception, TransitionCause::Correction,
                           OrderStatus::Pending, OrderStatus::Pending, u"exception"_s, codesOf(failures),
                           u"fails validation after the correction: "_s + detailsOf(failures)},
                          actor, now);
        out.after = OrderStatus::Exception;
        out.held = true;
        out.remaining = failures;
        s.changed = true;
        return s;
    }

    // Holds validation does not raise (a manual hold) stay until a person releases them.
    QList<ExceptionReason> kept, validationHolds;
    for (const ExceptionReason& r : order.exceptionReasons)
        (isValidationCode(r.code) ? validationHolds : kept) << r;
    const OrderStatus heldFrom = state.heldFrom.value_or(OrderStatus::Pending);
    if (failures.isEmpty() && kept.isEmpty()) {
        const OrderStatus target = OrderStatus::Validated; // from Pending or Validated alike
        transitions.resolveHolds(id, note.isEmpty() ? u"passes validation after a correction"_s : note, actor,
                                 now);
        transitions.apply({id, OrderStatus::Exception, target, TransitionCause::Correction, std::nullopt,
                           target, u"release"_s, QString(),
                           note.isEmpty() ? u"passes every enabled rule after the correction"_s : note},
                          actor, now);
        out.after = target;
        out.released = true;
        s.changed = true;
        return s;
    }
    if (!sameReasons(validationHolds, failures)) {
        // Resolve the validation holds and raise what still applies, keeping the other holds open.
        QStringList resolvedCodes;
        for (const ExceptionReason& r : std::as_const(validationHolds))
            resolvedCodes << r.code;
        resolvedCodes.removeDuplicates();
        if (!resolvedCodes.isEmpty()) // no codes would resolve every hold, the manual ones too
            transitions.resolveHolds(id, u"validated again after a correction"_s, actor, now, resolvedCodes);
        transitions.addHolds(id, failures, actor, now);
        const QString detail =
            u"hold reasons %1 -> %2%3"_s.arg(codesOf(validationHolds), codesOf(failures),
                                             failures.isEmpty() ? QString() : u": "_s + detailsOf(failures));
        if (!failures.isEmpty() && heldFrom != OrderStatus::Pending) // to pass validation again
            transitions.apply({id, OrderStatus::Exception, OrderStatus::Exception,
                               TransitionCause::Correction, OrderStatus::Pending, std::nullopt,
                               u"revalidate"_s, codesOf(failures), detail},
                              actor, now);
        else
            transitions.note(id, u"revalidate"_s, codesOf(failures), detail, actor, now, exception,
                             exception);
        s.changed = true;
    }
    out.remaining = kept + failures;
    return s;
}

} // namespace

CorrectionOutcome OrderCorrections::correctShipTo(qint64 orderId, const Address& address, const Actor& actor,
                                                  const QString& note) {
    require(actor, u"correct orders"_s);
    return runUnitOfWork(m_db, [&](Transaction&) {
        Address next = cleaned(address);
        OrderRepository orders(m_db);
        OrderTransitions transitions(m_db);
        const auto state = lockCorrectable(transitions, orderId, u"its ship-to"_s);
        const Order order = *orders.load(orderId);
        const Address& before = order.shipTo;
        // Coordinates belong to the place: kept while the postal code and country stay, else dropped unless
        // given.
        if (!address.position)
            next.position = samePlaceKey(next) == samePlaceKey(before) ? before.position : std::nullopt;
        orders.setShipTo(orderId, next,
                         SearchKeys::from(order.customerEmail, order.customerPhone, next.name));
        const qint64 now = nowStoredTime();
        transitions.note(orderId, u"correct"_s, u"ship_to"_s,
                         u"ship-to: %1 -> %2%3"_s.arg(describe(before), describe(next),
                                                      note.isEmpty() ? QString() : u"; note: "_s + note),
                         actor, now);
        return settle(m_db, transitions, orderId, state, actor, note).outcome;
    });
}

namespace {

// Maps the named unknown lines of one order in the caller's transaction; the SKU is known to exist.
CorrectionOutcome mapLines(Database& db, qint64 orderId, const QList<int>& lineNos, const Sku& sku,
                           const Actor& actor, bool remember) {
    OrderRepository orders(db);
    OrderTransitions transitions(db);
    const auto state = lockCorrectable(transitions, orderId, u"its lines"_s);
    const Order order = *orders.load(orderId);
    const OrderSource source = OrderSource::read(db, orderId, order.orderNumber);
    const QList<UnknownLine> unknown = unknownLines(db, orderId, source);
    if (remember && source.partner.isEmpty())
        throw Error::input(
            u"remember: order %1 was not imported from a channel document; there is no partner "
            "to remember the code for"_s.arg(order.orderNumber));
    SkuCrossReference xref(db);
    const qint64 now = nowStoredTime();
    for (int no : lineNos) {
        const auto line = std::find_if(unknown.cbegin(), unknown.cend(),
                                       [no](const UnknownLine& l) { return l.lineNo == no; });
        if (line == unknown.cend()) {
            const auto known = std::find_if(order.lines.cbegin(), order.lines.cend(),
                                            [no](const OrderLine& l) { return l.lineNo == no; });
            if (known == order.lines.cend())
                throw Error::input(u"line: order %1 has no line %2"_s.arg(order.orderNumber).arg(no));
            if (known->status == OrderStatus::Cancelled)
                throw Error::input(
                    u"line: line %1 of order %2 is cancelled"_s.arg(no).arg(order.orderNumber));
            throw Error::input(u"line: line %1 of order %2 already has the catalogue SKU '%3'"_s.arg(no).arg(
                order.orderNumber, known->skuCode));
        }
        QString remembered;
        if (remember) {
            SkuXrefEntry entry{source.partner, SkuCrossReference::channelSkuQualifier, line->rawCode,
                               sku.code};
            if (!line->partNumbers.isEmpty())
                entry = {source.partner, line->partNumbers.first().qualifier,
                         line->partNumbers.first().number, sku.code};
            if (entry.partNumber.isEmpty())
                throw Error::input(
                    u"remember: line %1 of order %2 came with neither a code nor a part number"_s.arg(no).arg(
                        order.orderNumber));
            const QString previous = xref.remember(entry);
            remembered = u"; remembered for partner %1: %2 '%3' -> %4 (before: %5)"_s.arg(
                entry.partner, entry.qualifier, entry.partNumber, sku.code,
                previous.isEmpty() ? u"none"_s : previous);
        }
        orders.setLineSku(orderId, no, sku.code, sku.id);
        transitions.note(orderId, u"correct"_s, u"sku"_s,
                         u"line %1 SKU: '%2' -> '%3'%4"_s.arg(no).arg(line->rawCode, sku.code, remembered),
                         actor, now);
    }
    return settle(db, transitions, orderId, state, actor, u"SKU mapped to %1"_s.arg(sku.code)).outcome;
}

Sku catalogueSku(Database& db, const QString& skuCode) {
    const QString code = skuCode.trimmed();
    if (code.isEmpty())
        throw Error::input(u"sku: name the catalogue SKU to map the line to"_s);
    const std::optional<Sku> sku = SkuRepository(db).findByCode(code);
    if (!sku)
        throw Error::input(u"sku: '%1' is not in the catalogue"_s.arg(code));
    return *sku;
}

} // namespace

CorrectionOutcome OrderCorrections::mapUnknownSku(qint64 orderId, int lineNo, const QString& skuCode,
                                                  const Actor& actor, bool remember) {
    require(actor, u"correct orders"_s);
    return runUnitOfWork(m_db, [&](Transaction&) {
        const Sku sku = catalogueSku(m_db, skuCode);
        return mapLines(m_db, orderId, {lineNo}, sku, actor, remember);
    });
}

QList<BulkMapResult> OrderCorrections::mapUnknownSkuEverywhere(const QString& rawCode, const QString& skuCode,
                                                               const Actor& actor, bool remember) {
    require(actor, u"correct orders"_s);
    const QString code = rawCode.trimmed();
    if (code.isEmpty())
        throw Error::input(u"code: name the unknown code to map"_s);
    const Sku sku = catalogueSku(m_db, skuCode);
    // Held orders with an unknown line sent as this code, or sent without one (whose part numbers may match).
    SqlQuery q(m_db,
               u"SELECT DISTINCT o.id, o.order_number FROM orders o JOIN order_lines l ON l.order_id = o.id "
               "LEFT JOIN skus s ON s.code = l.sku_code WHERE o.status = 'exception' AND s.id IS NULL "
               "AND l.status <> 'cancelled' AND (l.sku_code = :code OR l.sku_code = '') ORDER BY o.id"_s);
    q.bind(u":code"_s, code);
    q.exec();
    QList<BulkMapResult> results;
    while (q.next())
        results << BulkMapResult{q.value(0).toLongLong(), q.value(1).toString(), {}, std::nullopt, {}};

    QList<BulkMapResult> done;
    for (BulkMapResult& r : results) {
        QList<int> lineNos;
        for (const UnknownLine& line :
             unknownLines(m_db, r.orderId, OrderSource::read(m_db, r.orderId, r.orderNumber))) {
            bool matches = line.rawCode == code;
            for (const PartNumber& p : line.partNumbers)
                matches = matches ||
                          (line.rawCode.isEmpty() && SkuXrefEntry::normalisedNumber(p.qualifier, p.number) ==
                                                         SkuXrefEntry::normalisedNumber(p.qualifier, code));
            if (matches)
                lineNos << line.lineNo;
        }
        if (lineNos.isEmpty())
            continue;
        r.lineNos = lineNos;
        try {
            // One order, one unit of work.
            r.outcome = runUnitOfWork(
                m_db, [&](Transaction&) { return mapLines(m_db, r.orderId, lineNos, sku, actor, remember); });
        } catch (const Error& e) {
            if (e.kind() == Error::Kind::Storage)
                throw;
            r.error = e.message();
        }
        done << r;
    }
    return done;
}

CorrectionOutcome OrderCorrections::revalidate(qint64 orderId, const Actor& actor) {
    require(actor, u"validate orders again"_s);
    return runUnitOfWork(m_db, [&](Transaction&) {
        OrderTransitions transitions(m_db);
        const auto state = lockCorrectable(transitions, orderId, u"its validation"_s);
        const Settled s = settle(m_db, transitions, orderId, state, actor, u"validated again"_s);
        if (!s.changed)
            transitions.note(
                orderId, u"revalidate"_s, codesOf(s.outcome.remaining),
                s.outcome.remaining.isEmpty() ? u"passes every enabled rule"_s
                                              : u"unchanged: "_s + detailsOf(s.outcome.remaining),
                actor, nowStoredTime(), orderStatusCode(state.status), orderStatusCode(state.status));
        return s.outcome;
    });
}

CorrectionContext OrderCorrections::context(qint64 orderId) const {
    OrderRepository orders(m_db);
    const auto order = orders.load(orderId);
    if (!order)
        throw Error::notFound(u"there is no order with id %1"_s.arg(orderId));
    CorrectionContext c;
    c.orderId = orderId;
    c.orderNumber = order->orderNumber;
    c.status = order->status;
    SqlQuery held(m_db, u"SELECT held_from FROM orders WHERE id = :id"_s);
    held.bind(u":id"_s, orderId);
    if (const auto from = held.optionalScalar(); from && !from->isNull())
        c.heldFrom = orderStatusFromCode(from->toString());
    c.shipTo = order->shipTo;
    c.reasons = order->exceptionReasons;
    const OrderSource source = OrderSource::read(m_db, orderId, order->orderNumber);
    c.partner = source.partner;
    c.unknownLines = unknownLines(m_db, orderId, source);
    c.correctable = correctable(LockedOrder{order->status, c.heldFrom, order->orderNumber, 0});
    return c;
}

} // namespace ordo
