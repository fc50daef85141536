#include "Error.h"

namespace ordo {

Error::Error(Kind kind, QString message, QString code)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_code(std::move(code))
    , m_utf8(m_message.toUtf8()) {}

} // namespace ordo
