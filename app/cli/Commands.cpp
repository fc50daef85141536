#include "Commands.h"

using namespace Qt::StringLiterals;

namespace ordo::cli {

const QList<CommandInfo>& commands()
{
    static const QList<CommandInfo> table = {
        {u"import"_s, u"Load locations, SKUs, inventory and orders from CSV files."_s, &runImportCommand},
        {u"demo"_s, u"Create a realistic demo world: network, catalogue, stock, 90 days of orders."_s,
         &runDemoCommand},
        {u"orders"_s, u"List orders, filtered by state, channel, location, date or search text."_s,
         &runOrdersCommand},
        {u"order"_s, u"Show one order with its lines, customer and history."_s, &runOrderCommand},
    };
    return table;
}

} // namespace ordo::cli
