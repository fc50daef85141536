#include "Channel.h"

using namespace Qt::StringLiterals;

namespace ordo {

QString channelCode(Channel channel) {
    switch (channel) {
    case Channel::Web:
        return u"web"_s;
    case Channel::App:
        return u"app"_s;
    case Channel::Pos:
        return u"pos"_s;
    case Channel::Marketplace:
        return u"marketplace"_s;
    case Channel::B2b:
        return u"b2b"_s;
    case Channel::Phone:
        return u"phone"_s;
    }
    return {};
}

std::optional<Channel> channelFromCode(QStringView code) {
    for (Channel c : allChannels)
        if (code.compare(channelCode(c), Qt::CaseInsensitive) == 0)
            return c;
    return std::nullopt;
}

QStringList channelCodes() {
    QStringList codes;
    for (Channel c : allChannels)
        codes << channelCode(c);
    return codes;
}

} // namespace ordo
