#include "X12Tokenizer.h"

#include "Error.h"

#include <QStringDecoder>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace ordo {

QString X12Segment::where() const {
    return u"segment %1 (%2)"_s.arg(number).arg(id.isEmpty() ? u"?"_s : id);
}

bool X12Segment::hasValidId() const {
    if (id.size() < 2 || id.size() > 3)
        return false;
    for (QChar c : id)
        if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
            return false;
    return true;
}

namespace {

// The ISA is the one fixed-length segment: 16 elements of these widths, 106 characters with its terminator.
constexpr std::array<int, 16> isaWidths = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};
constexpr qsizetype isaLength = 106;

bool isAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isLineBreak(char c) {
    return c == '\n' || c == '\r';
}

qsizetype skipLeadingSpace(QByteArrayView data) {
    qsizetype i = 0;
    if (data.startsWith("\xEF\xBB\xBF"))
        i = 3;
    while (i < data.size() && (data[i] == ' ' || data[i] == '\t' || isLineBreak(data[i])))
        ++i;
    return i;
}

QString separatorName(char c) {
    if (c == '\n')
        return u"a line feed"_s;
    if (c == '\r')
        return u"a carriage return"_s;
    if (uchar(c) < 0x20 || uchar(c) >= 0x7F)
        return u"byte 0x%1"_s.arg(QString::number(uchar(c), 16).toUpper());
    return u"'%1'"_s.arg(QLatin1Char(c));
}

// Reads the separators from the ISA at data[start..], checking its fixed layout.
X12Separators readSeparators(QByteArrayView data, qsizetype start, const QString& fileName) {
    auto fail = [&](const QString& reason) {
        throw Error::input(u"%1: segment 1 (ISA): %2"_s.arg(fileName, reason));
    };
    const QByteArrayView isa = data.sliced(start);
    if (isa.size() < 4)
        fail(u"the file ends inside the ISA segment (it is 106 characters long)"_s);
    X12Separators s;
    s.element = isa[3];
    if (isAlnum(s.element) || s.element == ' ')
        fail(u"%1 cannot be the element separator (the character after \"ISA\")"_s.arg(
            separatorName(s.element)));
    qsizetype at = 3;
    for (int i = 0; i < int(isaWidths.size()); ++i) {
        const qsizetype next = at + 1 + isaWidths[i];
        const bool last = i + 1 == int(isaWidths.size());
        if (next >= isa.size())
            fail(u"the file ends inside the ISA segment at element %1 (the ISA is fixed at 106 characters)"_s
                     .arg(i + 1, 2, 10, QLatin1Char('0')));
        // Every element but the last is followed by the element separator; ISA16 by the segment terminator.
        if (!last) {
            const qsizetype found = isa.sliced(at + 1).indexOf(s.element);
            if (found != isaWidths[i])
                fail(u"element %1 is %2 characters wide, the ISA fixes it at %3 (the ISA is 106 characters)"_s
                         .arg(i + 1, 2, 10, QLatin1Char('0'))
                         .arg(found < 0 ? isa.size() - at - 1 : found)
                         .arg(isaWidths[i]));
        }
        at = next;
    }
    s.component = isa[isaLength - 2];
    s.segment = isa[isaLength - 1];
    const char isa11 = isa[82];
    if (!isAlnum(isa11))
        s.repetition = isa11;
    if (isAlnum(s.component) || isAlnum(s.segment) || s.component == ' ' || s.segment == ' ')
        fail(u"the component separator (ISA16) %1 or the segment terminator %2 is a letter, digit or space"_s
                 .arg(separatorName(s.component), separatorName(s.segment)));
    if (s.component == s.element || s.segment == s.element || s.segment == s.component ||
        (s.repetition != '\0' &&
         (s.repetition == s.element || s.repetition == s.segment || s.repetition == s.component)))
        fail(u"two separators are the same character (element %1, component %2, segment %3)"_s.arg(
            separatorName(s.element), separatorName(s.component), separatorName(s.segment)));
    return s;
}

} // namespace

bool X12Tokenizer::looksLikeX12(QByteArrayView data) {
    const qsizetype start = skipLeadingSpace(data);
    const QByteArrayView rest = data.sliced(start);
    return rest.size() >= 4 && rest.startsWith("ISA") && !isAlnum(rest[3]) && rest[3] != ' ';
}

X12Tokens X12Tokenizer::tokenize(QByteArrayView data, const QString& fileName) {
    const qsizetype start = skipLeadingSpace(data);
    if (!data.sliced(start).startsWith("ISA"))
        throw Error::input(
            u"%1: not an X12 interchange: it does not start with an ISA segment"_s.arg(fileName));
    X12Tokens tokens;
    const X12Separators s = readSeparators(data, start, fileName);
    tokens.separators = s;
    const bool skipBreaks = !isLineBreak(s.segment) && !isLineBreak(s.element) && !isLineBreak(s.component);

    qsizetype pos = start;
    int number = 0;
    while (pos < data.size()) {
        // The ISA's terminator is where its fixed length puts it, even if a field before it holds that
        // character.
        const qsizetype term = number == 0 ? start + isaLength - 1 : data.indexOf(s.segment, pos);
        if (term < 0) {
            const QByteArrayView tail = data.sliced(pos);
            if (tail.trimmed().isEmpty())
                break;
            throw Error::input(
                u"%1: segment %2: the file ends without a segment terminator (%3) after \"%4\"; "
                "is it truncated?"_s.arg(fileName)
                    .arg(number + 1)
                    .arg(
                        separatorName(s.segment),
                        QString::fromLatin1(tail.first(std::min<qsizetype>(20, tail.size())).toByteArray())));
        }
        QByteArrayView text = data.sliced(pos, term - pos);
        if (s.segment == '\n' && text.endsWith('\r'))
            text.chop(1);
        qsizetype next = term + 1;
        if (skipBreaks)
            while (next < data.size() && isLineBreak(data[next]))
                ++next;
        if (text.trimmed().isEmpty()) { // a blank line between segments
            pos = next;
            continue;
        }
        X12Segment segment;
        segment.number = ++number;
        segment.begin = pos;
        segment.end = next;
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString decoded = decoder.decode(text);
        if (decoder.hasError()) {
            segment.badEncoding = true;
            decoded = QString::fromLatin1(text.toByteArray());
        }
        QStringList parts = decoded.split(QLatin1Char(s.element));
        segment.id = parts.takeFirst().trimmed().left(8);
        segment.elements = std::move(parts);
        tokens.segments.append(std::move(segment));
        pos = next;
    }
    return tokens;
}

} // namespace ordo
