// libFuzzer target: a routing rule set's JSON (RuleSetJson, what `ordo rules import` reads) and the checks a
// draft passes before it is saved (RuleSetCheck). What is read must check without crashing, write back to
// JSON and read again to the same rules.
#include "Error.h"
#include "sourcing/RuleSetCheck.h"
#include "sourcing/RuleSetJson.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace ordo;

namespace {

[[noreturn]] void broken(const char* what, const QString& detail = {}) {
    std::fprintf(stderr, "%s %s\n", what, qPrintable(detail));
    std::abort();
}

// The fields an import keeps: the metadata (version, state, author...) is the new draft's own.
bool sameRules(const RuleSet& a, const RuleSet& b) {
    return a.currency == b.currency && a.costs == b.costs && a.strategies == b.strategies &&
           a.locationPriority == b.locationPriority && a.stateLimitHours == b.stateLimitHours;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    RuleSet rules;
    try {
        rules = RuleSetJson::fromBytes(bytes);
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Input)
            broken("the reader threw something other than an input error:", e.message());
        return 0;
    }
    for (const RuleSetProblem& p : checkRuleSet(rules))
        if (p.message.isEmpty() || p.strategy >= rules.strategies.size())
            broken("a problem without a message or with a strategy that is not there:", p.field);
    const QByteArray written = RuleSetJson::toBytes(rules, false);
    try {
        if (!sameRules(RuleSetJson::fromBytes(written), rules))
            broken("the rules written did not read back the same:", QString::fromUtf8(written));
    } catch (const Error& e) {
        broken("the rules written did not read back:", e.message() + u'\n' + QString::fromUtf8(written));
    }
    return 0;
}
