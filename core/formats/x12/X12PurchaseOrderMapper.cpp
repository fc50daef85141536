#include "X12PurchaseOrderMapper.h"

#include "Error.h"
#include "X12Tokenizer.h"
#include "model/OrderAmounts.h"

#include <QDate>
#include <QTime>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// Thrown inside the mapper to leave the set out with a message naming the segment and element.
struct SetProblem {
    QString message;
};

[[noreturn]] void fail(const X12Segment& seg, int element, const QString& reason) {
    throw SetProblem{
        u"%1: element %2: %3"_s.arg(seg.where()).arg(element, 2, 10, QLatin1Char('0')).arg(reason)};
}

QString required(const X12Segment& seg, int element, const QString& what) {
    const QString value = seg.element(element).trimmed();
    if (value.isEmpty())
        fail(seg, element, what + u" is missing"_s);
    return value;
}

QDate date(const X12Segment& seg, int element) {
    const QString text = required(seg, element, u"the date"_s);
    const QDate d = text.size() == 8 ? QDate::fromString(text, u"yyyyMMdd"_s) : QDate();
    if (!d.isValid())
        fail(seg, element, u"'%1' is not a date (CCYYMMDD)"_s.arg(text));
    return d;
}

QTime time(const X12Segment& seg, int element) {
    const QString text = seg.element(element).trimmed();
    if (text.isEmpty())
        return QTime(0, 0);
    QTime t;
    if (text.size() == 4)
        t = QTime::fromString(text, u"HHmm"_s);
    else if (text.size() == 6)
        t = QTime::fromString(text, u"HHmmss"_s);
    if (!t.isValid())
        fail(seg, element, u"'%1' is not a time (HHMM or HHMMSS)"_s.arg(text));
    return t;
}

// X12 quantities are decimal numbers ("R"); Ordo counts whole units, so "12" and "12.00" are 12 and "1.5" is
// refused.
int quantity(const X12Segment& seg, int element) {
    const QString text = required(seg, element, u"the quantity"_s);
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? QStringView(text) : QStringView(text).left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : QStringView(text).mid(dot + 1);
    bool digits = !whole.isEmpty();
    for (QChar c : whole)
        digits = digits && c >= u'0' && c <= u'9';
    for (QChar c : fraction)
        digits = digits && c >= u'0' && c <= u'9';
    if (!digits)
        fail(seg, element, u"quantity '%1' is not a number"_s.arg(text));
    for (QChar c : fraction)
        if (c != u'0')
            fail(seg, element, u"quantity '%1' is not a whole number of units"_s.arg(text));
    // Nine digits at most: whole.toInt() cannot overflow, and the cap is checked on a real number.
    const int units = whole.size() > 9 ? OrderLine::maxQuantity + 1 : whole.toInt();
    if (units > OrderLine::maxQuantity)
        fail(seg, element, u"quantity "_s + OrderAmounts::quantityProblem(u"'%1'"_s.arg(text)));
    return units;
}

// An exact amount, within the ceiling unless `bounded` is false (a unit price, whose line total is checked
// first).
qint64 amount(const X12Segment& seg, int element, const QString& currency, const QString& what,
              bool bounded = true) {
    const QString text = required(seg, element, what);
    const auto minor = Money::parseMinor(text, currency);
    if (!minor)
        fail(seg, element,
             u"%1 '%2' is not an amount in %3 (digits, at most %4 decimals)"_s.arg(what, text, currency)
                 .arg(Money::minorDigits(currency)));
    if (bounded && !Money::inRange(*minor))
        fail(seg, element, what + u' ' + OrderAmounts::amountProblem(u"'%1'"_s.arg(text), currency));
    return *minor;
}

void applyN1Segment(const X12Segment& seg, Address& address) {
    if (seg.id == u"N2"_s) {
        QStringList names{seg.element(1).trimmed(), seg.element(2).trimmed()};
        names.removeAll(QString());
        const QString extra = names.join(u", "_s);
        if (!extra.isEmpty())
            address.name = address.name.isEmpty() ? extra : address.name + u", "_s + extra;
    } else if (seg.id == u"N3"_s) {
        QStringList lines{seg.element(1).trimmed(), seg.element(2).trimmed()};
        lines.removeAll(QString());
        if (!address.line1.isEmpty())
            lines.prepend(address.line1);
        address.line1 = lines.join(u", "_s);
    } else if (seg.id == u"N4"_s) {
        address.city = seg.element(1).trimmed();
        address.region = seg.element(2).trimmed();
        address.postalCode = seg.element(3).trimmed();
        address.country = seg.element(4).trimmed().isEmpty() ? u"US"_s : seg.element(4).trimmed();
    }
}

class SetMapper {
public:
    SetMapper(const X12Interchange& ic, const X12FunctionalGroup& group, const X12TransactionSet& set)
        : m_ic(ic)
        , m_group(group)
        , m_set(set) {}

    X12PurchaseOrder map() {
        Order& o = m_po.imported.order;
        o.channel = Channel::B2b;
        o.delivery = DeliveryMethod::Ship;
        o.currency = u"USD"_s;
        m_po.imported.partner = m_ic.senderId;
        const X12Segment& st = m_ic.segments.at(m_set.first);
        if (m_set.id != u"850"_s)
            throw SetProblem{
                st.where() +
                u": element 01: transaction set %1 is not a purchase order (850)"_s.arg(m_set.id)};
        if (!m_group.version.startsWith(u"00401"_s))
            m_po.imported.warnings << u"%1: version %2 read as 004010"_s.arg(
                m_ic.segments.at(m_group.header).where(), m_group.version);

        for (int i = m_set.first + 1; i < m_set.last; ++i)
            segment(m_ic.segments.at(i));

        if (!m_sawBeg)
            throw SetProblem{st.where() + u": the set has no BEG segment (purchase order number and date)"_s};
        if (o.lines.isEmpty())
            throw SetProblem{st.where() + u": the set has no PO1 line"_s};
        if (m_ctt && m_cttCount != o.lines.size())
            fail(*m_ctt, 1,
                 u"the set has %1 PO1 line(s), CTT01 says %2"_s.arg(o.lines.size()).arg(m_cttCount));
        if (m_amt && m_amtTotal != m_linesTotal)
            m_po.imported.warnings << u"%1: total %2 differs from the lines' %3"_s.arg(
                m_amt->where(), Money{m_amtTotal, o.currency}.toDecimalString(),
                Money{m_linesTotal, o.currency}.toDecimalString());
        if (m_requestedShip.isValid() && !o.requestedAt.isValid())
            o.requestedAt = m_requestedShip;
        return m_po;
    }

private:
    void segment(const X12Segment& seg) {
        Order& o = m_po.imported.order;
        const QString& id = seg.id;
        // An N1 loop runs until the next N1 or the first line.
        if (id != u"N2"_s && id != u"N3"_s && id != u"N4"_s && id != u"PER"_s && id != u"REF"_s)
            m_party = nullptr;
        if (id == u"BEG"_s) {
            m_sawBeg = true;
            m_po.purpose = required(seg, 1, u"the transaction set purpose code"_s);
            if (m_po.purpose != u"00"_s)
                m_po.imported.warnings << u"%1: purpose code %2 (not 00, original) read as a new order"_s.arg(
                    seg.where(), m_po.purpose);
            o.externalId = required(seg, 3, u"the purchase order number"_s);
            o.orderNumber = o.externalId;
            m_po.poDate = seg.element(5).trimmed();
            o.orderedAt = QDateTime(date(seg, 5), QTime(0, 0), QTimeZone::utc());
        } else if (id == u"CUR"_s) {
            const QString code = required(seg, 2, u"the currency code"_s);
            if (!isCurrencyCode(code))
                fail(seg, 2, u"'%1' is not a currency code"_s.arg(code));
            if (!o.lines.isEmpty())
                fail(seg, 2, u"the currency must come before the first PO1 line"_s);
            o.currency = code;
        } else if (id == u"PER"_s) {
            for (int k = 3; k + 1 <= 8; k += 2) {
                const QString qualifier = seg.element(k).trimmed();
                const QString number = seg.element(k + 1).trimmed();
                if (qualifier == u"EM"_s && o.customerEmail.isEmpty())
                    o.customerEmail = number;
                else if (qualifier == u"TE"_s && o.customerPhone.isEmpty())
                    o.customerPhone = number;
            }
        } else if (id == u"DTM"_s) {
            const QString qualifier = required(seg, 1, u"the date/time qualifier"_s);
            if (qualifier == u"002"_s || qualifier == u"010"_s) {
                const QDateTime at(date(seg, 2), time(seg, 3), QTimeZone::utc());
                if (qualifier == u"002"_s)
                    o.requestedAt = at;
                else
                    m_requestedShip = at;
            }
        } else if (id == u"TD5"_s) {
            const QString routing = seg.element(5).trimmed();
            o.shipMethod = routing.isEmpty() ? seg.element(3).trimmed() : routing;
        } else if (id == u"N1"_s) {
            const QString entity = required(seg, 1, u"the entity identifier code"_s);
            if (entity == u"ST"_s)
                m_party = &o.shipTo;
            else if (entity == u"BT"_s)
                m_party = &o.billTo;
            else if (entity == u"BY"_s)
                m_party = &m_buyer;
            if (m_party) {
                *m_party = Address{};
                m_party->name = seg.element(2).trimmed();
            }
            if (entity == u"BY"_s)
                o.customerName = seg.element(2).trimmed();
        } else if (id == u"N2"_s || id == u"N3"_s || id == u"N4"_s) {
            if (m_party)
                applyN1Segment(seg, *m_party);
        } else if (id == u"PO1"_s) {
            line(seg);
        } else if (id == u"PID"_s) {
            if (!o.lines.isEmpty() && o.lines.last().title.isEmpty())
                o.lines.last().title = seg.element(5).trimmed();
        } else if (id == u"CTT"_s) {
            const QString text = required(seg, 1, u"the number of line items"_s);
            bool ok = false;
            m_cttCount = text.toInt(&ok);
            if (!ok || m_cttCount < 0)
                fail(seg, 1, u"number of line items '%1' is not a number"_s.arg(text));
            m_ctt = &seg;
        } else if (id == u"AMT"_s) {
            if (seg.element(1).trimmed() == u"TT"_s) {
                m_amtTotal = amount(seg, 2, o.currency, u"the total amount"_s);
                m_amt = &seg;
            }
        }
        if (o.customerName.isEmpty() && id == u"N1"_s && seg.element(1) == u"BT"_s)
            o.customerName = seg.element(2).trimmed();
    }

    void line(const X12Segment& seg) {
        Order& o = m_po.imported.order;
        OrderLine l;
        l.lineNo = int(o.lines.size()) + 1;
        l.externalLineId = seg.element(1).trimmed();
        l.quantity = quantity(seg, 2);
        const QString unit = seg.element(3).trimmed();
        l.unitPrice = Money{amount(seg, 4, o.currency, u"unit price"_s, false), o.currency};
        const QString problem = OrderAmounts::unitPriceProblem(
            l.quantity, l.unitPrice.minor, u"unit price '%1'"_s.arg(seg.element(4).trimmed()), o.currency);
        if (!problem.isEmpty())
            fail(seg, 4, problem);
        if (!OrderAmounts::add(m_linesTotal, *l.checkedTotalMinor()))
            fail(seg, 4, OrderAmounts::linesProblem(o.currency));
        QList<PartNumber> parts;
        // The seller's own number for the item is ours: SK (our SKU), VP (vendor's part number) or VN
        // (vendor's item number, as retail 850s name it), in that order of trust.
        QString sk, vp, vn;
        for (int k = 6; k <= 24; k += 2) {
            const QString qualifier = seg.element(k).trimmed();
            const QString number = seg.element(k + 1).trimmed();
            if (qualifier.isEmpty() && number.isEmpty())
                continue;
            if (qualifier.isEmpty())
                fail(seg, k, u"product id '%1' has no qualifier"_s.arg(number));
            if (number.isEmpty())
                fail(seg, k + 1, u"product id qualifier %1 has no number"_s.arg(qualifier));
            parts.append({qualifier, number});
            if (qualifier == u"SK"_s && sk.isEmpty())
                sk = number;
            else if (qualifier == u"VP"_s && vp.isEmpty())
                vp = number;
            else if (qualifier == u"VN"_s && vn.isEmpty())
                vn = number;
        }
        if (parts.isEmpty())
            fail(seg, 6, u"the line names no product (PO106/PO107)"_s);
        l.skuCode = !sk.isEmpty() ? sk : !vp.isEmpty() ? vp : vn;
        m_po.imported.partNumbers.insert(l.lineNo, parts);
        m_po.unitsOfMeasure.insert(l.lineNo, unit);
        o.lines.append(l);
    }

    const X12Interchange& m_ic;
    const X12FunctionalGroup& m_group;
    const X12TransactionSet& m_set;
    X12PurchaseOrder m_po;
    Address* m_party = nullptr;
    Address m_buyer;
    bool m_sawBeg = false;
    QDateTime m_requestedShip;
    const X12Segment* m_ctt = nullptr;
    int m_cttCount = 0;
    const X12Segment* m_amt = nullptr;
    qint64 m_amtTotal = 0;
    qint64 m_linesTotal = 0; // the PO1 lines' totals, checked against the ceiling as each comes
};

} // namespace

std::optional<X12PurchaseOrder> mapX12PurchaseOrder(const X12Interchange& interchange,
                                                    const QByteArray& content,
                                                    const X12FunctionalGroup& group,
                                                    const X12TransactionSet& set, QString& problem) {
    if (!set.problem.isEmpty()) {
        problem = set.problem;
        return std::nullopt;
    }
    try {
        X12PurchaseOrder po = SetMapper(interchange, group, set).map();
        SourceDocument& source = po.imported.source;
        source.format = u"x12"_s;
        source.fileName = interchange.fileName;
        source.reference = u"ST %1 (segments %2-%3)"_s.arg(set.controlNumber)
                               .arg(interchange.segments.at(set.first).number)
                               .arg(interchange.segments.at(set.last).number);
        source.content = interchange.text(content, 0, 0) +
                         interchange.text(content, group.header, group.header) +
                         interchange.text(content, set.first, set.last);
        return po;
    } catch (const SetProblem& p) {
        problem = p.message;
        return std::nullopt;
    }
}

} // namespace ordo

namespace ordo {

X12StoredPurchaseOrder readX12SourceDocument(const QByteArray& content, const QString& name) {
    // The stored document has no trailers: close the group and the interchange the way its headers say.
    const X12Tokens tokens = X12Tokenizer::tokenize(content, name);
    if (tokens.segments.size() < 3 || tokens.segments.at(1).id != u"GS"_s)
        throw Error::input(u"%1: not an X12 source document (ISA, GS, then one transaction set)"_s.arg(name));
    const X12Separators& sep = tokens.separators;
    const QChar e = QLatin1Char(sep.element);
    const QString trailers = u"GE"_s + e + u"1"_s + e + tokens.segments.at(1).element(6) +
                             QLatin1Char(sep.segment) + u"IEA"_s + e + u"1"_s + e +
                             tokens.segments.at(0).element(13) + QLatin1Char(sep.segment);
    QByteArray whole = content;
    if (!whole.endsWith(sep.segment) && !whole.endsWith('\n') && !whole.endsWith('\r'))
        whole += sep.segment;
    whole += trailers.toUtf8();
    X12StoredPurchaseOrder stored;
    stored.interchange = X12Interchange::parse(whole, name);
    const X12FunctionalGroup& group = stored.interchange.groups.first();
    if (group.sets.size() != 1)
        throw Error::input(
            u"%1: the source document holds %2 transaction sets, not one"_s.arg(name).arg(group.sets.size()));
    QString problem;
    auto po = mapX12PurchaseOrder(stored.interchange, whole, group, group.sets.first(), problem);
    if (!po)
        throw Error::input(u"%1: %2"_s.arg(name, problem));
    stored.order = std::move(*po);
    return stored;
}

} // namespace ordo
