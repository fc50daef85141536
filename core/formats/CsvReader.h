#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QIODevice;

namespace ordo {

// One record of a CSV file: its fields and the line it starts on (1-based; a record with a quoted field that
// spans lines starts on its first line).
struct CsvRecord {
    QStringList fields;
    int line = 0;
};

// Streaming RFC 4180 reader for UTF-8 text. Reads the device in chunks, so a file of any size needs memory
// for one record only. Accepts a UTF-8 byte order mark, CRLF, LF or CR line ends, quoted fields with
// separators, line breaks and doubled quotes inside (a line break inside a quoted field is returned as "\n").
// Blank lines are skipped. A file that is not CSV text is refused with Error::input naming the source and
// the line: a NUL byte (binary data, UTF-16), bytes that are not UTF-8 (Latin-1, Windows-1252), the end of
// the file inside a quoted field, text after a closing quote, a field longer than maxFieldLength characters
// (a quote never closed: the rest of a large file would pile up in one field), a record of more than
// maxFields fields (a line of commas) or, with setByteLimit(), more
// bytes than the limit (a device that never ends). After an error the reader stays at end.
class CsvReader {
public:
    static constexpr qsizetype maxFieldLength = 1024 * 1024;
    static constexpr qsizetype maxFields = 10000;

    CsvReader(QIODevice& device, QString sourceName);

    // Refuses the input (Error::input with `message`) once more than `bytes` have been read from the device.
    void setByteLimit(qint64 bytes, QString message);

    // Reads the next record into `record`; false at the end of the input. Throws Error::input.
    bool next(CsvRecord& record);

    // The line and reason of the error thrown, for reports that keep the two apart (0 / empty if none).
    int errorLine() const { return m_errorLine; }
    const QString& errorReason() const { return m_errorReason; }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };

    bool fill();
    qsizetype validateUtf8(const QByteArray& bytes, qsizetype from, bool atEnd);
    void endField();
    void appendToField(const QChar* from, qsizetype count);
    [[noreturn]] void fail(int line, const QString& reason);

    QIODevice& m_device;
    QString m_source;
    QString m_text; // decoded text not yet parsed, from m_pos
    qsizetype m_pos = 0;
    QByteArray m_carry; // an incomplete UTF-8 sequence at the end of the last chunk
    bool m_firstChunk = true;
    bool m_done = false;
    qint64 m_bytesRead = 0;
    qint64 m_byteLimit = -1; // none
    QString m_limitMessage;

    // Parser state, kept across chunk boundaries.
    State m_state = State::FieldStart;
    QStringList m_fields;
    QString m_field;
    int m_line = 1;
    int m_quoteLine = 0;
    bool m_skipLf = false;

    // Byte scanner state (runs one chunk ahead of the parser), for the line of an encoding error.
    int m_scanLine = 1;
    bool m_scanPrevCr = false;

    int m_errorLine = 0;
    QString m_errorReason;
};

} // namespace ordo
