// ValidationSettings: the catalogue's defaults (which rules run, their parameters), overrides set in memory
// and what set() refuses (an unknown rule or parameter, a value that is not a whole number of 0 or more)
// without changing anything, and the settings saved and loaded again on SQLite and PostgreSQL.
#include "Error.h"
#include "TestDatabase.h"
#include "orders/ValidationStore.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

#include <QTest>

using namespace Qt::StringLiterals;
using ordo::Actor;
using ordo::Database;
using ordo::Error;
using ordo::Role;
using ordo::SqlQuery;
using ordo::ValidationSettings;
namespace ValidationStore = ordo::ValidationStore;
using ordo::test::TestDatabase;

using Params = QMap<QString, QString>;

Q_DECLARE_METATYPE(ordo::Role)

class tst_ValidationSettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void defaults_data();
    void defaults();
    void overrides();
    void refuses_data();
    void refuses();
    void saveAndLoad();
    void saveOverwrites();
    void saveWithoutOverrideWritesNothing();

    void refusedActorChangesNothing_data();
    void refusedActorChangesNothing();
    void changeIsAuditedOnce();

private:
    Database& db() { return m_test->db(); }
    qint64 count(const QString& sql) { return SqlQuery(db(), sql).scalar().toLongLong(); }
    const Actor ana{u"ana"_s, Role::Admin};
    const Actor lee{u"lee"_s, Role::Admin};
    std::unique_ptr<TestDatabase> m_test;
};

void tst_ValidationSettings::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = TestDatabase::create(engine);
    QVERIFY(m_test);
}

void tst_ValidationSettings::defaults_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<Params>("params");

    QTest::newRow("NO_LINES") << u"NO_LINES"_s << true << Params{};
    QTest::newRow("UNKNOWN_SKU") << u"UNKNOWN_SKU"_s << true << Params{};
    QTest::newRow("INVALID_QUANTITY")
        << u"INVALID_QUANTITY"_s << true << Params{{u"max_quantity"_s, u"1000"_s}};
    QTest::newRow("INVALID_PRICE") << u"INVALID_PRICE"_s << true
                                   << Params{{u"max_unit_price_minor"_s, u"10000000"_s},
                                             {u"allow_zero"_s, u"1"_s}};
    QTest::newRow("MIXED_CURRENCY") << u"MIXED_CURRENCY"_s << true << Params{};
    QTest::newRow("MISSING_SHIP_TO") << u"MISSING_SHIP_TO"_s << true << Params{};
    QTest::newRow("INVALID_POSTAL_CODE") << u"INVALID_POSTAL_CODE"_s << true << Params{};
    QTest::newRow("POSTAL_CODE_MISMATCH")
        << u"POSTAL_CODE_MISMATCH"_s << true << Params{{u"margin_km"_s, u"25"_s}};
    QTest::newRow("UNKNOWN_PICKUP_LOCATION") << u"UNKNOWN_PICKUP_LOCATION"_s << true << Params{};
    QTest::newRow("PICKUP_NOT_OFFERED") << u"PICKUP_NOT_OFFERED"_s << true << Params{};
    QTest::newRow("PAYMENT_NOT_AUTHORIZED")
        << u"PAYMENT_NOT_AUTHORIZED"_s << true << Params{{u"require_known"_s, u"0"_s}};
    QTest::newRow("SUSPECTED_DUPLICATE")
        << u"SUSPECTED_DUPLICATE"_s << false << Params{{u"window_minutes"_s, u"60"_s}};
    QTest::newRow("HIGH_VALUE") << u"HIGH_VALUE"_s << true << Params{{u"threshold_minor"_s, u"500000"_s}};
    QTest::newRow("COUNTRY_MISMATCH") << u"COUNTRY_MISMATCH"_s << true << Params{};
}

void tst_ValidationSettings::defaults() {
    QFETCH(QString, code);
    QFETCH(bool, enabled);
    QFETCH(Params, params);

    QCOMPARE(ValidationSettings::catalogue().size(), 14);
    const ordo::ValidationRuleInfo* info = ValidationSettings::info(code);
    QVERIFY(info);
    QCOMPARE(info->code, code);
    QVERIFY(!info->description.isEmpty());
    QCOMPARE(info->enabledByDefault, enabled);
    QCOMPARE(info->defaults, params);

    const ValidationSettings settings;
    QCOMPARE(settings.enabled(code), enabled);
    QCOMPARE(settings.params(code), params);
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        QCOMPARE(settings.param(code, it.key()), it.value());
        QCOMPARE(settings.intParam(code, it.key()), it.value().toLongLong());
    }
    // Stored settings start empty: loading gives the defaults.
    const ValidationSettings loaded = ValidationStore::loadSettings(db());
    QCOMPARE(loaded.enabled(code), enabled);
    QCOMPARE(loaded.params(code), params);
}

void tst_ValidationSettings::overrides() {
    ValidationSettings settings;
    settings.set(u"INVALID_PRICE"_s, true, {{u"allow_zero"_s, u" 0 "_s}});
    QVERIFY(settings.enabled(u"INVALID_PRICE"_s));
    // The value is kept as the number it is; the parameter not given keeps its default.
    QCOMPARE(settings.params(u"INVALID_PRICE"_s),
             (Params{{u"max_unit_price_minor"_s, u"10000000"_s}, {u"allow_zero"_s, u"0"_s}}));
    QCOMPARE(settings.intParam(u"INVALID_PRICE"_s, u"allow_zero"_s), 0);

    settings.set(u"HIGH_VALUE"_s, false, {{u"threshold_minor"_s, u"0250000"_s}});
    QVERIFY(!settings.enabled(u"HIGH_VALUE"_s));
    QCOMPARE(settings.param(u"HIGH_VALUE"_s, u"threshold_minor"_s), u"250000"_s);

    // A later set() keeps the parameters set before.
    settings.set(u"HIGH_VALUE"_s, true);
    QVERIFY(settings.enabled(u"HIGH_VALUE"_s));
    QCOMPARE(settings.intParam(u"HIGH_VALUE"_s, u"threshold_minor"_s), 250000);

    settings.set(u"SUSPECTED_DUPLICATE"_s, true);
    QVERIFY(settings.enabled(u"SUSPECTED_DUPLICATE"_s));
    // The other rules keep their defaults.
    QVERIFY(settings.enabled(u"NO_LINES"_s));
    QCOMPARE(settings.intParam(u"INVALID_QUANTITY"_s, u"max_quantity"_s), 1000);
    // An unknown parameter reads as empty.
    QCOMPARE(settings.param(u"NO_LINES"_s, u"anything"_s), QString());
}

void tst_ValidationSettings::refuses_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<Params>("params");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown rule") << u"NOPE"_s << false << Params{} << u"there is no validation rule NOPE"_s;
    QTest::newRow("rule without parameters") << u"NO_LINES"_s << false << Params{{u"max"_s, u"1"_s}}
                                             << u"rule NO_LINES has no parameter 'max' (it has none)"_s;
    QTest::newRow("unknown parameter")
        << u"INVALID_PRICE"_s << false << Params{{u"max_price"_s, u"5"_s}}
        << u"rule INVALID_PRICE has no parameter 'max_price'; it has allow_zero, max_unit_price_minor"_s;
    QTest::newRow("negative")
        << u"INVALID_QUANTITY"_s << false << Params{{u"max_quantity"_s, u"-1"_s}}
        << u"max_quantity of rule INVALID_QUANTITY must be a whole number of 0 or more, "
           "not '-1'"_s;
    QTest::newRow("decimal") << u"HIGH_VALUE"_s << false << Params{{u"threshold_minor"_s, u"12.5"_s}}
                             << u"threshold_minor of rule HIGH_VALUE must be a whole number of 0 or more, "
                                "not '12.5'"_s;
    QTest::newRow("empty") << u"POSTAL_CODE_MISMATCH"_s << false << Params{{u"margin_km"_s, QString()}}
                           << u"margin_km of rule POSTAL_CODE_MISMATCH must be a whole number of 0 or more, "
                              "not ''"_s;
    QTest::newRow("one good, one bad")
        << u"INVALID_PRICE"_s << false
        << Params{{u"allow_zero"_s, u"0"_s}, {u"max_unit_price_minor"_s, u"x"_s}}
        << u"max_unit_price_minor of rule INVALID_PRICE must be a whole number of 0 or more, not 'x'"_s;
}

void tst_ValidationSettings::refuses() {
    QFETCH(QString, code);
    QFETCH(bool, enabled);
    QFETCH(Params, params);
    QFETCH(QString, message);

    ValidationSettings settings;
    const bool wasEnabled = settings.enabled(code);
    const Params hadParams = settings.params(code);
    try {
        settings.set(code, enabled, params);
        QFAIL("set() accepted it");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QCOMPARE(e.message(), message);
    }
    // A refused setting changes nothing.
    QCOMPARE(settings.enabled(code), wasEnabled);
    QCOMPARE(settings.params(code), hadParams);
}

void tst_ValidationSettings::saveAndLoad() {
    ValidationSettings settings;
    settings.set(u"HIGH_VALUE"_s, true, {{u"threshold_minor"_s, u"250000"_s}});
    settings.set(u"COUNTRY_MISMATCH"_s, false);
    settings.set(u"SUSPECTED_DUPLICATE"_s, true, {{u"window_minutes"_s, u"15"_s}});
    for (const QString& code : {u"HIGH_VALUE"_s, u"COUNTRY_MISMATCH"_s, u"SUSPECTED_DUPLICATE"_s})
        ValidationStore::saveSetting(db(), settings, code, ana);

    const ValidationSettings loaded = ValidationStore::loadSettings(db());
    QVERIFY(loaded.enabled(u"HIGH_VALUE"_s));
    QCOMPARE(loaded.intParam(u"HIGH_VALUE"_s, u"threshold_minor"_s), 250000);
    QVERIFY(!loaded.enabled(u"COUNTRY_MISMATCH"_s));
    QVERIFY(loaded.enabled(u"SUSPECTED_DUPLICATE"_s));
    QCOMPARE(loaded.params(u"SUSPECTED_DUPLICATE"_s), (Params{{u"window_minutes"_s, u"15"_s}}));
    QVERIFY(loaded.enabled(u"NO_LINES"_s));
    QCOMPARE(loaded.intParam(u"INVALID_QUANTITY"_s, u"max_quantity"_s), 1000);

    SqlQuery who(db(), u"SELECT updated_by FROM validation_rules WHERE code = 'HIGH_VALUE'"_s);
    QCOMPARE(who.scalar().toString(), u"ana"_s);
}

void tst_ValidationSettings::saveOverwrites() {
    ValidationSettings settings;
    settings.set(u"HIGH_VALUE"_s, false, {{u"threshold_minor"_s, u"1"_s}});
    ValidationStore::saveSetting(db(), settings, u"HIGH_VALUE"_s, ana);
    settings.set(u"HIGH_VALUE"_s, true, {{u"threshold_minor"_s, u"2"_s}});
    ValidationStore::saveSetting(db(), settings, u"HIGH_VALUE"_s, lee);

    SqlQuery rows(db(), u"SELECT count(*) FROM validation_rules"_s);
    QCOMPARE(rows.scalar().toLongLong(), 1);
    const ValidationSettings loaded = ValidationStore::loadSettings(db());
    QVERIFY(loaded.enabled(u"HIGH_VALUE"_s));
    QCOMPARE(loaded.intParam(u"HIGH_VALUE"_s, u"threshold_minor"_s), 2);
    SqlQuery who(db(), u"SELECT updated_by FROM validation_rules WHERE code = 'HIGH_VALUE'"_s);
    QCOMPARE(who.scalar().toString(), u"lee"_s);
}

void tst_ValidationSettings::saveWithoutOverrideWritesNothing() {
    const ValidationSettings settings;
    ValidationStore::saveSetting(db(), settings, u"HIGH_VALUE"_s, ana);
    SqlQuery rows(db(), u"SELECT count(*) FROM validation_rules"_s);
    QCOMPARE(rows.scalar().toLongLong(), 0);
}

void tst_ValidationSettings::refusedActorChangesNothing_data() {
    QTest::addColumn<Role>("role");
    // Validation decides which orders are held: a rule is changed by whoever may edit the rules.
    QTest::newRow("manager") << Role::Manager;
    QTest::newRow("csr") << Role::CustomerService;
    QTest::newRow("warehouse") << Role::Warehouse;
}

void tst_ValidationSettings::refusedActorChangesNothing() {
    QFETCH(Role, role);
    ValidationSettings settings;
    settings.set(u"HIGH_VALUE"_s, false);
    try {
        ValidationStore::saveSetting(db(), settings, u"HIGH_VALUE"_s, Actor{u"pat"_s, role});
        QFAIL("a rule was changed by someone who may not edit the rules");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Denied);
        QCOMPARE(e.message(), u"pat (%1) may not change the validation rules"_s.arg(ordo::roleCode(role)));
    }
    QCOMPARE(count(u"SELECT count(*) FROM validation_rules"_s), 0);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events"_s), 0);
    QVERIFY(ValidationStore::loadSettings(db()).enabled(u"HIGH_VALUE"_s));
}

void tst_ValidationSettings::changeIsAuditedOnce() {
    ValidationSettings settings;
    settings.set(u"HIGH_VALUE"_s, true, {{u"threshold_minor"_s, u"250000"_s}});
    ValidationStore::saveSetting(db(), settings, u"HIGH_VALUE"_s, ana);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events"_s), 1);
    SqlQuery row(
        db(), u"SELECT actor, entity, entity_id, action, from_state, to_state, detail FROM audit_events"_s);
    row.exec();
    QVERIFY(row.next());
    QCOMPARE(row.value(0).toString(), u"ana"_s);
    QCOMPARE(row.value(1).toString(), u"validation_rule"_s);
    QCOMPARE(row.value(2).toLongLong(), 0);
    QCOMPARE(row.value(3).toString(), u"enable"_s);
    QCOMPARE(row.value(4).toString(), u"on"_s);
    QCOMPARE(row.value(5).toString(), u"on"_s);
    QCOMPARE(row.value(6).toString(),
             u"HIGH_VALUE: on, threshold_minor=500000 -> on, threshold_minor=250000"_s);

    settings.set(u"COUNTRY_MISMATCH"_s, false);
    ValidationStore::saveSetting(db(), settings, u"COUNTRY_MISMATCH"_s, lee);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events"_s), 2);
    SqlQuery last(db(),
                  u"SELECT actor, action, from_state, to_state, detail FROM audit_events ORDER BY id DESC"_s);
    last.exec();
    QVERIFY(last.next());
    QCOMPARE(last.value(0).toString(), u"lee"_s);
    QCOMPARE(last.value(1).toString(), u"disable"_s);
    QCOMPARE(last.value(2).toString(), u"on"_s);
    QCOMPARE(last.value(3).toString(), u"off"_s);
    QCOMPARE(last.value(4).toString(), u"COUNTRY_MISMATCH: on -> off"_s);

    // Saved again as they are: nothing changes, nothing is written.
    ValidationStore::saveSetting(db(), settings, u"HIGH_VALUE"_s, lee);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events"_s), 2);
    QCOMPARE(count(u"SELECT count(*) FROM validation_rules WHERE updated_by = 'lee'"_s), 1);
}

QTEST_GUILESS_MAIN(tst_ValidationSettings)
#include "tst_validationsettings.moc"
