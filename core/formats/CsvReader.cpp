#include "CsvReader.h"

#include "Error.h"

#include <QIODevice>

#include <utility>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

constexpr qint64 chunkSize = 256 * 1024;

bool isLineBreak(QChar c) {
    return c == u'\n' || c == u'\r';
}

} // namespace

CsvReader::CsvReader(QIODevice& device, QString sourceName)
    : m_device(device)
    , m_source(std::move(sourceName)) {}

void CsvReader::setByteLimit(qint64 bytes, QString message) {
    m_byteLimit = bytes;
    m_limitMessage = std::move(message);
}

void CsvReader::fail(int line, const QString& reason) {
    m_done = true;
    m_errorLine = line;
    m_errorReason = reason;
    throw Error::input(u"%1 line %2: %3"_s.arg(m_source, QString::number(line), reason));
}

// Checks that bytes[from..] are UTF-8 without NUL and counts their lines. Returns where an incomplete
// sequence at the end starts (it is kept for the next chunk), or the size when every byte was consumed.
qsizetype CsvReader::validateUtf8(const QByteArray& bytes, qsizetype from, bool atEnd) {
    const auto* p = reinterpret_cast<const uchar*>(bytes.constData());
    const qsizetype n = bytes.size();
    auto invalid = [&](qsizetype at) {
        fail(m_scanLine, u"the file is not UTF-8 text (byte 0x%1 cannot start or continue a character); "
                         "save it as UTF-8"_s.arg(QString::number(p[at], 16).toUpper()));
    };
    qsizetype i = from;
    while (i < n) {
        const uchar b = p[i];
        if (b >= 0x01 && b < 0x80) {
            if (b == '\n') {
                if (!m_scanPrevCr)
                    ++m_scanLine;
                m_scanPrevCr = false;
            } else if (b == '\r') {
                ++m_scanLine;
                m_scanPrevCr = true;
            } else {
                m_scanPrevCr = false;
            }
            ++i;
            continue;
        }
        m_scanPrevCr = false;
        if (b == 0)
            fail(m_scanLine, u"the file contains a NUL byte: it is binary data or text in another encoding "
                             "(UTF-16?), not UTF-8 CSV"_s);
        int length = 0;
        uchar low = 0x80;
        uchar high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
        } else if (b == 0xE0) {
            length = 3;
            low = 0xA0;
        } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
            length = 3;
        } else if (b == 0xED) {
            length = 3;
            high = 0x9F; // no UTF-16 surrogates
        } else if (b == 0xF0) {
            length = 4;
            low = 0x90;
        } else if (b >= 0xF1 && b <= 0xF3) {
            length = 4;
        } else if (b == 0xF4) {
            length = 4;
            high = 0x8F;
        } else {
            invalid(i);
        }
        const qsizetype available = std::min<qsizetype>(length, n - i);
        for (qsizetype k = 1; k < available; ++k) {
            const uchar c = p[i + k];
            if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF))
                invalid(i + k);
        }
        if (available < length) {
            if (atEnd)
                fail(m_scanLine, u"the file ends in the middle of a UTF-8 character (a truncated file?)"_s);
            return i;
        }
        i += length;
    }
    return n;
}

bool CsvReader::fill() {
    if (m_pos > 0) {
        m_text.remove(0, m_pos);
        m_pos = 0;
    }
    const QByteArray chunk = m_device.read(chunkSize);
    m_bytesRead += chunk.size();
    if (m_byteLimit >= 0 && m_bytesRead > m_byteLimit)
        fail(m_scanLine, m_limitMessage);
    if (chunk.isEmpty()) {
        if (!m_carry.isEmpty())
            validateUtf8(std::exchange(m_carry, QByteArray()), 0, true);
        return false;
    }
    const QByteArray bytes = m_carry.isEmpty() ? chunk : m_carry + chunk;
    m_carry.clear();
    qsizetype start = 0;
    if (m_firstChunk) {
        m_firstChunk = false;
        if (bytes.startsWith("\xEF\xBB\xBF"))
            start = 3;
        else if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
            fail(1, u"the file is UTF-16 text; save it as UTF-8"_s);
    }
    const qsizetype valid = validateUtf8(bytes, start, false);
    if (valid < bytes.size())
        m_carry = bytes.mid(valid);
    m_text.append(QString::fromUtf8(bytes.constData() + start, valid - start));
    return true;
}

void CsvReader::endField() {
    if (m_fields.size() == maxFields)
        fail(m_line, u"the record has more than %1 fields"_s.arg(maxFields));
    m_fields.append(std::exchange(m_field, QString()));
}

void CsvReader::appendToField(const QChar* from, qsizetype count) {
    m_field.append(from, count);
    if (m_field.size() > maxFieldLength)
        fail(m_state == State::Quoted ? m_quoteLine : m_line,
             u"field %1 is longer than %2 characters (a quote that is never closed?)"_s
                 .arg(m_fields.size() + 1)
                 .arg(maxFieldLength));
}

bool CsvReader::next(CsvRecord& record) {
    if (m_done)
        return false;
    m_fields.clear();
    m_field.clear();
    m_state = State::FieldStart;
    bool started = false;
    bool complete = false;
    // Ends a line: counts it, and remembers to drop the LF of a CRLF pair (possibly in the next chunk).
    auto lineBreak = [this](QChar c) {
        ++m_line;
        ++m_pos;
        m_skipLf = c == u'\r';
    };
    while (!complete) {
        if (m_pos >= m_text.size()) {
            if (fill())
                continue;
            m_done = true;
            if (m_state == State::Quoted)
                fail(m_quoteLine, u"the file ends inside the quoted field that starts on line %1 (a missing "
                                  "closing quote, or a truncated file)"_s.arg(m_quoteLine));
            if (!started)
                return false;
            endField();
            break;
        }
        const QChar* data = m_text.constData();
        const qsizetype size = m_text.size();
        QChar c = data[m_pos];
        if (m_skipLf) {
            m_skipLf = false;
            if (c == u'\n') {
                ++m_pos;
                continue;
            }
        }
        if (!started) {
            started = true;
            record.line = m_line;
        }
        switch (m_state) {
        case State::FieldStart:
            if (c == u'"') {
                m_state = State::Quoted;
                m_quoteLine = m_line;
                ++m_pos;
                continue;
            }
            if (c == u',') {
                endField();
                ++m_pos;
                continue;
            }
            if (isLineBreak(c)) {
                lineBreak(c);
                if (m_fields.isEmpty()) { // a blank line
                    started = false;
                    continue;
                }
                endField();
                complete = true;
                continue;
            }
            m_state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted: {
            qsizetype i = m_pos;
            while (i < size && data[i] != u',' && !isLineBreak(data[i]))
                ++i;
            appendToField(data + m_pos, i - m_pos);
            m_pos = i;
            if (i == size)
                continue;
            c = data[i];
            endField();
            m_state = State::FieldStart;
            if (c == u',') {
                ++m_pos;
            } else {
                lineBreak(c);
                complete = true;
            }
            continue;
        }
        case State::Quoted: {
            qsizetype i = m_pos;
            while (i < size && data[i] != u'"' && !isLineBreak(data[i]))
                ++i;
            appendToField(data + m_pos, i - m_pos);
            m_pos = i;
            if (i == size)
                continue;
            c = data[i];
            if (c == u'"') {
                m_state = State::QuoteInQuoted;
                ++m_pos;
            } else {
                m_field.append(u'\n');
                lineBreak(c);
            }
            continue;
        }
        case State::QuoteInQuoted:
            if (c == u'"') {
                m_field.append(u'"');
                m_state = State::Quoted;
                ++m_pos;
                continue;
            }
            m_state = State::FieldStart;
            if (c == u',') {
                endField();
                ++m_pos;
                continue;
            }
            if (isLineBreak(c)) {
                endField();
                lineBreak(c);
                complete = true;
                continue;
            }
            fail(m_line,
                 u"unexpected text after the closing quote of field %1 (a quote inside a quoted field "
                 "must be doubled)"_s.arg(m_fields.size() + 1));
        }
    }
    const qsizetype width = m_fields.size();
    record.fields = std::exchange(m_fields, QStringList());
    m_fields.reserve(width); // the next record is most likely as wide
    return true;
}

} // namespace ordo
