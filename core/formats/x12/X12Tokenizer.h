#pragma once

#include "X12Segment.h"

#include <QByteArrayView>
#include <QList>

namespace ordo {

// Splits one X12 interchange into segments. The separators come from the fixed-length ISA segment: the
// element separator is its 4th character, the component separator is ISA16, the segment terminator follows
// ISA16, and the repetition separator is ISA11 when that is not a letter or digit (in 4010 ISA11 is the
// standards id 'U'). A line break after a terminator is skipped, so files with one segment per line read the
// same; a terminator that is itself a line break may be preceded by a carriage return. Leading white space
// and a UTF-8 byte order mark are skipped.
struct X12Tokens {
    X12Separators separators;
    QList<X12Segment> segments;
};

namespace X12Tokenizer {

// True when the data starts (after white space) like an X12 interchange: "ISA" followed by a delimiter.
bool looksLikeX12(QByteArrayView data);

// Throws Error::input naming the file and the segment when there is no readable ISA segment (absent, shorter
// than its fixed 106 characters, an element of the wrong width, separators that clash) or when text follows
// the last terminator. Segments whose bytes are not UTF-8 are returned with badEncoding set.
X12Tokens tokenize(QByteArrayView data, const QString& fileName);

} // namespace X12Tokenizer

} // namespace ordo
