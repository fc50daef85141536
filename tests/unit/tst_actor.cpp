// Actor: what each role may do (the permission matrix the services check), and role codes both ways.
#include "model/Actor.h"

#include <QTest>

using namespace Qt::StringLiterals;
using ordo::Actor;
using ordo::Permission;
using ordo::Role;

Q_DECLARE_METATYPE(ordo::Role)

class tst_Actor : public QObject {
    Q_OBJECT

private slots:
    void permissions_data();
    void permissions();
    void roleCodes_data();
    void roleCodes();
    void unknownRole();
    void systemActor();
};

void tst_Actor::permissions_data() {
    QTest::addColumn<Role>("role");
    // In the order: capture, advance, resolve exceptions, cancel, master data, edit rules, replace the
    // database.
    QTest::addColumn<QList<bool>>("may");

    // Emptying a whole database (`ordo demo --force`) is a person's decision: an administrator's, never an
    // automatic process's.
    QTest::newRow("admin") << Role::Admin << QList<bool>{true, true, true, true, true, true, true};
    QTest::newRow("system") << Role::System << QList<bool>{true, true, true, true, true, true, false};
    QTest::newRow("manager") << Role::Manager << QList<bool>{true, true, true, true, true, false, false};
    QTest::newRow("csr") << Role::CustomerService
                         << QList<bool>{true, false, true, true, false, false, false};
    QTest::newRow("warehouse") << Role::Warehouse
                               << QList<bool>{false, true, false, false, false, false, false};
}

void tst_Actor::permissions() {
    QFETCH(Role, role);
    QFETCH(QList<bool>, may);
    const Permission permissions[] = {Permission::CaptureOrders,     Permission::AdvanceOrders,
                                      Permission::ResolveExceptions, Permission::CancelOrders,
                                      Permission::ManageMasterData,  Permission::EditRules,
                                      Permission::ReplaceDatabase};
    QCOMPARE(may.size(), qsizetype(std::size(permissions)));
    const Actor actor{u"ana"_s, role};
    for (qsizetype i = 0; i < may.size(); ++i)
        QVERIFY2(actor.may(permissions[i]) == may[i], qPrintable(u"permission %1"_s.arg(i)));
}

void tst_Actor::roleCodes_data() {
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("code");
    QTest::newRow("admin") << Role::Admin << u"admin"_s;
    QTest::newRow("manager") << Role::Manager << u"manager"_s;
    QTest::newRow("csr") << Role::CustomerService << u"csr"_s;
    QTest::newRow("warehouse") << Role::Warehouse << u"warehouse"_s;
    QTest::newRow("system") << Role::System << u"system"_s;
}

void tst_Actor::roleCodes() {
    QFETCH(Role, role);
    QFETCH(QString, code);
    QCOMPARE(ordo::roleCode(role), code);
    QCOMPARE(ordo::roleFromCode(code), std::optional<Role>(role));
    QCOMPARE(ordo::roleFromCode(code.toUpper()), std::optional<Role>(role)); // codes compare without case
}

void tst_Actor::unknownRole() {
    QVERIFY(!ordo::roleFromCode(u"root"));
    QVERIFY(!ordo::roleFromCode(u""));
    QVERIFY(!ordo::roleFromCode(u"customer_service"));
}

void tst_Actor::systemActor() {
    const Actor system = Actor::system();
    QCOMPARE(system.user, u"system"_s);
    QCOMPARE(system.role, Role::System);
}

QTEST_GUILESS_MAIN(tst_Actor)
#include "tst_actor.moc"
