#pragma once

#include "CatalogGenerator.h"
#include "DemoNetwork.h"
#include "OrderStory.h"
#include "PersonGenerator.h"
#include "WeightedPicker.h"

#include <QHash>
#include <QList>

#include <optional>
#include <unordered_set>
#include <vector>

namespace ordo {

class DemoRandom;

struct DemoLine {
    int lineNo = 0;
    int sku = 0; // index into the catalogue
    int quantity = 1;
    qint64 unitPriceMinor = 0;
    int group = 0;
    int location = -1; // index into the network's locations; -1 until routed
    OrderStatus status = OrderStatus::Pending;
};

struct DemoOrder {
    qint64 index = 0; // 0-based, in order of time
    QString orderNumber;
    Channel channel = Channel::Web;
    QString externalId;
    qint64 orderedAt = 0;
    int customer = -1;        // index in the customer pool; -1 for an anonymous walk-in
    bool firstOrderOfCustomer = false;
    DemoPerson person;
    DeliveryMethod delivery = DeliveryMethod::Ship;
    int pickupLocation = -1;
    qint64 requestedAt = 0;   // 0: none
    int priority = 0;
    QList<DemoLine> lines;
    OrderStory story;

    qint64 totalMinor() const;
};

// Makes the orders of the demo world, one at a time, from the catalogue, the network and a pool of
// customers (each customer is the same person on every order: derived from the seed and their number).
class DemoOrderFactory {
public:
    DemoOrderFactory(quint64 seed, const QList<UsPlace>& places, const DemoNetwork& network,
                     const QList<DemoSku>& catalog, int customerPool);

    DemoOrder make(DemoRandom& random, qint64 index, Channel channel, qint64 orderedAt, DeliveryMethod delivery,
                   qint64 now, std::optional<OrderStatus> forced);

    // "ORD-10000001" for index 0.
    static QString orderNumber(qint64 index);
    // The channel's own order id, unique per channel and index.
    static QString externalId(Channel channel, qint64 index, const QString& storeCode, DemoRandom& random);

private:
    DemoPerson customer(int index, bool& first);
    int pickSku(DemoRandom& random, bool ownStockOnly, int vendor, const QList<DemoLine>& lines);
    void route(DemoRandom& random, DemoOrder& order, int placeIndex, int homeStore, bool allowSplit, StoryInput& story);

    quint64 m_seed;
    const QList<UsPlace>& m_places;
    const DemoNetwork& m_network;
    const QList<DemoSku>& m_catalog;
    int m_pool;
    int m_businessPool;
    WeightedPicker m_placePicker;
    WeightedPicker m_skuPicker;
    WeightedPicker m_lineCount;
    std::vector<bool> m_seen;
    std::unordered_set<quint64> m_emailKeys;
    QHash<int, QString> m_emailOverride;
};

} // namespace ordo
