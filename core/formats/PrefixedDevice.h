#pragma once

#include <QByteArray>
#include <QIODevice>

namespace ordo {

// A read-only sequential device that gives `head` and then what is left of `rest`: a file that is not
// regular (a FIFO, a device) whose first bytes were read to recognise its format cannot be read again from
// the start, so its reader is handed those bytes back first.
class PrefixedDevice : public QIODevice {
public:
    PrefixedDevice(QByteArray head, QIODevice& rest);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_head;
    qint64 m_headPos = 0;
    QIODevice& m_rest;
};

} // namespace ordo
