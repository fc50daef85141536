#include "X12Interchange.h"

#include "Error.h"
#include "X12Tokenizer.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QString elementName(int n) {
    return u"element %1"_s.arg(n, 2, 10, QLatin1Char('0'));
}

bool isCount(const QString& text, qint64& value) {
    if (text.isEmpty() || text.size() > 9)
        return false;
    for (QChar c : text)
        if (c < u'0' || c > u'9')
            return false;
    value = text.toLongLong();
    return true;
}

// Control numbers are compared as numbers when both are digits ("0001" and "1" are the same), else as text.
bool sameControlNumber(const QString& a, const QString& b) {
    qint64 x = 0, y = 0;
    if (isCount(a.trimmed(), x) && isCount(b.trimmed(), y))
        return x == y;
    return a.trimmed() == b.trimmed();
}

class EnvelopeReader {
public:
    EnvelopeReader(X12Interchange& ic)
        : m_ic(ic)
        , m_segments(ic.segments) {}

    void read() {
        readIsa();
        int i = 1;
        while (i < m_segments.size()) {
            const X12Segment& seg = m_segments.at(i);
            envelopeSegment(seg);
            if (seg.id == u"GS"_s) {
                i = readGroup(i);
            } else if (seg.id == u"IEA"_s) {
                readIea(seg);
                if (i + 1 < m_segments.size())
                    fail(m_segments.at(i + 1), u"text after the IEA that closes the interchange"_s);
                return;
            } else {
                fail(seg, u"expected a GS (functional group) or the IEA that closes the interchange"_s);
            }
        }
        const X12Segment& last = m_segments.last();
        fail(last, u"the interchange ends here without its IEA trailer; is the file truncated?"_s);
    }

private:
    [[noreturn]] void fail(const X12Segment& seg, const QString& reason) const {
        throw Error::input(u"%1: %2: %3"_s.arg(m_ic.fileName, seg.where(), reason));
    }
    [[noreturn]] void fail(const X12Segment& seg, int element, const QString& reason) const {
        fail(seg, elementName(element) + u": "_s + reason);
    }

    void envelopeSegment(const X12Segment& seg) const {
        if (seg.badEncoding)
            fail(seg, u"the segment is not UTF-8 text"_s);
    }

    void readIsa() {
        const X12Segment& isa = m_segments.first();
        envelopeSegment(isa);
        if (isa.elements.size() != 16)
            fail(isa, u"the ISA has %1 elements, not 16"_s.arg(isa.elements.size()));
        for (int n = 1; n <= 15; ++n)
            for (QChar c : isa.element(n))
                if (c.unicode() < 0x20 || c.unicode() > 0x7E)
                    fail(isa, n, u"the ISA holds printable ASCII characters only"_s);
        m_ic.senderQualifier = isa.element(5).trimmed();
        m_ic.senderId = isa.element(6).trimmed();
        m_ic.receiverQualifier = isa.element(7).trimmed();
        m_ic.receiverId = isa.element(8).trimmed();
        m_ic.date = isa.element(9);
        m_ic.time = isa.element(10);
        m_ic.version = isa.element(12);
        m_ic.controlNumber = isa.element(13);
        m_ic.usage = isa.element(15);
        qint64 n = 0;
        if (!isCount(m_ic.controlNumber, n))
            fail(isa, 13, u"interchange control number '%1' is not 9 digits"_s.arg(m_ic.controlNumber));
        if (m_ic.senderId.isEmpty())
            fail(isa, 6, u"the interchange sender id is empty"_s);
        if (m_ic.receiverId.isEmpty())
            fail(isa, 8, u"the interchange receiver id is empty"_s);
    }

    int readGroup(int i) {
        const X12Segment& gs = m_segments.at(i);
        X12FunctionalGroup group;
        group.functionalId = gs.element(1);
        group.senderCode = gs.element(2);
        group.receiverCode = gs.element(3);
        group.date = gs.element(4);
        group.time = gs.element(5);
        group.controlNumber = gs.element(6);
        group.version = gs.element(8);
        group.header = i;
        if (group.controlNumber.isEmpty())
            fail(gs, 6, u"the group control number is empty"_s);
        ++i;
        while (i < m_segments.size() && m_segments.at(i).id == u"ST"_s) {
            const int st = i;
            int j = i + 1;
            while (j < m_segments.size()) {
                const QString& id = m_segments.at(j).id;
                if (id == u"SE"_s || id == u"ST"_s || id == u"GS"_s || id == u"GE"_s || id == u"IEA"_s)
                    break;
                ++j;
            }
            if (j >= m_segments.size() || m_segments.at(j).id != u"SE"_s) {
                const X12Segment& at = m_segments.at(std::min<int>(j, m_segments.size() - 1));
                fail(m_segments.at(st), u"transaction set %1 is not closed by an SE before %2"_s.arg(
                                            m_segments.at(st).element(2), at.where()));
            }
            group.sets.append(readSet(st, j));
            i = j + 1;
        }
        if (i >= m_segments.size())
            fail(m_segments.last(),
                 u"functional group %1 ends without its GE trailer; is the file truncated?"_s.arg(
                     group.controlNumber));
        const X12Segment& ge = m_segments.at(i);
        if (ge.id != u"GE"_s)
            fail(ge, u"expected an ST (transaction set) or the GE that closes group %1"_s.arg(
                         group.controlNumber));
        envelopeSegment(ge);
        qint64 count = 0;
        if (!isCount(ge.element(1), count))
            fail(ge, 1, u"number of transaction sets '%1' is not a number"_s.arg(ge.element(1)));
        if (count != group.sets.size())
            fail(ge, 1,
                 u"group %1 has %2 transaction set(s), GE01 says %3"_s.arg(group.controlNumber)
                     .arg(group.sets.size())
                     .arg(count));
        if (!sameControlNumber(ge.element(2), group.controlNumber))
            fail(ge, 2,
                 u"group control number '%1' does not match GS06 '%2' (%3)"_s.arg(
                     ge.element(2), group.controlNumber, gs.where()));
        m_ic.groups.append(std::move(group));
        return i + 1;
    }

    X12TransactionSet readSet(int st, int se) {
        X12TransactionSet set;
        const X12Segment& head = m_segments.at(st);
        const X12Segment& tail = m_segments.at(se);
        set.id = head.element(1);
        set.controlNumber = head.element(2);
        set.first = st;
        set.last = se;
        for (int k = st; k <= se && set.problem.isEmpty(); ++k) {
            const X12Segment& seg = m_segments.at(k);
            if (seg.badEncoding)
                set.problem = seg.where() + u": the segment is not UTF-8 text"_s;
            else if (!seg.hasValidId())
                set.problem = seg.where() + u": '%1' is not a segment id"_s.arg(seg.id);
        }
        if (!set.problem.isEmpty())
            return set;
        if (set.controlNumber.isEmpty()) {
            set.problem = head.where() + u": element 02: the transaction set control number is empty"_s;
            return set;
        }
        qint64 count = 0;
        const qint64 actual = se - st + 1;
        if (!isCount(tail.element(1), count))
            set.problem =
                tail.where() +
                u": element 01: number of included segments '%1' is not a number"_s.arg(tail.element(1));
        else if (count != actual)
            set.problem =
                tail.where() +
                u": element 01: the set has %1 segments (ST to SE), SE01 says %2"_s.arg(actual).arg(count);
        else if (!sameControlNumber(tail.element(2), set.controlNumber))
            set.problem =
                tail.where() + u": element 02: control number '%1' does not match ST02 '%2' (%3)"_s.arg(
                                   tail.element(2), set.controlNumber, head.where());
        return set;
    }

    void readIea(const X12Segment& iea) {
        qint64 count = 0;
        if (!isCount(iea.element(1), count))
            fail(iea, 1, u"number of functional groups '%1' is not a number"_s.arg(iea.element(1)));
        if (count != m_ic.groups.size())
            fail(iea, 1,
                 u"the interchange has %1 functional group(s), IEA01 says %2"_s.arg(m_ic.groups.size())
                     .arg(count));
        if (!sameControlNumber(iea.element(2), m_ic.controlNumber))
            fail(iea, 2,
                 u"interchange control number '%1' does not match ISA13 '%2'"_s.arg(iea.element(2),
                                                                                    m_ic.controlNumber));
    }

    X12Interchange& m_ic;
    const QList<X12Segment>& m_segments;
};

} // namespace

X12Interchange X12Interchange::parse(const QByteArray& content, const QString& fileName) {
    X12Tokens tokens = X12Tokenizer::tokenize(content, fileName);
    X12Interchange ic;
    ic.fileName = fileName;
    ic.separators = tokens.separators;
    ic.segments = std::move(tokens.segments);
    EnvelopeReader(ic).read();
    return ic;
}

QByteArray X12Interchange::text(const QByteArray& content, int first, int last) const {
    const qsizetype begin = segments.at(first).begin;
    const qsizetype end = segments.at(last).end;
    return content.mid(begin, end - begin);
}

} // namespace ordo
