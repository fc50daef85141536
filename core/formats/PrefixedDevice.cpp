#include "PrefixedDevice.h"

#include <cstring>

namespace ordo {

PrefixedDevice::PrefixedDevice(QByteArray head, QIODevice& rest)
    : m_head(std::move(head))
    , m_rest(rest) {
    open(QIODevice::ReadOnly);
}

qint64 PrefixedDevice::bytesAvailable() const {
    return (m_head.size() - m_headPos) + m_rest.bytesAvailable() + QIODevice::bytesAvailable();
}

qint64 PrefixedDevice::readData(char* data, qint64 maxSize) {
    const qint64 fromHead = std::min(maxSize, qint64(m_head.size()) - m_headPos);
    if (fromHead > 0) {
        std::memcpy(data, m_head.constData() + m_headPos, size_t(fromHead));
        m_headPos += fromHead;
        if (m_headPos == m_head.size()) {
            m_head.clear(); // not needed any more
            m_headPos = 0;
        }
        return fromHead;
    }
    const qint64 read = m_rest.read(data, maxSize);
    return read < 0 ? -1 : read;
}

} // namespace ordo
