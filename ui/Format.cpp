#include "Format.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace ordo::ui {

// The translation context of the texts below.
struct Format {
    Q_DECLARE_TR_FUNCTIONS(ordo::ui::Format)
};

QString statusName(OrderStatus status) {
    switch (status) {
    case OrderStatus::Pending:
        return Format::tr("Pending");
    case OrderStatus::Validated:
        return Format::tr("Validated");
    case OrderStatus::Routed:
        return Format::tr("Routed");
    case OrderStatus::Released:
        return Format::tr("Released");
    case OrderStatus::Picking:
        return Format::tr("Picking");
    case OrderStatus::Packed:
        return Format::tr("Packed");
    case OrderStatus::Shipped:
        return Format::tr("Shipped");
    case OrderStatus::Delivered:
        return Format::tr("Delivered");
    case OrderStatus::Cancelled:
        return Format::tr("Cancelled");
    case OrderStatus::Exception:
        return Format::tr("Exception");
    }
    return {};
}

QString channelName(Channel channel) {
    switch (channel) {
    case Channel::Web:
        return Format::tr("Web shop");
    case Channel::App:
        return Format::tr("App");
    case Channel::Pos:
        return Format::tr("Store (POS)");
    case Channel::Marketplace:
        return Format::tr("Marketplace");
    case Channel::B2b:
        return Format::tr("B2B");
    case Channel::Phone:
        return Format::tr("Phone");
    }
    return {};
}

QString deliveryName(DeliveryMethod method) {
    switch (method) {
    case DeliveryMethod::Ship:
        return Format::tr("Ship");
    case DeliveryMethod::Pickup:
        return Format::tr("Pickup");
    }
    return {};
}

QString roleName(Role role) {
    switch (role) {
    case Role::Admin:
        return Format::tr("Administrator");
    case Role::Manager:
        return Format::tr("Manager");
    case Role::CustomerService:
        return Format::tr("Customer service");
    case Role::Warehouse:
        return Format::tr("Warehouse");
    case Role::System:
        return Format::tr("System");
    }
    return {};
}

BadgeColors statusColors(OrderStatus status) {
    // Hue per stage; fills are pale so that the table stays calm.
    switch (status) {
    case OrderStatus::Pending:
        return {QColor(0xEC, 0xEF, 0xF3), QColor(0x4A, 0x55, 0x68)};
    case OrderStatus::Validated:
        return {QColor(0xE3, 0xEE, 0xFB), QColor(0x1F, 0x4E, 0x8C)};
    case OrderStatus::Routed:
        return {QColor(0xE6, 0xEA, 0xFB), QColor(0x35, 0x3F, 0x9A)};
    case OrderStatus::Released:
        return {QColor(0xEE, 0xE7, 0xFA), QColor(0x5B, 0x34, 0x9A)};
    case OrderStatus::Picking:
        return {QColor(0xFD, 0xF3, 0xDC), QColor(0x8A, 0x5A, 0x00)};
    case OrderStatus::Packed:
        return {QColor(0xFB, 0xEC, 0xDD), QColor(0x8F, 0x47, 0x0F)};
    case OrderStatus::Shipped:
        return {QColor(0xE0, 0xF4, 0xF1), QColor(0x0F, 0x63, 0x5A)};
    case OrderStatus::Delivered:
        return {QColor(0xE3, 0xF4, 0xE4), QColor(0x1E, 0x6B, 0x2C)};
    case OrderStatus::Cancelled:
        return {QColor(0xEE, 0xEE, 0xEE), QColor(0x6B, 0x6B, 0x6B)};
    case OrderStatus::Exception:
        return {QColor(0xFB, 0xE4, 0xE4), QColor(0xA1, 0x1D, 0x1D)};
    }
    return {QColor(Qt::white), QColor(Qt::black)};
}

QString formatMoney(qint64 minor, const QString& currency) {
    const int digits = Money::minorDigits(currency);
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    const bool negative = minor < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(minor) : quint64(minor);
    const QLocale locale;
    QString text = locale.toString(qulonglong(magnitude / quint64(scale)));
    if (digits > 0)
        text += locale.decimalPoint() +
                u"%1"_s.arg(qulonglong(magnitude % quint64(scale)), digits, 10, QChar(u'0'));
    if (negative)
        text.prepend(locale.negativeSign());
    return currency.isEmpty() ? text : text + u' ' + currency;
}

QString formatDateTime(const QDateTime& utc) {
    if (!utc.isValid())
        return {};
    return utc.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

QString formatAge(const QDateTime& since, const QDateTime& now) {
    if (!since.isValid())
        return {};
    const qint64 seconds = qMax<qint64>(0, since.secsTo(now));
    if (seconds < 60)
        return Format::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return Format::tr("%1 min").arg(seconds / 60);
    if (seconds < 48 * 3600)
        return Format::tr("%1 h").arg(seconds / 3600);
    return Format::tr("%1 d").arg(seconds / 86400);
}

QString formatCoordinates(double latitude, double longitude) {
    const QLocale locale;
    return u"%1° %2, %3° %4"_s.arg(locale.toString(qAbs(latitude), 'f', 5), latitude >= 0 ? u"N"_s : u"S"_s,
                                   locale.toString(qAbs(longitude), 'f', 5),
                                   longitude >= 0 ? u"E"_s : u"W"_s);
}

QString formatCount(qint64 count) {
    return QLocale().toString(count);
}

} // namespace ordo::ui
