#include "SequentialRouting.h"

#include "sourcing/RoutingNetwork.h"
#include "sourcing/RunInventory.h"

namespace ordo {

void takeDecision(const Decision& decision, RunInventory& run, RoutingNetwork& network) {
    for (const Shipment& shipment : decision.shipments) {
        const int location = network.indexOf(shipment.locationCode);
        if (location < 0)
            continue;
        network.useCapacity(location);
        for (const ShipmentLine& line : shipment.lines)
            run.take(run.skuIndex(line.skuCode), location, line.quantity);
    }
}

} // namespace ordo
