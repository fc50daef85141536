#pragma once

#include "CatalogGenerator.h"
#include "DemoNetwork.h"
#include "OrderStory.h"
#include "PersonGenerator.h"
#include "WeightedPicker.h"
#include "model/Decision.h"

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
    int customer = -1; // index in the customer pool; -1 for an anonymous walk-in
    bool firstOrderOfCustomer = false;
    DemoPerson person;
    DeliveryMethod delivery = DeliveryMethod::Ship;
    int pickupLocation = -1;
    qint64 requestedAt = 0; // 0: none
    int priority = 0;
    QList<DemoLine> lines;
    OrderStory story;
    StoryInput input;                 // what the story was told from
    int nearestDc = -1;               // network index of the DC nearest the customer
    bool slowCarrier = false;         // a day more in transit
    std::optional<Decision> decision; // the router's, once routed

    qint64 totalMinor() const;
};

// Makes the orders of the demo world, one at a time, from the catalogue, the network and a pool of
// customers (each customer is the same person on every order: derived from the seed and their number).
//
// Where an order ships from is the router's to say, at the moment the order's story routes it. So make()
// tells the story once with a provisional assignment, which gives that moment (story.routedAt; it does not
// depend on the assignment); the caller routes the order then and gives the router's choice to settle(),
// which tells the story again, from the same randomness, with the lines where the router put them. An order
// never routed is settled with no assignment.
class DemoOrderFactory {
public:
    DemoOrderFactory(quint64 seed, const QList<UsPlace>& places, const DemoNetwork& network,
                     const QList<DemoSku>& catalog, int customerPool);

    DemoOrder make(DemoRandom& random, qint64 index, Channel channel, qint64 orderedAt,
                   DeliveryMethod delivery, qint64 now, std::optional<OrderStatus> forced);
    // locations: network index per line (in line order); empty for an order that was not routed. note: how it
    // was routed, for the audit trail. Throws Error::state if the story would route at another moment.
    void settle(DemoOrder& order, const QList<int>& locations, const QString& note) const;

    // "ORD-10000001" for index 0.
    static QString orderNumber(qint64 index);
    // The channel's own order id, unique per channel and index.
    static QString externalId(Channel channel, qint64 index, const QString& storeCode, DemoRandom& random);

private:
    DemoPerson customer(int index, bool& first);
    int pickSku(DemoRandom& random, bool ownStockOnly, int vendor, const QList<DemoLine>& lines);
    // Groups the lines by location (the first line's location first; at most two groups) into the story's
    // input.
    void assign(DemoOrder& order, const QList<int>& locations) const;
    DemoRandom storyRandom(qint64 index) const;

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
