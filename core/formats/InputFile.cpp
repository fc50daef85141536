#include "InputFile.h"

#include "Error.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace ordo::InputFile {

namespace {

// "64 MiB" for a whole number of MiB, else one decimal ("1.5 MiB"), and KiB or bytes below a MiB.
QString shortSize(qint64 bytes) {
    const auto scaled = [&](qint64 unit, const QString& name) {
        if (bytes % unit == 0)
            return u"%1 %2"_s.arg(bytes / unit).arg(name);
        return u"%1 %2"_s.arg(double(bytes) / double(unit), 0, 'f', 1).arg(name);
    };
    if (bytes >= 1024 * InputLimits::mebibyte)
        return scaled(1024 * InputLimits::mebibyte, u"GiB"_s);
    if (bytes >= InputLimits::mebibyte)
        return scaled(InputLimits::mebibyte, u"MiB"_s);
    if (bytes >= 1024)
        return scaled(1024, u"KiB"_s);
    return u"%1 bytes"_s.arg(bytes);
}

} // namespace

QString sizeText(qint64 bytes) {
    const QString text = shortSize(bytes);
    if (bytes < 1024 || (bytes % InputLimits::mebibyte == 0 && bytes >= InputLimits::mebibyte))
        return text;
    return u"%1 (%2 bytes)"_s.arg(text).arg(bytes);
}

QString tooLarge(const QString& path, qint64 limit, const QString& kind) {
    const QFileInfo info(path);
    if (!info.isFile())
        return {};
    const qint64 size = info.size();
    if (size <= limit)
        return {};
    return u"the file is %1, more than the %2 %3 may have; nothing of it was read (a larger limit: "
           "--max-file-size)"_s.arg(sizeText(size), sizeText(limit), kind);
}

QString stoppedAt(qint64 limit, const QString& kind, bool regular) {
    return u"%1 more than the %2 %3 may have; reading stopped at the limit (a larger limit: "
           "--max-file-size)"_s.arg(regular ? u"the file grew while it was read, to"_s
                                            : u"this is not a regular file and it gives"_s,
                                    sizeText(limit), kind);
}

QString kindText(const QString& format) {
    if (format.isEmpty())
        return u"an input file"_s;
    if (format == u"csv"_s)
        return u"a CSV file"_s;
    if (format == u"x12"_s)
        return u"an X12 interchange"_s;
    return u"a JSON document"_s;
}

QByteArray head(QFile& file, qint64 bytes) {
    QByteArray content;
    while (content.size() < bytes) {
        const QByteArray part = file.read(bytes - content.size());
        if (part.isEmpty())
            break;
        content += part;
    }
    return content;
}

QByteArray readAll(QFile& file, qint64 limit, const QString& kind, qint64 already) {
    QByteArray content;
    if (QFileInfo(file.fileName()).isFile()) // its size is known: one allocation, not a doubling series
        content.reserve(std::min(limit - already, file.size() - file.pos()) + 1);
    constexpr qint64 chunk = 1024 * 1024;
    while (true) {
        // One byte past the limit tells a file of exactly the limit from a longer one.
        const qint64 wanted = std::min(chunk, limit + 1 - already - content.size());
        const QByteArray part = file.read(wanted);
        if (part.isEmpty())
            break;
        content += part;
        if (already + content.size() > limit)
            throw Error::input(stoppedAt(limit, kind, QFileInfo(file.fileName()).isFile()));
    }
    return content;
}

} // namespace ordo::InputFile
