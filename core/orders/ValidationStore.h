#pragma once

#include "model/Actor.h"
#include "orders/OrderValidator.h"
#include "orders/ValidationRules.h"

#include <QString>

namespace ordo {

class Database;

// Where validation meets the database: the rule settings stored in validation_rules, the duplicate finder
// over the stored orders, and a validator set up with a database's catalogue, locations and settings. The
// rules themselves (OrderValidator, ValidationSettings) run on memory only.
namespace ValidationStore {

// The stored settings: the defaults, overridden by the rows of validation_rules.
ValidationSettings loadSettings(Database& db);
// Saves one rule's setting. Only an actor who may edit the rules saves (Error::denied otherwise, nothing
// written); a change is written with its audit row (entity "validation_rule", action "enable" or "disable",
// the settings before and after) in one transaction. A setting already in force writes nothing.
void saveSetting(Database& db, const ValidationSettings& settings, const QString& code, const Actor& actor);

// A validator over the database's SKUs and locations, with its stored settings, finding duplicates there.
OrderValidator validator(Database& db);

} // namespace ValidationStore

// The duplicate finder over a database's orders (same e-mail, else same phone; not cancelled).
OrderValidator::DuplicateFinder databaseDuplicateFinder(Database& db);

} // namespace ordo
