#pragma once

#include "X12Segment.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ordo {

// One ST..SE transaction set inside a functional group.
struct X12TransactionSet {
    QString id;            // ST01: "850", "855", "856"
    QString controlNumber; // ST02
    int first = 0;         // index of the ST in X12Interchange::segments
    int last = 0;          // index of the SE
    // Empty when the set's own trailer agrees with it; else why not, naming the segment ("segment 31 (SE):
    // element 01: the set has 19 segments, SE01 says 18"). The reader leaves such a set out.
    QString problem;
};

// One GS..GE functional group.
struct X12FunctionalGroup {
    QString functionalId;  // GS01: "PO" purchase orders, "PR" acknowledgements, "SH" ship notices
    QString senderCode;    // GS02
    QString receiverCode;  // GS03
    QString date;          // GS04 CCYYMMDD
    QString time;          // GS05 HHMM
    QString controlNumber; // GS06
    QString version;       // GS08, e.g. "004010"
    int header = 0;        // index of the GS in X12Interchange::segments
    QList<X12TransactionSet> sets;
};

// An X12 interchange read whole: the ISA..IEA envelope with its groups and sets checked, and every segment.
// This is the generic reader: the purchase-order reader maps 850 sets from it, and the tests read the 855 and
// 856 Ordo writes back through it.
struct X12Interchange {
    QString fileName;
    X12Separators separators;
    QList<X12Segment> segments; // ISA first, IEA last
    QString senderQualifier;    // ISA05
    QString senderId;           // ISA06, trimmed
    QString receiverQualifier;  // ISA07
    QString receiverId;         // ISA08, trimmed
    QString date;               // ISA09 YYMMDD
    QString time;               // ISA10 HHMM
    QString version;            // ISA12, e.g. "00401"
    QString controlNumber;      // ISA13
    QString usage;              // ISA15: P production, T test
    QList<X12FunctionalGroup> groups;

    // Reads and checks the envelope: ISA13 = IEA02 and IEA01 = the number of groups, GS06 = GE02 and GE01 =
    // the number of sets, every ST closed by an SE before the next ST, GE or IEA. Throws Error::input naming
    // the file and the segment when the envelope is broken. A set whose SE disagrees with it (SE01 is not its
    // segment count including ST and SE, SE02 is not ST02), or one with a segment that is not UTF-8 or has no
    // valid id, is kept with its problem set.
    static X12Interchange parse(const QByteArray& content, const QString& fileName);

    // The verbatim bytes of segments [first, last] (with their terminators).
    QByteArray text(const QByteArray& content, int first, int last) const;
};

} // namespace ordo
