#pragma once

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
// Saves one rule's setting, inside a transaction of its own.
void saveSetting(Database& db, const ValidationSettings& settings, const QString& code, const QString& actor);

// A validator over the database's SKUs and locations, with its stored settings, finding duplicates there.
OrderValidator validator(Database& db);

} // namespace ValidationStore

// The duplicate finder over a database's orders (same e-mail, else same phone; not cancelled).
OrderValidator::DuplicateFinder databaseDuplicateFinder(Database& db);

} // namespace ordo
