#include "DemoOrderFactory.h"

#include "DemoRandom.h"
#include "StoryGenerator.h"

#include <QCryptographicHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

constexpr quint64 customerStream = 11;

quint64 emailKey(const QString& email)
{
    const QByteArray digest = QCryptographicHash::hash(email.toLower().toUtf8(), QCryptographicHash::Sha1);
    quint64 key = 0;
    for (int i = 0; i < 8; ++i)
        key = (key << 8) | quint8(digest.at(i));
    return key;
}

} // namespace

qint64 DemoOrder::totalMinor() const
{
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
    , m_seen(size_t(m_pool + m_businessPool), false)
{
    QList<double> population, popularity;
    for (const UsPlace& p : places)
        population << double(p.population);
    for (const DemoSku& s : catalog)
        popularity << s.popularity;
    m_placePicker = WeightedPicker(population);
    m_skuPicker = WeightedPicker(popularity);
}

QString DemoOrderFactory::orderNumber(qint64 index)
{
    return u"ORD-"_s + QString::number(10000001 + index);
}

QString DemoOrderFactory::externalId(Channel channel, qint64 index, const QString& storeCode, DemoRandom& random)
{
    switch (channel) {
    case Channel::Web: return QString::number(4800000000000LL + index * 1637 + random.between(0, 1636));
    case Channel::App: return u"APP-"_s + QString::number(7000000 + index);
    case Channel::Marketplace:
        return u"%1-%2-%3"_s.arg(random.between(111, 114))
            .arg(index % 10000000, 7, 10, QChar(u'0'))
            .arg(random.between(0, 9999999), 7, 10, QChar(u'0'));
    case Channel::Pos: return storeCode + u'-' + QString::number(index + 1).rightJustified(7, u'0');
    case Channel::B2b: return u"PO-"_s + QString::number(450000 + index);
    case Channel::Phone: return u"PH-"_s + QString::number(index + 1).rightJustified(7, u'0');
    }
    return QString::number(index);
}

DemoPerson DemoOrderFactory::customer(int index, bool& first)
{
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
            const QString unique = p.email.section(u'@', 0, 0) + u'.' + QString::number(index) + u'@'
                                   + p.email.section(u'@', 1);
            m_emailOverride.insert(index, unique);
            m_emailKeys.insert(emailKey(unique));
        }
    }
    const auto it = m_emailOverride.constFind(index);
    if (it != m_emailOverride.cend())
        p.email = *it;
    return p;
}

int DemoOrderFactory::pickSku(DemoRandom& random, bool ownStockOnly, int vendor, const QList<DemoLine>& lines)
{
    int sku = 0;
    for (int attempt = 0; attempt < 20; ++attempt) {
        sku = m_skuPicker.pick(random);
        const DemoSku& s = m_catalog.at(sku);
        const bool taken = std::any_of(lines.cbegin(), lines.cend(), [&](const DemoLine& l) { return l.sku == sku; });
        const bool wrongSource = s.vendor >= 0 && (ownStockOnly || (vendor >= 0 && vendor != s.vendor));
        if (!taken && !wrongSource)
            return sku;
    }
    // Fall back to the first own-stock SKU not on the order yet.
    for (int i = 0; i < m_catalog.size(); ++i)
        if (m_catalog.at(i).vendor < 0
            && std::none_of(lines.cbegin(), lines.cend(), [&](const DemoLine& l) { return l.sku == i; }))
            return i;
    return sku;
}

void DemoOrderFactory::route(DemoRandom& random, DemoOrder& order, int placeIndex, int homeStore, bool allowSplit,
                             StoryInput& story)
{
    const QList<int>& dcs = m_network.dcsByDistance(placeIndex);
    const int nearStore = m_network.nearestStore(placeIndex);
    const double storeKm = distanceKm(order.person.position, m_network.locations().at(nearStore).location.position);
    int primary = dcs.first();
    if (order.delivery == DeliveryMethod::Pickup) {
        primary = homeStore;
    } else {
        const double roll = random.uniform();
        if (order.channel == Channel::Pos && roll < 0.4)
            primary = homeStore; // endless aisle: shipped from the store's own stock
        else if (roll < 0.10 && storeKm < 150.0)
            primary = nearStore; // ship from store
        else if (roll > 0.92 && dcs.size() > 1)
            primary = dcs.at(1); // the nearest DC is busy
    }
    int other = -1;
    for (DemoLine& line : order.lines) {
        const int vendor = m_catalog.at(line.sku).vendor;
        line.location = vendor >= 0 ? m_network.vendors().at(vendor) : primary;
    }
    // Own stock and a vendor's products on one order: two shipments.
    const auto vendorLine = std::find_if(order.lines.cbegin(), order.lines.cend(),
                                         [&](const DemoLine& l) { return l.location != primary; });
    if (vendorLine != order.lines.cend()) {
        other = vendorLine->location;
        if (std::all_of(order.lines.cbegin(), order.lines.cend(), [&](const DemoLine& l) { return l.location == other; })) {
            primary = other;
            other = -1;
        }
    } else if (allowSplit && order.delivery == DeliveryMethod::Ship && order.lines.size() >= 2 && random.chance(0.07)) {
        // Not all of it in stock at one place: the last lines come from elsewhere.
        other = primary == dcs.first() ? (dcs.size() > 1 && random.chance(0.6) ? dcs.at(1) : nearStore) : dcs.first();
        for (qsizetype i = order.lines.size() - (order.lines.size() + 2) / 3; i < order.lines.size(); ++i)
            order.lines[i].location = other;
    }
    const std::array<int, 2> groupLocation{primary, other};
    story.groupCount = other >= 0 ? 2 : 1;
    for (int g = 0; g < story.groupCount; ++g) {
        const DemoLocation& loc = m_network.locations().at(groupLocation.at(g));
        story.locationCode[g] = loc.location.code;
        story.staff[g] = loc.staff;
        story.site[g] = loc.location.type == LocationType::Store      ? StoryInput::Site::Store
                        : loc.location.type == LocationType::Dropship ? StoryInput::Site::Vendor
                                                                      : StoryInput::Site::Dc;
    }
    for (DemoLine& line : order.lines) {
        line.group = line.location == primary ? 0 : 1;
        story.lineNos[line.group] << line.lineNo;
    }
    const double km = distanceKm(order.person.position, m_network.locations().at(primary).location.position);
    story.transitDays = std::min(6, 1 + int(km / 700.0) + (random.chance(0.3) ? 1 : 0)
                                        + (story.site[0] == StoryInput::Site::Vendor ? 2 : 0));
}

DemoOrder DemoOrderFactory::make(DemoRandom& random, qint64 index, Channel channel, qint64 orderedAt,
                                 DeliveryMethod delivery, qint64 now, std::optional<OrderStatus> forced)
{
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
                customerIndex = int(random.between(0, std::max(0, m_pool * 15 / 100 - 1))); // loyal repeat buyers
            else
                customerIndex = int(random.between(0, m_pool - 1));
            DemoRandom peek = DemoRandom::derived(m_seed, quint64(customerIndex), customerStream);
            placeIndex = m_placePicker.pick(peek);
        }
        // Store customers live near a store.
        const GeoPoint storeAt = m_network.locations().at(m_network.nearestStore(placeIndex)).location.position;
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
    order.priority = b2b ? (random.chance(0.2) ? 1 : 0) : random.chance(0.01) ? 2 : random.chance(0.08) ? 1 : 0;

    StoryInput in;
    in.channel = channel;
    in.delivery = delivery;
    in.orderedAt = orderedAt;
    in.now = now;
    in.lineCount = lineCount;
    in.forced = forced;
    in.customerService = m_network.customerService();
    in.managers = m_network.managers();
    route(random, order, placeIndex, store, !forced, in);
    if (channel == Channel::Pos)
        in.captureActor = m_network.locations().at(store).staff.at(random.between(0, 1));
    else if (channel == Channel::Phone)
        in.captureActor = in.customerService.at(random.between(0, in.customerService.size() - 1));
    else
        in.captureActor = u"import"_s;
    order.story = StoryGenerator::tell(random, in);
    for (DemoLine& line : order.lines) {
        line.status = order.story.lineStatus(line.group);
        const bool routed = order.story.routed && progressRank(line.status) != 0 && progressRank(line.status) != 1;
        if (!routed)
            line.location = -1;
    }
    return order;
}

} // namespace ordo
