#include "X12Writer.h"

#include "Error.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

const X12Separators separators; // '*', ':', '~'

QString clean(const QString& value) {
    QString out = value;
    for (QChar& c : out)
        if (c.unicode() < 0x80 && (separators.isDelimiter(char(c.unicode())) || c == u'\n' || c == u'\r'))
            c = u' ';
    return out;
}

// An ISA element: exactly `width` printable ASCII characters, since the ISA is counted in bytes.
QString fixed(const QString& value, int width) {
    QString out = clean(value).left(width).leftJustified(width, u' ');
    for (QChar& c : out)
        if (c.unicode() < 0x20 || c.unicode() >= 0x7F)
            c = u' ';
    return out;
}

QString segmentText(const QString& id, QStringList elements) {
    while (!elements.isEmpty() && elements.last().isEmpty())
        elements.removeLast();
    QString text = id;
    for (const QString& e : elements)
        text += QLatin1Char(separators.element) + clean(e);
    return text + QLatin1Char(separators.segment) + u'\n';
}

} // namespace

QString X12Writer::date(const QDateTime& at) {
    return at.toUTC().toString(u"yyyyMMdd"_s);
}

QString X12Writer::time(const QDateTime& at) {
    return at.toUTC().toString(u"HHmm"_s);
}

QByteArray X12Writer::write(const X12OutEnvelope& env, const QList<X12OutSet>& sets) {
    if (env.controlNumber < 1 || env.controlNumber > 999999999)
        throw Error::usage(u"X12 control number %1 is outside 1..999999999"_s.arg(env.controlNumber));
    // Ids the ISA cannot carry as they are (it is counted in bytes and split at the delimiters) are refused
    // rather than changed: the partner would not recognise an altered id.
    const QList<std::pair<QString, QString>> ids = {{u"sender id"_s, env.senderId},
                                                    {u"receiver id"_s, env.receiverId},
                                                    {u"sender qualifier"_s, env.senderQualifier},
                                                    {u"receiver qualifier"_s, env.receiverQualifier}};
    for (const auto& [what, value] : ids) {
        if (value.trimmed().isEmpty())
            throw Error::input(u"an X12 interchange needs a %1"_s.arg(what));
        for (QChar c : value)
            if (c.unicode() < 0x20 || c.unicode() > 0x7E || separators.isDelimiter(char(c.unicode())))
                throw Error::input(
                    u"the %1 '%2' cannot be written in an X12 interchange header"_s.arg(what, value));
    }
    const QDateTime at = env.at.isValid() ? env.at.toUTC() : QDateTime::currentDateTimeUtc();
    const QString control = QString::number(env.controlNumber).rightJustified(9, u'0');
    const QChar e = QLatin1Char(separators.element);
    // The ISA is fixed-length; it is assembled by hand so every element has its width.
    QString out = u"ISA"_s + e + u"00"_s + e + fixed({}, 10) + e + u"00"_s + e + fixed({}, 10) + e +
                  fixed(env.senderQualifier, 2) + e + fixed(env.senderId, 15) + e +
                  fixed(env.receiverQualifier, 2) + e + fixed(env.receiverId, 15) + e +
                  at.toString(u"yyMMdd"_s) + e + at.toString(u"HHmm"_s) + e + u"U"_s + e + u"00401"_s + e +
                  control + e + u"0"_s + e + (env.test ? u"T"_s : u"P"_s) + e +
                  QLatin1Char(separators.component) + QLatin1Char(separators.segment) + u'\n';
    const QString groupSender = env.groupSender.isEmpty() ? env.senderId.trimmed() : env.groupSender;
    const QString groupReceiver = env.groupReceiver.isEmpty() ? env.receiverId.trimmed() : env.groupReceiver;
    const QString groupControl = QString::number(env.controlNumber);
    out += segmentText(u"GS"_s, {env.functionalId, groupSender, groupReceiver, date(at), time(at),
                                 groupControl, u"X"_s, u"004010"_s});
    int setNo = 0;
    for (const X12OutSet& set : sets) {
        const QString setControl = QString::number(++setNo).rightJustified(4, u'0');
        out += segmentText(u"ST"_s, {set.id, setControl});
        for (const X12OutSegment& seg : set.segments)
            out += segmentText(seg.id, seg.elements);
        out += segmentText(u"SE"_s, {QString::number(set.segments.size() + 2), setControl});
    }
    out += segmentText(u"GE"_s, {QString::number(sets.size()), groupControl});
    out += segmentText(u"IEA"_s, {u"1"_s, control});
    return out.toUtf8();
}

} // namespace ordo
