#include "ValidationRules.h"

#include "Error.h"

using namespace Qt::StringLiterals;

namespace ordo {

const QList<ValidationRuleInfo>& ValidationSettings::catalogue() {
    static const QList<ValidationRuleInfo> rules = {
        {u"NO_LINES"_s, u"The order has at least one line."_s, true, {}},
        {u"UNKNOWN_SKU"_s,
         u"Every line's SKU is in the catalogue (after the partner cross-reference)."_s,
         true,
         {}},
        {u"INVALID_QUANTITY"_s,
         u"Quantities are positive and at most max_quantity."_s,
         true,
         {{u"max_quantity"_s, u"1000"_s}}},
        {u"INVALID_PRICE"_s,
         u"Unit prices are not negative, at most max_unit_price_minor, and not zero unless allow_zero is 1."_s,
         true,
         {{u"max_unit_price_minor"_s, u"10000000"_s}, {u"allow_zero"_s, u"1"_s}}},
        {u"MIXED_CURRENCY"_s, u"Every line is priced in the order's currency."_s, true, {}},
        {u"MISSING_SHIP_TO"_s,
         u"A ship order's address has a name, a street line, a city, a postal code and a country (and a "
         "state or province for US, CA and AU)."_s,
         true,
         {}},
        {u"INVALID_POSTAL_CODE"_s,
         u"The postal code has its country's shape (US, CA, GB, DE, FR, NL, AU)."_s,
         true,
         {}},
        {u"POSTAL_CODE_MISMATCH"_s,
         u"A US ZIP code agrees with the state given and with the coordinates given (the state's bounding "
         u"box "
         "widened by margin_km); a Canadian postal code agrees with the province given."_s,
         true,
         {{u"margin_km"_s, u"25"_s}}},
        {u"UNKNOWN_PICKUP_LOCATION"_s, u"A pickup order names a location that exists."_s, true, {}},
        {u"PICKUP_NOT_OFFERED"_s, u"A pickup order's location hands over pickups."_s, true, {}},
        {u"PAYMENT_NOT_AUTHORIZED"_s,
         u"The channel reports the payment authorised or paid (pending, failed, voided or refunded is held; "
         "an unknown status is held only when require_known is 1)."_s,
         true,
         {{u"require_known"_s, u"0"_s}}},
        {u"SUSPECTED_DUPLICATE"_s,
         u"No other order of the same customer (e-mail, else phone) with the same SKUs and quantities was "
         u"placed "
         "within window_minutes. Off by default: it asks the database once per order."_s,
         false,
         {{u"window_minutes"_s, u"60"_s}}},
        {u"HIGH_VALUE"_s,
         u"The order's value (lines, taxes, charges, less discounts) is at most threshold_minor."_s,
         true,
         {{u"threshold_minor"_s, u"500000"_s}}},
        {u"COUNTRY_MISMATCH"_s,
         u"The billing and shipping countries are the same (when both are given)."_s,
         true,
         {}},
    };
    return rules;
}

const ValidationRuleInfo* ValidationSettings::info(const QString& code) {
    for (const ValidationRuleInfo& rule : catalogue())
        if (rule.code == code)
            return &rule;
    return nullptr;
}

bool ValidationSettings::enabled(const QString& code) const {
    if (const auto it = m_overrides.constFind(code); it != m_overrides.cend())
        return it->enabled;
    const ValidationRuleInfo* rule = info(code);
    return rule ? rule->enabledByDefault : true;
}

QMap<QString, QString> ValidationSettings::params(const QString& code) const {
    const ValidationRuleInfo* rule = info(code);
    QMap<QString, QString> values = rule ? rule->defaults : QMap<QString, QString>();
    if (const auto it = m_overrides.constFind(code); it != m_overrides.cend())
        for (auto p = it->params.cbegin(); p != it->params.cend(); ++p)
            values.insert(p.key(), p.value());
    return values;
}

QString ValidationSettings::param(const QString& code, const QString& key) const {
    return params(code).value(key);
}

qint64 ValidationSettings::intParam(const QString& code, const QString& key) const {
    return param(code, key).toLongLong();
}

void ValidationSettings::set(const QString& code, bool enabled, const QMap<QString, QString>& params) {
    const ValidationRuleInfo* rule = info(code);
    if (!rule)
        throw Error::input(u"there is no validation rule %1"_s.arg(code));
    // Checked on a copy: a refused setting leaves the rule as it was.
    Override o = m_overrides.value(code, Override{rule->enabledByDefault, {}});
    o.enabled = enabled;
    for (auto p = params.cbegin(); p != params.cend(); ++p) {
        if (!rule->defaults.contains(p.key())) {
            const QString known = rule->defaults.isEmpty()
                                      ? u" (it has none)"_s
                                      : QString(u"; it has "_s + rule->defaults.keys().join(u", "_s));
            throw Error::input(u"rule %1 has no parameter '%2'%3"_s.arg(code, p.key(), known));
        }
        bool ok = false;
        const qlonglong v = p.value().trimmed().toLongLong(&ok);
        if (!ok || v < 0)
            throw Error::input(u"%1 of rule %2 must be a whole number of 0 or more, not '%3'"_s.arg(
                p.key(), code, p.value()));
        o.params.insert(p.key(), QString::number(v));
    }
    m_overrides.insert(code, o);
}

std::optional<ValidationSettings::Override> ValidationSettings::override(const QString& code) const {
    if (const auto it = m_overrides.constFind(code); it != m_overrides.cend())
        return *it;
    return std::nullopt;
}

void ValidationSettings::restore(const QString& code, bool enabled, const QMap<QString, QString>& params) {
    m_overrides.insert(code, Override{enabled, params});
}

} // namespace ordo
