// `ordo route` and `ordo reject`: the real executable against SQLite and
// PostgreSQL over the sample world (costs hand-computed in
// tst_routingservice.cpp: DC-EAST 5.26, ST-NYC 6.01, VN-ACME 24.18 to 350 5th
// Ave).
#include "OrdoProcess.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "orders/OrderCapture.h"
#include "orders/OrderQuery.h"
#include "storage/LocationRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestRouteCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void routesOneOrderAsJson();
    void dryRunOfThePendingOrders();
    void pendingJsonIsOneDecisionPerLine();
    void largeOrderSaysHowGoodItsAssignmentIs();
    void rejectReroutes();
    void usageErrors_data();
    void usageErrors();
    void unknownOrderIsRejectedInput();
    void exceptionActions();
    void skuTags();

private:
    using Run = test::OrdoRun;
    static Run ordo(const QStringList& arguments) { return test::runOrdo(arguments); }
    Database& db() { return m_test->db(); }
    void stock(const QString& location, const QString& sku, qint64 onHand);
    qint64 capture(const QString& number, const QList<QPair<QString, int>>& lines);
    qint64 count(const QString& sql) { return SqlQuery(db(), sql).scalar().toLongLong(); }

    std::unique_ptr<test::TestDatabase> m_test;
};

void TestRouteCommand::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(db());
    stock(u"DC-EAST"_s, u"SKU-1"_s, 10);
    stock(u"ST-NYC"_s, u"SKU-1"_s, 10);
}

void TestRouteCommand::stock(const QString& location, const QString& sku, qint64 onHand) {
    Transaction tx(db());
    PositionRepository(db()).setOnHand(*LocationRepository(db()).idForCode(location),
                                       SkuRepository(db()).findByCode(sku)->id, onHand, 0);
    tx.commit();
}

qint64 TestRouteCommand::capture(const QString& number, const QList<QPair<QString, int>>& lines) {
    return OrderCapture(db(), Actor::system()).capture(test::sampleOrder(number, lines)).orderId;
}

void TestRouteCommand::routesOneOrderAsJson() {
    const qint64 id = capture(u"W-1"_s, {{u"SKU-1"_s, 2}});
    const Run run = ordo({u"route"_s, u"--db"_s, m_test->url(), u"--order"_s, u"W-1"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray decisions = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(decisions.size(), 1);
    const QJsonObject d = decisions.at(0).toObject();
    QCOMPARE(d.value(u"order_id"_s).toString(), u"W-1"_s);
    QCOMPARE(d.value(u"outcome"_s).toString(), u"routed"_s);
    QCOMPARE(d.value(u"rule_version"_s).toInt(), 0);
    QCOMPARE(d.value(u"total_cost"_s).toString(), u"5.26"_s);
    const QJsonObject shipment = d.value(u"shipments"_s).toArray().at(0).toObject();
    QCOMPARE(shipment.value(u"location_id"_s).toString(), u"DC-EAST"_s);
    QCOMPARE(shipment.value(u"cost"_s).toString(), u"5.26"_s);
    QVERIFY(qAbs(shipment.value(u"distance_km"_s).toDouble() - 126.339) < 0.01);
    const QJsonObject line = shipment.value(u"lines"_s).toArray().at(0).toObject();
    QCOMPARE(line.value(u"sku"_s).toString(), u"SKU-1"_s);
    QCOMPARE(line.value(u"quantity"_s).toInt(), 2);
    const QJsonArray candidates = d.value(u"candidates"_s).toArray();
    QVERIFY(candidates.size() >= 2);
    for (const QJsonValue& c : candidates) {
        QVERIFY(c.toObject().value(u"location_id"_s).isString());
        QVERIFY(c.toObject().value(u"eligible"_s).isBool());
        QVERIFY(c.toObject().value(u"reasons"_s).isArray());
        QVERIFY(c.toObject().value(u"scores"_s).isObject());
    }
    QCOMPARE(d.value(u"action"_s).toString(), u"reserved"_s);
    QCOMPARE(OrderQuery(db()).detail(id)->order.status, OrderStatus::Routed);
    QCOMPARE(count(u"SELECT COUNT(*) FROM routing_decisions"_s), 1);
}

void TestRouteCommand::dryRunOfThePendingOrders() {
    capture(u"W-1"_s, {{u"SKU-1"_s, 2}});
    capture(u"W-2"_s, {{u"SKU-1"_s, 1}});
    const Run run = ordo({u"route"_s, u"--db"_s, m_test->url(), u"--pending"_s, u"--dry-run"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("W-1  routed (dry run)"), run.out.constData());
    QVERIFY(run.out.contains("ship from DC-EAST"));
    QVERIFY(run.out.contains("total 5.26 USD"));
    QVERIFY(run.out.contains("runner-up: ST-NYC, 6.01 USD"));
    QVERIFY(run.out.contains("2 order(s) routed: 2 routed (dry run: nothing reserved or stored)"));
    QCOMPARE(count(u"SELECT COUNT(*) FROM routing_decisions"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM orders WHERE status = 'validated'"_s), 2);
}

void TestRouteCommand::pendingJsonIsOneDecisionPerLine() {
    capture(u"W-1"_s, {{u"SKU-1"_s, 2}});
    capture(u"W-2"_s, {{u"SKU-1"_s, 1}});
    capture(u"W-3"_s, {{u"SKU-2"_s, 1}}); // no stock anywhere: held
    const Run run = ordo({u"route"_s, u"--db"_s, m_test->url(), u"--pending"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    // JSON Lines: one compact object per order and line, in the order routed, nothing else.
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QStringList numbers, actions;
    for (const QByteArray& line : lines) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), line.constData());
        const QJsonObject o = doc.object();
        numbers << o.value(u"order_id"_s).toString();
        actions << o.value(u"action"_s).toString();
        QVERIFY(o.value(u"candidates"_s).isArray());
        QVERIFY(o.value(u"rerouted"_s).isBool());
        // The decision is the one stored with the order.
        SqlQuery stored(db(), u"SELECT d.body FROM routing_decisions d JOIN orders o ON o.id = d.order_id "
                              "WHERE o.order_number = :n"_s);
        stored.bind(u":n"_s, numbers.last());
        QJsonObject body = QJsonDocument::fromJson(stored.scalar().toString().toUtf8()).object();
        for (const QString& key : {u"action"_s, u"reserved"_s, u"rerouted"_s})
            body.insert(key, o.value(key));
        QCOMPARE(o, body);
    }
    QCOMPARE(numbers, (QStringList{u"W-1"_s, u"W-2"_s, u"W-3"_s}));
    QCOMPARE(actions, (QStringList{u"reserved"_s, u"reserved"_s, u"held"_s}));
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(first.value(u"reserved"_s).toBool(), true);
    QCOMPARE(first.value(u"total_cost"_s).toString(), u"5.26"_s);
    QCOMPARE(count(u"SELECT COUNT(*) FROM orders WHERE status = 'routed'"_s), 2);
}

void TestRouteCommand::largeOrderSaysHowGoodItsAssignmentIs() {
    // 17 lines, past the exact search's 16: the integer programme routes it, and the text says how good its
    // answer is (proven optimal, or within a gap of its bound), as the JSON's method does.
    QList<QPair<QString, int>> lines;
    for (int i = 0; i < 17; ++i)
        lines << qMakePair(u"SKU-1"_s, 1);
    capture(u"B-17"_s, lines);
    const Run text = ordo({u"route"_s, u"--db"_s, m_test->url(), u"--order"_s, u"B-17"_s, u"--dry-run"_s});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    const QString out = QString::fromUtf8(text.out);
    QVERIFY2(out.contains(u"  assignment: proven optimal (integer programme, "_s) ||
                 out.contains(u"  assignment: within "_s),
             qPrintable(out));
    const Run json = ordo({u"route"_s, u"--db"_s, m_test->url(), u"--order"_s, u"B-17"_s, u"--json"_s});
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonObject d = QJsonDocument::fromJson(json.out).array().at(0).toObject();
    QCOMPARE(d.value(u"method"_s).toString(), u"integer_programme"_s);
    QCOMPARE(d.value(u"outcome"_s).toString(), u"routed"_s);
    // 17 units over two locations of 10: two shipments, every line assigned.
    const QJsonArray shipments = d.value(u"shipments"_s).toArray();
    QCOMPARE(shipments.size(), 2);
    int assigned = 0;
    for (const QJsonValue& shipment : shipments)
        assigned += int(shipment.toObject().value(u"lines"_s).toArray().size());
    QCOMPARE(assigned, 17);
    QVERIFY(d.value(u"gap"_s).toDouble() >= 0.0);
}

void TestRouteCommand::rejectReroutes() {
    capture(u"W-1"_s, {{u"SKU-1"_s, 2}});
    QCOMPARE(ordo({u"route"_s, u"--db"_s, m_test->url(), u"--pending"_s}).exitCode, 0);
    const Run run = ordo({u"reject"_s, u"--db"_s, m_test->url(), u"--order"_s, u"W-1"_s, u"--location"_s,
                          u"DC-EAST"_s, u"--line"_s, u"1"_s, u"--reason"_s, u"damaged"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(o.value(u"released"_s).toInt(), 1);
    QCOMPARE(o.value(u"rejected_locations"_s).toArray(), QJsonArray{u"DC-EAST"_s});
    const QJsonObject decision = o.value(u"decision"_s).toObject();
    QCOMPARE(decision.value(u"shipments"_s).toArray().at(0).toObject().value(u"location_id"_s).toString(),
             u"ST-NYC"_s);
    QCOMPARE(decision.value(u"total_cost"_s).toString(), u"6.01"_s);
    QVERIFY(o.value(u"notification"_s).toString().contains(u"ST-NYC"_s));
    QCOMPARE(count(u"SELECT COUNT(*) FROM notifications"_s), 1);
    // Rejecting a line the location does not hold is refused (exit 3) and changes
    // nothing.
    const Run again = ordo({u"reject"_s, u"--db"_s, m_test->url(), u"--order"_s, u"W-1"_s, u"--location"_s,
                            u"DC-EAST"_s, u"--line"_s, u"1"_s, u"--reason"_s, u"damaged"_s});
    QCOMPARE(again.exitCode, 3);
    QVERIFY(again.err.contains("line 1 of order W-1 is not held at DC-EAST"));
    QCOMPARE(count(u"SELECT COUNT(*) FROM notifications"_s), 1);
}

void TestRouteCommand::usageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("route without order") << QStringList{u"route"_s};
    QTest::newRow("route order and pending")
        << QStringList{u"route"_s, u"--order"_s, u"W-1"_s, u"--pending"_s};
    QTest::newRow("route unknown option") << QStringList{u"route"_s, u"--pending"_s, u"--fast"_s};
    QTest::newRow("reject without reason") << QStringList{
        u"reject"_s, u"--order"_s, u"W-1"_s, u"--location"_s, u"DC-EAST"_s, u"--line"_s, u"1"_s};
    QTest::newRow("assign without line") << QStringList{u"exceptions"_s, u"assign"_s, u"--order"_s, u"W-1"_s};
    QTest::newRow("assign bad line") << QStringList{u"exceptions"_s, u"assign"_s, u"--order"_s,
                                                    u"W-1"_s,        u"--line"_s, u"1:DC-EAST"_s};
    QTest::newRow("backorder without order")
        << QStringList{u"exceptions"_s, u"backorder"_s, u"--note"_s, u"x"_s};
    QTest::newRow("reject bad line") << QStringList{u"reject"_s,     u"--order"_s,  u"W-1"_s,
                                                    u"--location"_s, u"DC-EAST"_s,  u"--line"_s,
                                                    u"one"_s,        u"--reason"_s, u"x"_s};
}

void TestRouteCommand::usageErrors() {
    QFETCH(QStringList, arguments);
    arguments << u"--db"_s << m_test->url();
    QCOMPARE(ordo(arguments).exitCode, 2);
}

void TestRouteCommand::unknownOrderIsRejectedInput() {
    const Run run = ordo({u"route"_s, u"--db"_s, m_test->url(), u"--order"_s, u"NOPE"_s});
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.err.contains("there is no order NOPE"));
}

void TestRouteCommand::exceptionActions() {
    // W-1 wants 3 x SKU-2, which nobody holds: held by routing.
    const qint64 id = capture(u"W-1"_s, {{u"SKU-2"_s, 3}});
    QCOMPARE(ordo({u"route"_s, u"--db"_s, m_test->url(), u"--order"_s, u"W-1"_s}).exitCode, 0);
    QCOMPARE(OrderQuery(db()).detail(id)->order.status, OrderStatus::Exception);

    // A hand choice where the units are not: refused input, nothing changed.
    stock(u"ST-NYC"_s, u"SKU-2"_s, 2);
    Run run = ordo({u"exceptions"_s, u"assign"_s, u"--db"_s, m_test->url(), u"--order"_s, u"W-1"_s,
                    u"--line"_s, u"1=ST-NYC"_s, u"--note"_s, u"store has some"_s});
    QCOMPARE(run.exitCode, 3); // a state error: input rejected
    QVERIFY2(run.err.contains("cannot be reserved where chosen"), run.err.constData());
    QCOMPARE(OrderQuery(db()).detail(id)->order.status, OrderStatus::Exception);

    stock(u"ST-NYC"_s, u"SKU-2"_s, 5);
    run = ordo({u"exceptions"_s, u"assign"_s, u"--db"_s, m_test->url(), u"--order"_s, u"W-1"_s, u"--line"_s,
                u"1=ST-NYC"_s, u"--note"_s, u"store has them"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject d = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(d.value(u"strategy"_s).toString(), u"chosen by hand"_s);
    QCOMPARE(d.value(u"total_cost"_s).toString(), u"6.01"_s);
    QCOMPARE(d.value(u"action"_s).toString(), u"reserved"_s);
    QCOMPARE(OrderQuery(db()).detail(id)->order.status, OrderStatus::Routed);

    // Backorder and route again on a second held order.
    const qint64 second = capture(u"W-2"_s, {{u"SKU-3"_s, 1}});
    QCOMPARE(ordo({u"route"_s, u"--db"_s, m_test->url(), u"--order"_s, u"W-2"_s}).exitCode, 0);
    run = ordo({u"exceptions"_s, u"backorder"_s, u"--db"_s, m_test->url(), u"--order"_s, u"W-2"_s,
                u"--note"_s, u"waits"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("W-2 on backorder: line 1 (1 x SKU-3) no inbound supply known\n"));
    QCOMPARE(OrderQuery(db()).detail(second)->order.status, OrderStatus::Validated);
    stock(u"DC-EAST"_s, u"SKU-3"_s, 1);
    run = ordo({u"exceptions"_s, u"route-again"_s, u"--db"_s, m_test->url(), u"--order"_s, u"W-2"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("W-2: reserved at DC-EAST\n"));
    QCOMPARE(OrderQuery(db()).detail(second)->order.status, OrderStatus::Routed);
}

void TestRouteCommand::skuTags() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"tags.csv"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("sku,tags\nSKU-1,hazmat\nSKU-2,oversize;heavy\n");
    file.close();
    Run run = ordo({u"skus"_s, u"tags"_s, u"import"_s, u"--db"_s, m_test->url(), file.fileName()});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("tags set on 2 SKU(s)\n"));
    run = ordo({u"skus"_s, u"tags"_s, u"set"_s, u"--db"_s, m_test->url(), u"SKU-3"_s, u"Fragile"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("SKU-3: fragile\n"));
    run = ordo({u"skus"_s, u"tags"_s, u"list"_s, u"--db"_s, m_test->url(), u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(1).toObject().value(u"sku"_s).toString(), u"SKU-2"_s);
    QCOMPARE(list.at(1).toObject().value(u"tags"_s).toArray(), (QJsonArray{u"heavy"_s, u"oversize"_s}));
    // A bad tag refuses the command with the reason.
    run = ordo({u"skus"_s, u"tags"_s, u"set"_s, u"--db"_s, m_test->url(), u"SKU-3"_s, u"no way"_s, u"b@d"_s});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("'b@d' is not a tag"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestRouteCommand)
#include "tst_routecommand.moc"
