#include "DemoOrderFactory.h"

#include "DemoRandom.h"
#include "Error.h"
#include "StoryGenerator.h"

#include <QCryptographicHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

constexpr quint64 customerStream = 11;
constexpr quint64 storyStream = 12;

quint64 emailKey(const QString& email) {
    const QByteArray digest = QCryptographicHash::hash(email.toLower().toUtf8(), QCryptographicHash::Sha1);
    quint64 key = 0;
    for (int i = 0; i < 8; ++i)
        key = (key << 8) | quint8(digest.at(i));
    return key;
}

} // namespace

qint64 DemoOrder::totalMinor() const {
    qint64 sum = 0;
    for (const DemoLine& line : lines)
        sum += line.unitPriceMinor * line.quantity;
    return sum;
}

DemoOrderFactory::DemoOrderFactory(quint64 seed, const QList<UsPlace>& places, const DemoNetwork& network,
                                   const QList<DemoSku>& catalog, int customerPool)
    : m_seed(seed)
    , m_places(places)
    , m_network(network)
    , m_catalog(catalog)
    , m_pool(std::max(20, customerPool))
    , m_businessPool(std::max(10, customerPool / 200))
    , m_lineCount(QList<double>{0, 55, 25, 11, 5, 2, 1, 0.6, 0.4})
    , m_seen(size_t(m_pool + m_businessPool), false) {
    QList<double> population, popularity;
    for (const UsPlace& p : places)
        population << double(p.population);
    for (const DemoSku& s : catalog)
        popularity << s.popularity;
    m_placePicker = WeightedPicker(population);
    m_skuPicker = WeightedPicker(popularity);
}

QString DemoOrderFactory::orderNumber(qint64 index) {
    return u"ORD-"_s + QString::number(10000001 + index);
}

QString DemoOrderFactory::externalId(Channel channel, qint64 index, const QString& storeCode,
                                     DemoRandom& random) {
    switch (channel) {
    case Channel::Web:
        return QString::number(4800000000000LL + index * 1637 + random.between(0, 1636));
    case Channel::App:
        return u"APP-"_s + QString::number(7000000 + index);
    case Channel::Marketplace:
        return u"%1-%2-%3"_s.arg(random.between(111, 114))
            .arg(index % 10000000, 7, 10, QChar(u'0'))
            .arg(random.between(0, 9999999), 7, 10, QChar(u'0'));
    case Channel::Pos:
        return storeCode + u'-' + QString::number(index + 1).rightJustified(7, u'0');
    case Channel::B2b:
        return u"PO-"_s + QString::number(450000 + index);
    case Channel::Phone:
        return u"PH-"_s + QString::number(index + 1).rightJustified(7, u'0');
    }
    return QString::number(index);
}

DemoPerson DemoOrderFactory::customer(int index, bool& first) {
    DemoRandom r = DemoRandom::derived(m_seed, quint64(index), customerStream);
    const int place = m_placePicker.pick(r);
    DemoPerson p = index < m_pool ? PersonGenerator::make(r, m_places.at(place))
                                  : PersonGenerator::makeBusiness(r, m_places.at(place));
    if (index < m_pool && r.chance(0.08))
        p.email[0] = p.email.at(0).toUpper(); // typed with a capital; the search key is lower case
    first = !m_seen[size_t(index)];
    if (first) {
        m_seen[size_t(index)] = true;
        // Two customers of the same name can pick the same address; the e-mail identifies a customer.
        if (!m_emailKeys.insert(emailKey(p.email)).second) {
            const QString unique =
                p.email.section(u'@', 0, 0) + u'.' + QString::number(index) + u'@' + p.email.section(u'@', 1);
            m_emailOverride.insert(index, unique);
            m_emailKeys.insert(emailKey(unique));
        }
    }
    const auto it = m_emailOverride.constFind(index);
    if (it != m_emailOverride.cend())
        p.email = *it;
    return p;
}

int DemoOrderFactory::pickSku(DemoRandom& random, bool ownStockOnly, int vendor,
                              const QList<DemoLine>& lines) {
    int sku = 0;
    for (int attempt = 0; attempt < 20; ++attempt) {
        sku = m_skuPicker.pick(random);
        const DemoSku& s = m_catalog.at(sku);
        const bool taken =
            std::any_of(lines.cbegin(), lines.cend(), [&](const DemoLine& l) { return l.sku == sku; });
        const bool wrongSource = s.vendor >= 0 && (ownStockOnly || (vendor >= 0 && vendor != s.vendor));
        if (!taken && !wrongSource)
            return sku;
    }
    // Fall back to the first own-stock SKU not on the order yet.
    for (int i = 0; i < m_catalog.size(); ++i)
        if (m_catalog.at(i).vendor < 0 &&
            std::none_of(lines.cbegin(), lines.cend(), [&](const DemoLine& l) { return l.sku == i; }))
            return i;
    return sku;
}

DemoRandom DemoOrderFactory::storyRandom(qint64 index) const {
    return DemoRandom::derived(m_seed, quint64(index), storyStream);
}

void DemoOrderFactory::assign(DemoOrder& order, const QList<int>& locations) const {
    StoryInput& story = order.input;
    std::array<int, 2> groupLocation{-1, -1};
    for (qsizetype i = 0; i < order.lines.size(); ++i) {
        const int location = locations.at(i);
        DemoLine& line = order.lines[i];
        line.location = location;
        if (groupLocation[0] < 0 || groupLocation[0] == location) {
            groupLocation[0] = location;
            line.group = 0;
        } else {
            // A third parcel is told as part of the second: the story knows two groups of lines.
            if (groupLocation[1] < 0)
                groupLocation[1] = location;
            line.group = 1;
        }
    }
    story.groupCount = groupLocation[1] >= 0 ? 2 : 1;
    story.lineNos = {};
    story.locationCode = {};
    story.staff = {};
    for (int g = 0; g < story.groupCount; ++g) {
        const DemoLocation& loc = m_network.locations().at(groupLocation.at(size_t(g)));
        story.locationCode[size_t(g)] = loc.location.code;
        story.staff[size_t(g)] = loc.staff;
        story.site[size_t(g)] = loc.location.type == LocationType::Store      ? StoryInput::Site::Store
                                : loc.location.type == LocationType::Dropship ? StoryInput::Site::Vendor
                                                                              : StoryInput::Site::Dc;
    }
    for (const DemoLine& line : std::as_const(order.lines))
        story.lineNos[size_t(line.group)] << line.lineNo;
    const double km =
        distanceKm(order.person.position, m_network.locations().at(groupLocation[0]).location.position);
    story.transitDays = std::min(6, 1 + int(km / 700.0) + (order.slowCarrier ? 1 : 0) +
                                        (story.site[0] == StoryInput::Site::Vendor ? 2 : 0));
}

void DemoOrderFactory::settle(DemoOrder& order, const QList<int>& locations, const QString& note) const {
    if (!locations.isEmpty()) {
        assign(order, locations);
        order.input.routingNote = note;
        DemoRandom random = storyRandom(order.index);
        const qint64 routedAt = order.story.routedAt;
        order.story = StoryGenerator::tell(random, order.input);
        if (order.story.routedAt != routedAt)
            throw Error::state(u"the story of demo order %1 routes it at %2, not at %3 as first told"_s.arg(
                order.orderNumber, QString::number(order.story.routedAt), QString::number(routedAt)));
    }
    for (DemoLine& line : order.lines) {
        line.status = order.story.lineStatus(line.group);
        const bool routed =
            order.story.routed && progressRank(line.status) != 0 && progressRank(line.status) != 1;
        if (!routed || locations.isEmpty())
            line.location = -1;
    }
}

DemoOrder DemoOrderFactory::make(DemoRandom& random, qint64 index, Channel channel, qint64 orderedAt,
                                 DeliveryMethod delivery, qint64 now, std::optional<OrderStatus> forced) {
    DemoOrder order;
    order.index = index;
    order.orderNumber = orderNumber(index);
    order.channel = channel;
    order.orderedAt = orderedAt;
    order.delivery = delivery;

    const bool b2b = channel == Channel::B2b;
    const bool needsStore = channel == Channel::Pos || delivery == DeliveryMethod::Pickup;
    const bool walkIn = channel == Channel::Pos && random.chance(0.25); // gave no e-mail address
    int placeIndex = 0;
    int customerIndex = -1;
    for (int attempt = 0; attempt < 6; ++attempt) {
        if (walkIn)
            placeIndex = m_placePicker.pick(random);
        else {
            if (b2b)
                customerIndex = m_pool + int(random.between(0, m_businessPool - 1));
            else if (random.chance(0.4))
                customerIndex =
                    int(random.between(0, std::max(0, m_pool * 15 / 100 - 1))); // loyal repeat buyers
            else
                customerIndex = int(random.between(0, m_pool - 1));
            DemoRandom peek = DemoRandom::derived(m_seed, quint64(customerIndex), customerStream);
            placeIndex = m_placePicker.pick(peek);
        }
        // Store customers live near a store.
        const GeoPoint storeAt =
            m_network.locations().at(m_network.nearestStore(placeIndex)).location.position;
        if (!needsStore || distanceKm(m_places.at(placeIndex).position, storeAt) < 120.0)
            break;
    }
    if (walkIn) {
        order.person = PersonGenerator::make(random, m_places.at(placeIndex));
        order.person.email.clear();
        if (random.chance(0.5))
            order.person.phone.clear();
    } else {
        order.customer = customerIndex;
        order.person = customer(customerIndex, order.firstOrderOfCustomer);
    }
    const int store = m_network.nearestStore(placeIndex);
    if (delivery == DeliveryMethod::Pickup)
        order.pickupLocation = store;
    order.externalId = externalId(channel, index, m_network.locations().at(store).location.code, random);

    const int lineCount = b2b ? int(random.between(2, 12)) : m_lineCount.pick(random);
    const bool ownStockOnly = delivery == DeliveryMethod::Pickup || forced.has_value();
    int vendor = -1;
    for (int n = 1; n <= lineCount; ++n) {
        DemoLine line;
        line.lineNo = n;
        line.sku = pickSku(random, ownStockOnly, vendor, order.lines);
        vendor = std::max(vendor, m_catalog.at(line.sku).vendor);
        if (b2b)
            line.quantity = int(random.between(1, 12)) * 5;
        else
            line.quantity = random.chance(0.85) ? 1 : random.chance(0.7) ? 2 : int(random.between(3, 4));
        line.unitPriceMinor = m_catalog.at(line.sku).priceMinor;
        if (random.chance(0.12)) // promotion or coupon
            line.unitPriceMinor = line.unitPriceMinor * (100 - random.between(10, 30)) / 100;
        order.lines << line;
    }
    if (b2b && random.chance(0.6))
        order.requestedAt = orderedAt + random.between(5, 21) * 24 * 3600 * 1000LL;
    else if (random.chance(0.03))
        order.requestedAt = orderedAt + random.between(3, 10) * 24 * 3600 * 1000LL;
    order.priority = b2b                   ? (random.chance(0.2) ? 1 : 0)
                     : random.chance(0.01) ? 2
                     : random.chance(0.08) ? 1
                                           : 0;

    StoryInput& in = order.input;
    in.channel = channel;
    in.delivery = delivery;
    in.orderedAt = orderedAt;
    in.now = now;
    in.lineCount = lineCount;
    in.forced = forced;
    in.customerService = m_network.customerService();
    in.managers = m_network.managers();
    order.slowCarrier = random.chance(0.3);
    const QList<int>& dcs = m_network.dcsByDistance(placeIndex);
    order.nearestDc = dcs.first();
    if (channel == Channel::Pos)
        in.captureActor = m_network.locations().at(store).staff.at(random.between(0, 1));
    else if (channel == Channel::Phone)
        in.captureActor = in.customerService.at(random.between(0, in.customerService.size() - 1));
    else
        in.captureActor = u"import"_s;
    // Provisionally: the pickup store, or the nearest DC and the vendors of drop-ship lines. Only the moment
    // of routing is taken from this telling.
    QList<int> provisional;
    for (const DemoLine& line : std::as_const(order.lines)) {
        const int lineVendor = m_catalog.at(line.sku).vendor;
        provisional << (delivery == DeliveryMethod::Pickup ? store
                        : lineVendor >= 0                  ? m_network.vendors().at(lineVendor)
                                                           : order.nearestDc);
    }
    assign(order, provisional);
    DemoRandom storyRandomness = storyRandom(index);
    order.story = StoryGenerator::tell(storyRandomness, in);
    if (!order.story.routed)
        settle(order, {}, {});
    return order;
}

} // namespace ordo
