#include "Error.h"

namespace ordo {

Error::Error(Kind kind, QString message)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_utf8(m_message.toUtf8()) {}

} // namespace ordo
