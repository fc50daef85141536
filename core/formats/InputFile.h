#pragma once

#include <QByteArray>
#include <QString>

#include <algorithm>

class QFile;

namespace ordo {

// How large an input file may be, per kind. CSV files are streamed a record at a time, but an orders file is
// read twice and the orders of one file are saved in one transaction; a JSON document is parsed whole and
// takes several times its size in memory while it is; an X12 interchange is tokenised whole.
struct InputLimits {
    static constexpr qint64 mebibyte = 1024 * 1024;
    qint64 csvBytes = 256 * mebibyte;
    qint64 x12Bytes = 256 * mebibyte;
    qint64 jsonBytes = 64 * mebibyte;

    // One limit for every kind (`ordo import --max-file-size`).
    static InputLimits all(qint64 bytes) { return {bytes, bytes, bytes}; }
    qint64 largest() const { return std::max({csvBytes, x12Bytes, jsonBytes}); }
};

// Reading an input file within a limit, so that no file (a 300 MB upload, /dev/zero, a FIFO that never ends)
// takes more memory or time than its limit allows. Messages name the size and the limit; the caller names
// the file.
namespace InputFile {

// "300 MiB (314572800 bytes)", "64 MiB", "1.5 KiB (1536 bytes)": a size for people, exact when not round.
QString sizeText(qint64 bytes);

// Why a file cannot be taken, before reading any of it: a regular file larger than `limit` ("the file is 300
// MiB, more than the 256 MiB a CSV file may have; ..."; `kind` says what the file is). Empty when it may be
// read; files that are not regular (a FIFO, a device) have no size to check and are read with readAll's cap.
QString tooLarge(const QString& path, qint64 limit, const QString& kind);

// What a file of a format is called in those messages: "a CSV file", "a JSON document", "an X12 interchange";
// "an input file" for an empty format (not yet known).
QString kindText(const QString& format);

// Reads up to `bytes` from the start of a file, however the device delivers them (a FIFO gives a little at a
// time).
QByteArray head(QFile& file, qint64 bytes);

// The message for a file that gave more than `limit` bytes while it was read: a file that is not regular (a
// FIFO, a device), or a regular one that grew while it was read. Reading stopped there.
QString stoppedAt(qint64 limit, const QString& kind, bool regular = false);

// Reads what is left of `file`, at most `limit` bytes in all counting `already` bytes read before; throws
// Error::input (stoppedAt) when there is more, without reading past limit + 1 bytes.
QByteArray readAll(QFile& file, qint64 limit, const QString& kind, qint64 already = 0);

} // namespace InputFile

} // namespace ordo
