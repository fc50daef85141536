#pragma once

#include <QString>
#include <QStringList>

namespace ordo {

// The four delimiters of an X12 interchange, read from its ISA segment (they are not fixed by the standard).
struct X12Separators {
    char element = '*';
    char component = ':';   // ISA16
    char segment = '~';     // the character after ISA16
    char repetition = '\0'; // ISA11 from version 00402 on; none in 4010, where ISA11 is the standards id 'U'

    // True when c is one of the delimiters (so it cannot appear inside a data element).
    bool isDelimiter(char c) const {
        return c == element || c == component || c == segment || (repetition != '\0' && c == repetition);
    }
};

// One segment as read: its id and its elements, with the place it was found.
struct X12Segment {
    int number = 0;       // 1-based position in the interchange; the ISA is segment 1
    QString id;           // "ISA", "PO1", ...
    QStringList elements; // elements 01, 02, ... as sent (empty elements kept, trailing ones may be absent)
    qsizetype begin = 0;  // byte offset of the segment id in the file
    qsizetype end = 0;    // byte offset just after the terminator and any line break following it
    bool badEncoding = false; // the segment's bytes are not UTF-8

    // Element n (1-based, as X12 numbers them: PO102 is element(2)); empty when absent.
    QString element(int n) const { return n >= 1 && n <= elements.size() ? elements.at(n - 1) : QString(); }
    // The components of a composite element.
    QStringList components(int n, const X12Separators& separators) const {
        return element(n).split(QLatin1Char(separators.component));
    }
    // "segment 14 (PO1)", the way every problem names where it is.
    QString where() const;
    // Two or three upper-case letters or digits.
    bool hasValidId() const;
};

} // namespace ordo
