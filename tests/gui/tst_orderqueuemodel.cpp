#include "GuiFixture.h"
#include "OrderBackend.h"
#include "OrderQueueModel.h"
#include "TestDatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using ordo::ui::OrderBackend;
using ordo::ui::OrderQueueModel;

class TestOrderQueueModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void loadsFirstPageAndCount();
    void fetchMoreLoadsPagesToTheEnd();
    void sortsInTheDatabase_data();
    void sortsInTheDatabase();
    void ignoresUnsortableColumns();
    void filters_data();
    void filters();
    void dropsStaleAnswers();
    void newestFilterWins();
    void rawValuesAndIds();

private:
    static void waitUntilLoaded(OrderQueueModel& model);

    std::unique_ptr<ordo::test::TestDatabase> m_database;
    std::unique_ptr<OrderBackend> m_backend;
    std::unique_ptr<OrderQueueModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestOrderQueueModel::initTestCase()
{
    m_database = ordo::test::TestDatabase::create(u"sqlite"_s);
    QVERIFY(m_database);
    ordo::test::gui::populate(m_database->db());
    m_backend = std::make_unique<OrderBackend>();
    QSignalSpy opened(m_backend.get(), &OrderBackend::opened);
    m_backend->open(m_database->url());
    QVERIFY(opened.wait());
    QCOMPARE(opened.first().at(1).toString(), QString());
}

void TestOrderQueueModel::init()
{
    m_model = std::make_unique<OrderQueueModel>(m_backend.get());
    connect(m_model.get(), &OrderQueueModel::loadFailed, this,
            [](const QString& error) { qWarning("load failed: %s", qPrintable(error)); });
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    waitUntilLoaded(*m_model);
}

void TestOrderQueueModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestOrderQueueModel::cleanupTestCase()
{
    m_backend.reset();
    m_database.reset();
}

void TestOrderQueueModel::waitUntilLoaded(OrderQueueModel& model)
{
    QTRY_VERIFY2(!model.isLoading() && model.totalCount() >= 0,
                 qPrintable(u"loading %1, total %2, rows %3"_s.arg(model.isLoading())
                                .arg(model.totalCount())
                                .arg(model.rowCount())));
}

void TestOrderQueueModel::loadsFirstPageAndCount()
{
    QCOMPARE(m_model->totalCount(), ordo::test::gui::orderCount);
    QCOMPARE(m_model->rowCount(), OrderQueueModel::pageSize);
    QCOMPARE(m_model->columnCount(), int(OrderQueueModel::ColumnCount));
    // Newest first by default.
    QCOMPARE(m_model->index(0, OrderQueueModel::Number).data().toString(), u"SO-10000"_s);
    QCOMPARE(m_model->index(1, OrderQueueModel::Number).data().toString(), u"SO-10001"_s);
    QVERIFY(m_model->canFetchMore({}));
}

void TestOrderQueueModel::fetchMoreLoadsPagesToTheEnd()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->fetchMore({});
    QVERIFY(!m_model->canFetchMore({})); // one page in flight at a time
    QTRY_COMPARE(m_model->rowCount(), 2 * OrderQueueModel::pageSize);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), OrderQueueModel::pageSize);
    QCOMPARE(inserted.first().at(2).toInt(), 2 * OrderQueueModel::pageSize - 1);
    QTRY_VERIFY(m_model->canFetchMore({}));
    m_model->fetchMore({});
    QTRY_COMPARE(m_model->rowCount(), ordo::test::gui::orderCount);
    QTRY_VERIFY(!m_model->isLoading());
    QVERIFY(!m_model->canFetchMore({})); // a short page: the end
    QCOMPARE(m_model->index(ordo::test::gui::orderCount - 1, OrderQueueModel::Number).data().toString(),
             u"SO-10449"_s);
}

void TestOrderQueueModel::sortsInTheDatabase_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("first");
    QTest::newRow("number ascending") << int(OrderQueueModel::Number) << int(Qt::AscendingOrder) << u"SO-10000"_s;
    QTest::newRow("number descending") << int(OrderQueueModel::Number) << int(Qt::DescendingOrder)
                                       << u"SO-10449"_s;
    QTest::newRow("placed ascending") << int(OrderQueueModel::Placed) << int(Qt::AscendingOrder) << u"SO-10449"_s;
}

void TestOrderQueueModel::sortsInTheDatabase()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QString, first);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->sort(column, Qt::SortOrder(order));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    waitUntilLoaded(*m_model);
    QCOMPARE(m_model->rowCount(), OrderQueueModel::pageSize);
    QCOMPARE(m_model->index(0, OrderQueueModel::Number).data().toString(), first);
    QCOMPARE(m_model->sortColumn(), column);
}

void TestOrderQueueModel::ignoresUnsortableColumns()
{
    const quint64 generation = m_model->generation();
    m_model->sort(OrderQueueModel::Email, Qt::AscendingOrder);
    QCOMPARE(m_model->generation(), generation);
    QCOMPARE(m_model->sortColumn(), int(OrderQueueModel::Placed));

    m_model->sort(OrderQueueModel::Total, Qt::DescendingOrder);
    waitUntilLoaded(*m_model);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 total = m_model->index(row, OrderQueueModel::Total).data(OrderQueueModel::RawRole).toLongLong();
        QVERIFY2(total <= previous, qPrintable(u"row %1"_s.arg(row)));
        previous = total;
    }
}

void TestOrderQueueModel::filters_data()
{
    using namespace ordo::test::gui;
    QTest::addColumn<ordo::OrderFilter>("filter");
    QTest::addColumn<int>("expected");
    int pickups = 0;
    int marketplace = 0;
    for (int i = 0; i < orderCount; ++i) {
        pickups += isPickup(i);
        marketplace += ordo::allChannels[i % 6] == ordo::Channel::Marketplace;
    }
    ordo::OrderFilter exceptions;
    exceptions.status = ordo::OrderStatus::Exception;
    QTest::newRow("status exception") << exceptions << heldCount();
    ordo::OrderFilter channel;
    channel.channel = ordo::Channel::Marketplace;
    QTest::newRow("channel marketplace") << channel << marketplace;
    ordo::OrderFilter location;
    location.locationCode = u"ST-NYC"_s;
    QTest::newRow("pickup location") << location << pickups;
    ordo::OrderFilter day;
    day.from = QDateTime(QDate(2026, 11, 2), QTime(0, 0), Qt::UTC);
    day.to = QDateTime(QDate(2026, 11, 3), QTime(0, 0), Qt::UTC);
    QTest::newRow("one day") << day << 15; // 14:30 back to 00:30
    ordo::OrderFilter name;
    name.search = uniqueCustomer;
    QTest::newRow("search name") << name << 1;
    ordo::OrderFilter number;
    number.search = u"SO-104"_s; // SO-10400 ... SO-10449
    QTest::newRow("search number prefix") << number << 50;
}

void TestOrderQueueModel::filters()
{
    QFETCH(ordo::OrderFilter, filter);
    QFETCH(int, expected);
    QSignalSpy counted(m_model.get(), &OrderQueueModel::totalCountChanged);
    m_model->setFilter(filter);
    waitUntilLoaded(*m_model);
    QCOMPARE(m_model->totalCount(), expected);
    QCOMPARE(m_model->rowCount(), qMin(expected, OrderQueueModel::pageSize));
    QCOMPARE(counted.last().at(0).toLongLong(), expected);
    if (filter.status) {
        for (int row = 0; row < m_model->rowCount(); ++row)
            QCOMPARE(m_model->summary(row).status, *filter.status);
    }
}

void TestOrderQueueModel::dropsStaleAnswers()
{
    const quint64 old = m_model->generation();
    ordo::OrderFilter filter;
    filter.channel = ordo::Channel::B2b;
    m_model->setFilter(filter);
    waitUntilLoaded(*m_model);
    const int rows = m_model->rowCount();
    const qint64 total = m_model->totalCount();

    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy counted(m_model.get(), &OrderQueueModel::totalCountChanged);
    ordo::OrderSummary stale;
    stale.id = 999999;
    stale.orderNumber = u"STALE"_s;
    m_model->applyPage(old, rows, {stale});
    m_model->applyPage(old, 0, {stale});
    m_model->applyCount(old, 12345);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(counted.size(), 0);
    QCOMPARE(m_model->rowCount(), rows);
    QCOMPARE(m_model->totalCount(), total);
    QCOMPARE(m_model->rowForId(999999), -1);
}

void TestOrderQueueModel::newestFilterWins()
{
    // Three questions in a row: only the answers to the last one may reach the model.
    ordo::OrderFilter first;
    first.channel = ordo::Channel::Web;
    ordo::OrderFilter second;
    second.status = ordo::OrderStatus::Exception;
    ordo::OrderFilter third;
    third.channel = ordo::Channel::Phone;
    m_model->setFilter(first);
    m_model->setFilter(second);
    m_model->setFilter(third);
    waitUntilLoaded(*m_model);
    QTest::qWait(100); // answers to the older questions arrive and are dropped
    QCOMPARE(m_model->totalCount(), ordo::test::gui::orderCount / 6);
    QCOMPARE(m_model->rowCount(), ordo::test::gui::orderCount / 6);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->summary(row).channel, ordo::Channel::Phone);
}

void TestOrderQueueModel::rawValuesAndIds()
{
    for (int row : {0, 17, 199}) {
        const QModelIndex index = m_model->index(row, OrderQueueModel::Number);
        const qint64 id = index.data(OrderQueueModel::IdRole).toLongLong();
        QCOMPARE(m_model->rowForId(id), row);
        QCOMPARE(m_model->summary(row).id, id);
    }
    const QModelIndex total = m_model->index(0, OrderQueueModel::Total);
    const ordo::OrderSummary& first = m_model->summary(0);
    QCOMPARE(total.data(OrderQueueModel::RawRole).toLongLong(), first.totalMinor);
    QVERIFY(total.data().toString().endsWith(u" USD"_s));
    QCOMPARE(total.data(Qt::TextAlignmentRole).value<Qt::Alignment>(), Qt::AlignRight | Qt::AlignVCenter);
    QCOMPARE(m_model->index(0, OrderQueueModel::Status).data(OrderQueueModel::StatusRole).toInt(),
             int(first.status));
    QCOMPARE(m_model->index(0, OrderQueueModel::Placed).data(OrderQueueModel::RawRole).toDateTime(),
             first.orderedAt);
}

QTEST_MAIN(TestOrderQueueModel)
#include "tst_orderqueuemodel.moc"
