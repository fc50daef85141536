#pragma once

#include "X12Segment.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ordo {

// A segment to write: its id and its elements 01, 02, ... (trailing empty elements are dropped on output).
struct X12OutSegment {
    QString id;
    QStringList elements;
};

// One transaction set to write, without its ST and SE (the writer adds them with the count).
struct X12OutSet {
    QString id; // "855", "856"
    QList<X12OutSegment> segments;
};

// Who an outbound interchange goes from and to, and its control number.
struct X12OutEnvelope {
    QString senderQualifier = QStringLiteral("ZZ");   // ISA05
    QString senderId;                                 // ISA06 (padded to 15)
    QString receiverQualifier = QStringLiteral("ZZ"); // ISA07
    QString receiverId;                               // ISA08 (padded to 15)
    QString groupSender;                              // GS02; the ISA sender id when empty
    QString groupReceiver;                            // GS03; the ISA receiver id when empty
    QString functionalId;                             // GS01: "PR" for 855, "SH" for 856
    qint64 controlNumber = 1;                         // ISA13 and GS06, 1..999999999
    QDateTime at;                                     // ISA09/10, GS04/05 (UTC)
    bool test = false;                                // ISA15 T instead of P
};

// Writes X12 version 4010 interchanges: ISA with its fixed widths, one GS..GE group, ST..SE sets numbered
// 0001, 0002... with their segment counts, GE and IEA. Separators are '*', ':' and '~' with a line break
// after each terminator. A delimiter inside a value would break the document, so it is replaced by a space.
namespace X12Writer {

QByteArray write(const X12OutEnvelope& envelope, const QList<X12OutSet>& sets);

// "20261201" for a date, "1430" for a time.
QString date(const QDateTime& at);
QString time(const QDateTime& at);

} // namespace X12Writer

} // namespace ordo
