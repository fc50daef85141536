#include "Commands.h"

using namespace Qt::StringLiterals;

namespace ordo::cli {

const QList<CommandInfo>& commands() {
    static const QList<CommandInfo> table = {
        {u"import"_s, u"Capture channel orders (Shopify, WooCommerce, Amazon) and load CSV files."_s,
         &runImportCommand},
        {u"demo"_s, u"Create a realistic demo world: network, catalogue, stock, 90 days of orders."_s,
         &runDemoCommand},
        {u"orders"_s, u"List orders, filtered by state, channel, location, date or search text."_s,
         &runOrdersCommand},
        {u"order"_s, u"Show one order; correct a held one (fix-address, map-sku, revalidate)."_s,
         &runOrderCommand},
        {u"reserve"_s, u"Reserve stock for an order, or for every validated order."_s, &runReserveCommand},
        {u"inventory"_s, u"Apply stock deltas and snapshots (CSV or JSON lines); configure segmentation."_s,
         &runInventoryCommand},
        {u"atp"_s, u"Show a SKU's available-to-promise per location, for a channel or overall."_s,
         &runAtpCommand},
        {u"route"_s,
         u"Choose where orders ship from under the routing rules, reserve, and explain each decision."_s,
         &runRouteCommand},
        {u"reject"_s, u"A location rejects lines of a routed order: release them and route them elsewhere."_s,
         &runRejectCommand},
        {u"rules"_s, u"List, export, import and publish the routing rules (versioned JSON)."_s,
         &runRulesCommand},
        {u"exceptions"_s,
         u"List the orders held in exception, or (--overdue) those past their state's time limit."_s,
         &runExceptionsCommand},
        {u"simulate"_s,
         u"Replay past orders under draft routing rules beside the active rules and the greedy rule."_s,
         &runSimulateCommand},
        {u"documents"_s,
         u"List, show or make the documents sent back to channels (X12 855/856, fulfillment JSON)."_s,
         &runDocumentsCommand},
        {u"skus"_s, u"The cross-reference from trading partners' part numbers to SKUs."_s, &runSkusCommand},
        {u"validation"_s, u"Switch validation rules on or off and set their parameters."_s,
         &runValidationCommand},
        {u"partners"_s, u"Trading partners' settings: how the 855 answers lines Ordo cannot fill."_s,
         &runPartnersCommand},
    };
    return table;
}

} // namespace ordo::cli
