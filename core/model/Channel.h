#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace ordo {

// Where an order came from.
enum class Channel { Web, App, Pos, Marketplace, B2b, Phone };

inline constexpr Channel allChannels[] = {Channel::Web,         Channel::App, Channel::Pos,
                                          Channel::Marketplace, Channel::B2b, Channel::Phone};

// Stable lower-case code stored in the database and used on the command line: web, app, pos, ...
QString channelCode(Channel channel);
std::optional<Channel> channelFromCode(QStringView code);
QStringList channelCodes();

} // namespace ordo
